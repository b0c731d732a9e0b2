import { EuiHealth } from '@elastic/eui';
import React from 'react';
import type { TaskState } from '../../../common/ml_commons';
import { EMPTY } from './format';

const TASK_STATE_COLOR: Record<TaskState, string> = {
  CREATED: 'subdued',
  RUNNING: 'primary',
  COMPLETED: 'success',
  FAILED: 'danger',
  CANCELLED: 'subdued',
  COMPLETED_WITH_ERROR: 'warning',
  CANCELLING: 'subdued',
  EXPIRED: 'subdued',
  UNREACHABLE: 'danger',
};

export function TaskStateHealth({ state }: { state: string | undefined }) {
  if (!state) return <>{EMPTY}</>;
  return (
    <EuiHealth color={TASK_STATE_COLOR[state as TaskState] || 'subdued'} data-test-subj={`taskState-${state}`}>
      {state}
    </EuiHealth>
  );
}
