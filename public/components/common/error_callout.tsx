import { EuiButton, EuiCallOut } from '@elastic/eui';
import React from 'react';
import { errorMessage } from '../../apis/errors';

interface Props {
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** `warning` for failures that leave the page usable (e.g. a side panel). */
  color?: 'danger' | 'warning';
  'data-test-subj'?: string;
}

/** A failed request, with ML Commons' own reason as the body. */
export function ErrorCallout({ title, error, onRetry, color = 'danger', 'data-test-subj': testSubj = 'errorCallout' }: Props) {
  return (
    <EuiCallOut title={title} color={color} iconType="alert" data-test-subj={testSubj}>
      <p data-test-subj={`${testSubj}-message`}>{errorMessage(error)}</p>
      {onRetry && (
        <EuiButton size="s" color={color} onClick={onRetry} data-test-subj={`${testSubj}-retry`}>
          Try again
        </EuiButton>
      )}
    </EuiCallOut>
  );
}
