import { EuiBasicTable, EuiBasicTableColumn } from '@elastic/eui';
import React, { useEffect } from 'react';
import type { Task } from '../../../common/types';
import { useTasks } from '../../hooks/use_tasks';
import { ErrorCallout } from '../common/error_callout';
import { EMPTY, STATE_COLUMN_WIDTH, formatTime } from '../common/format';
import { humanize } from '../common/labels';
import { ScrollX } from '../common/scroll_x';
import { TaskStateHealth } from '../common/task_state';
import { TaskErrorList } from '../tasks/task_error_list';

/**
 * The model's tasks, newest first; each change of `generation` reads them again (e.g. a deploy
 * ended). `live` is the latest read of a task the page follows (its deploy): shown in place of the
 * listed copy, or first while the list does not have it yet, so both say the same.
 */
export function TaskHistory({ modelId, names, generation, live }: { modelId: string; names: Record<string, string>; generation: number; live?: Task }) {
  const tasks = useTasks({ model_id: modelId, size: 20, sort_direction: 'desc' });
  const { reload } = tasks;
  useEffect(() => {
    if (generation > 0) reload();
  }, [generation, reload]);
  const columns: Array<EuiBasicTableColumn<Task>> = [
    { field: 'task_type', name: 'Task', render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'state', name: 'State', width: STATE_COLUMN_WIDTH, render: (s?: string) => <TaskStateHealth state={s} /> },
    { field: 'create_time', name: 'Created', render: (t?: number) => formatTime(t) },
    { field: 'last_update_time', name: 'Updated', render: (t?: number) => formatTime(t) },
    { field: 'worker_node', name: 'Nodes', render: (nodes?: string[]) => (nodes?.length ? nodes.map((n) => names[n] ?? n).join(', ') : EMPTY) },
    {
      field: 'error',
      name: 'Error',
      width: '35%',
      render: (error: string | undefined, task: Task) => (error ? <TaskErrorList error={error} taskType={task.task_type} names={names} data-test-subj={`historyError-${task.id}`} /> : EMPTY),
    },
  ];
  if (tasks.error) return <ErrorCallout title="Could not load the model's tasks" error={tasks.error} onRetry={tasks.reload} color="warning" data-test-subj="taskHistoryError" />;
  return (
    <ScrollX minWidth={640}>
      <EuiBasicTable<Task>
        data-test-subj="taskHistory"
        items={withLive(tasks.data?.items ?? [], live, !!tasks.data)}
        columns={columns}
        loading={tasks.loading}
        noItemsMessage={tasks.loading ? 'Loading tasks…' : 'No tasks recorded for this model.'}
        rowProps={(t: Task) => ({ 'data-test-subj': `historyRow-${t.id}` })}
      />
    </ScrollX>
  );
}

function withLive(items: Task[], live: Task | undefined, loaded: boolean): Task[] {
  if (!live) return items;
  if (items.some((t) => t.id === live.id)) return items.map((t) => (t.id === live.id ? { ...t, ...live } : t));
  return loaded ? [live, ...items] : items;
}
