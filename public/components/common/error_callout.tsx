import { EuiButton, EuiCallOut } from '@elastic/eui';
import React from 'react';
import { errorMessage } from '../../apis/errors';

interface Props {
  title: string;
  error: unknown;
  onRetry?: () => void;
  'data-test-subj'?: string;
}

/** A failed request, with ML Commons' own reason as the body. */
export function ErrorCallout({ title, error, onRetry, 'data-test-subj': testSubj = 'errorCallout' }: Props) {
  return (
    <EuiCallOut title={title} color="danger" iconType="alert" data-test-subj={testSubj}>
      <p data-test-subj={`${testSubj}-message`}>{errorMessage(error)}</p>
      {onRetry && (
        <EuiButton size="s" color="danger" onClick={onRetry} data-test-subj={`${testSubj}-retry`}>
          Try again
        </EuiButton>
      )}
    </EuiCallOut>
  );
}
