import { EuiButton, EuiCallOut, EuiText } from '@elastic/eui';
import React from 'react';
import type { ExplainedError } from '../../lib/playground_errors';

interface Props {
  side: 'cluster' | 'native';
  explained: ExplainedError;
  /** Shown for `not_deployed`: opens the deploy confirmation used across the app. */
  onDeploy?: () => void;
}

/** A failed side of a run: what happened in plain words, what to do, and the upstream reason. */
export function PlaygroundError({ side, explained, onDeploy }: Props) {
  const testSubj = `playgroundError-${side}`;
  return (
    <EuiCallOut title={`${side === 'cluster' ? 'Cluster' : 'Native'}: ${explained.title}`} color="danger" iconType="alert" data-test-subj={testSubj} data-kind={explained.kind}>
      {explained.hint && <p data-test-subj={`${testSubj}-hint`}>{explained.hint}</p>}
      <EuiText size="s">
        <p>
          Reason: <span data-test-subj={`${testSubj}-message`}>{explained.reason}</span>
        </p>
      </EuiText>
      {explained.kind === 'not_deployed' && onDeploy && (
        <EuiButton size="s" color="danger" iconType="play" onClick={onDeploy} data-test-subj="playgroundDeploy">
          Deploy the model
        </EuiButton>
      )}
    </EuiCallOut>
  );
}
