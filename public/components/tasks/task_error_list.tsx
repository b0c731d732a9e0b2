import { EuiText } from '@elastic/eui';
import React from 'react';
import { taskErrors } from './task_error';

/** A task's error, one cause per line; deploy errors name the node (by name where known). */
export function TaskErrorList({
  error,
  taskType,
  names = {},
  'data-test-subj': testSubj,
}: {
  error?: string;
  /** Decides which plain-words hints apply (task_hints.ts). */
  taskType?: string;
  names?: Record<string, string>;
  'data-test-subj'?: string;
}) {
  const entries = taskErrors(error, taskType);
  if (entries.length === 0) return null;
  return (
    <EuiText size="xs" color="danger" data-test-subj={testSubj}>
      {entries.map((e, i) => (
        <div key={i} data-test-subj={e.node ? `nodeError-${e.node}` : undefined}>
          {e.node ? (
            <>
              <strong>{names[e.node] ?? e.node}</strong>: {e.message}
            </>
          ) : (
            e.message
          )}
          {e.hint && <span data-test-subj="taskErrorHint"> ({e.hint})</span>}
        </div>
      ))}
    </EuiText>
  );
}
