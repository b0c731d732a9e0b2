import { EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiLoadingSpinner, EuiText } from '@elastic/eui';
import React from 'react';
import type { Task } from '../../../common/types';
import { isTerminal } from '../../lib/poll_task';
import { isDuplicateDeploy } from '../../lib/task_hints';
import { AppLink, appPaths } from '../common/app_link';
import { TaskErrorList } from '../tasks/task_error_list';

/** The deploy started from this page: in progress, then how it ended, node by node. */
export function DeployProgress({ task, names }: { task: Task; names: Record<string, string> }) {
  const tasksLink = <AppLink to={appPaths.tasks()}>Tasks</AppLink>;
  if (!isTerminal(task)) {
    return (
      <EuiCallOut color="primary" size="s" data-test-subj="deployProgress" title={
        <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
          <EuiFlexItem grow={false}>
            <EuiLoadingSpinner size="m" />
          </EuiFlexItem>
          <EuiFlexItem>Deploying (task {task.id}: {task.state ?? 'CREATED'})</EuiFlexItem>
        </EuiFlexGroup>
      }>
        <EuiText size="s">
          <p>The page updates by itself when the task ends; this usually takes a few seconds.</p>
        </EuiText>
      </EuiCallOut>
    );
  }
  if (task.state === 'COMPLETED') {
    return <EuiCallOut color="success" size="s" iconType="check" title={`Deployed (task ${task.id})`} data-test-subj="deployCompleted" />;
  }
  if (isDuplicateDeploy(task)) {
    return (
      <EuiCallOut color="primary" size="s" iconType="iInCircle" title="Another deploy of this model was already under way" data-test-subj="deployDuplicate">
        <EuiText size="s">
          <p>
            Its nodes already held the model, or were loading it for a deploy started elsewhere (another tab or user), so this one (task {task.id}) changed
            nothing. The state above is the model&apos;s own; all tasks are on the {tasksLink} page.
          </p>
        </EuiText>
      </EuiCallOut>
    );
  }
  return (
    <EuiCallOut
      color={task.state === 'COMPLETED_WITH_ERROR' ? 'warning' : 'danger'}
      iconType="alert"
      size="s"
      title={task.state === 'COMPLETED_WITH_ERROR' ? 'Deployed on some nodes only' : `Deploy ${task.state === 'FAILED' ? 'failed' : `ended ${task.state}`}`}
      data-test-subj="deployFailed"
    >
      <TaskErrorList error={task.error} taskType="DEPLOY_MODEL" names={names} data-test-subj="deployErrors" />
      <EuiText size="xs">
        <p>
          Task {task.id}; all tasks are on the {tasksLink} page.
        </p>
      </EuiText>
    </EuiCallOut>
  );
}
