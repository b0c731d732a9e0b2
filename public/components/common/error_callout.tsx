import { EuiButton, EuiCallOut, EuiSpacer } from '@elastic/eui';
import React from 'react';
import { errorMessage, errorStatus } from '../../apis/errors';

interface Props {
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** `warning` for failures that leave the page usable (e.g. a side panel). */
  color?: 'danger' | 'warning';
  'data-test-subj'?: string;
}

/**
 * Answers the same request will get again (a malformed id, a model that does not exist): no point
 * offering to retry them. A 403 may pass once someone grants the permission, so it keeps it.
 */
const FINAL = (status: number | undefined) => status !== undefined && [400, 404, 405, 413, 415, 422].includes(status);

/** A failed request, with ML Commons' own reason as the body; "Try again" only where it may help. */
export function ErrorCallout({ title, error, onRetry, color = 'danger', 'data-test-subj': testSubj = 'errorCallout' }: Props) {
  const retry = FINAL(errorStatus(error)) ? undefined : onRetry;
  return (
    <EuiCallOut title={title} color={color} iconType="alert" data-test-subj={testSubj}>
      <p data-test-subj={`${testSubj}-message`}>{errorMessage(error)}</p>
      {retry && (
        <EuiButton size="s" color={color} onClick={retry} data-test-subj={`${testSubj}-retry`}>
          Try again
        </EuiButton>
      )}
    </EuiCallOut>
  );
}

/**
 * A reload that failed on its own (`refreshError` of a request) while the page keeps its last
 * answer; nothing when there is none.
 */
export function RefreshErrorCallout({ what, error, onRetry, 'data-test-subj': testSubj = 'refreshError' }: { what: string; error: unknown; onRetry?: () => void; 'data-test-subj'?: string }) {
  if (!error) return null;
  return (
    <>
      <ErrorCallout title={`Could not refresh ${what}: showing the last answer`} error={error} onRetry={onRetry} color="warning" data-test-subj={testSubj} />
      <EuiSpacer size="m" />
    </>
  );
}
