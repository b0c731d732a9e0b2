import {
  EuiButton,
  EuiCodeBlock,
  EuiConfirmModal,
  EuiDescriptionList,
  EuiFlyout,
  EuiFlyoutBody,
  EuiFlyoutFooter,
  EuiFlyoutHeader,
  EuiSpacer,
  EuiTitle,
  EuiToolTip,
} from '@elastic/eui';
import React, { useState } from 'react';
import type { Task } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { isTerminal } from '../../lib/poll_task';
import { useServices } from '../../services';
import { AppLink, appPaths } from '../common/app_link';
import { EMPTY, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { TaskStateHealth } from '../common/task_state';
import { TaskErrorList } from './task_error_list';

interface Props {
  task: Task;
  names: Record<string, string>;
  onClose: () => void;
  onDeleted: () => void;
}

/** Everything ML Commons recorded about a task, its full error, and deleting it once finished. */
export function TaskFlyout({ task, names, onClose, onDeleted }: Props) {
  const { apis, notifications } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // ML Commons refuses to delete a running task ("Task cannot be deleted in running state").
  const deletable = isTerminal(task);

  const remove = async () => {
    setBusy(true);
    try {
      await apis.tasks.delete(task.id);
      notifications.toasts.addSuccess({ title: `Deleted task ${task.id}` });
      onDeleted();
    } catch (err) {
      notifications.toasts.addDanger({ title: `Could not delete task ${task.id}`, text: errorMessage(err) });
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <EuiFlyout onClose={onClose} size="m" ownFocus aria-labelledby="taskFlyoutTitle" data-test-subj="taskFlyout">
      <EuiFlyoutHeader hasBorder>
        <EuiTitle size="s">
          <h2 id="taskFlyoutTitle">{task.task_type ? humanize(task.task_type) : 'Task'}</h2>
        </EuiTitle>
      </EuiFlyoutHeader>
      <EuiFlyoutBody>
        <EuiDescriptionList
          type="column"
          compressed
          listItems={[
            { title: 'Task id', description: task.id },
            { title: 'State', description: <TaskStateHealth state={task.state} /> },
            {
              title: 'Model',
              description: task.model_id ? <AppLink to={appPaths.model(task.model_id)} data-test-subj="taskFlyoutModelLink">{task.model_id}</AppLink> : EMPTY,
            },
            { title: 'Function', description: task.function_name ? humanize(task.function_name) : EMPTY },
            { title: 'Nodes', description: task.worker_node?.length ? task.worker_node.map((n) => names[n] ?? n).join(', ') : EMPTY },
            { title: 'Created', description: formatTime(task.create_time) },
            { title: 'Updated', description: formatTime(task.last_update_time) },
            { title: 'Asynchronous', description: orEmpty(task.is_async === undefined ? undefined : String(task.is_async)) },
          ]}
        />
        {task.error && (
          <>
            <EuiSpacer />
            <EuiTitle size="xxs">
              <h3>Error</h3>
            </EuiTitle>
            <EuiSpacer size="s" />
            <TaskErrorList error={task.error} taskType={task.task_type} names={names} data-test-subj="taskFlyoutError" />
            <EuiSpacer size="s" />
            <EuiCodeBlock fontSize="s" paddingSize="s" isCopyable data-test-subj="taskFlyoutRawError">
              {task.error}
            </EuiCodeBlock>
          </>
        )}
      </EuiFlyoutBody>
      <EuiFlyoutFooter>
        <EuiToolTip content={deletable ? undefined : 'A task can be deleted once it has finished.'}>
          <EuiButton color="danger" size="s" iconType="trash" isDisabled={!deletable} onClick={() => setConfirming(true)} data-test-subj="deleteTaskButton">
            Delete task
          </EuiButton>
        </EuiToolTip>
      </EuiFlyoutFooter>
      {confirming && (
        <EuiConfirmModal
          title="Delete this task?"
          onCancel={() => setConfirming(false)}
          onConfirm={remove}
          cancelButtonText="Cancel"
          confirmButtonText="Delete"
          buttonColor="danger"
          confirmButtonDisabled={busy}
          isLoading={busy}
          data-test-subj="deleteTaskModal"
        >
          <p>Only the record of the task is removed; its model is not affected.</p>
        </EuiConfirmModal>
      )}
    </EuiFlyout>
  );
}
