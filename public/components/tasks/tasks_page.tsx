import { EuiBasicTable, EuiBasicTableColumn, EuiFlexGroup, EuiFlexItem, EuiSelect, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useState } from 'react';
import { TASK_STATES, TASK_TYPES, TaskState, TaskType } from '../../../common/ml_commons';
import type { Task } from '../../../common/types';
import { PAGE_SIZE_OPTIONS, useTablePaging } from '../../hooks/use_table_paging';
import { useTasks } from '../../hooks/use_tasks';
import { ErrorCallout } from '../common/error_callout';
import { EMPTY, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { PageTitle } from '../common/page_title';
import { TaskStateHealth } from '../common/task_state';
import { taskErrorLines } from './task_error';

const COLUMNS: Array<EuiBasicTableColumn<Task>> = [
  { field: 'task_type', name: 'Task type', render: (v?: string) => (v ? humanize(v) : EMPTY) },
  { field: 'state', name: 'State', render: (state?: string) => <TaskStateHealth state={state} /> },
  { field: 'model_id', name: 'Model id', render: (v?: string) => orEmpty(v) },
  { field: 'function_name', name: 'Function', render: (v?: string) => (v ? humanize(v) : EMPTY) },
  { field: 'create_time', name: 'Created', sortable: true, render: (t?: number) => formatTime(t) },
  {
    field: 'error',
    name: 'Error',
    width: '30%',
    render: (error: string | undefined, task: Task) => {
      const lines = taskErrorLines(error);
      if (lines.length === 0) return EMPTY;
      return (
        <EuiText size="xs" color="danger" data-test-subj={`taskError-${task.id}`}>
          {lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </EuiText>
      );
    },
  },
];

const STATE_OPTIONS = [{ value: '', text: 'All states' }, ...TASK_STATES.map((s) => ({ value: s, text: humanize(s) }))];
const TYPE_OPTIONS = [{ value: '', text: 'All task types' }, ...TASK_TYPES.map((t) => ({ value: t, text: humanize(t) }))];

export function TasksPage() {
  const [state, setState] = useState<TaskState | ''>('');
  const [taskType, setTaskType] = useState<TaskType | ''>('');
  // Tasks only sort by creation time; the field is fixed and only the direction changes.
  const paging = useTablePaging<'create_time'>({ field: 'create_time', direction: 'desc' });
  const { data, error, loading, reload } = useTasks({
    states: state ? [state] : undefined,
    task_types: taskType ? [taskType] : undefined,
    from: paging.from,
    size: paging.pageSize,
    sort_direction: paging.sort.direction,
  });

  return (
    <>
      <PageTitle title="Tasks" description="Registering, deploying and undeploying models run as ML Commons tasks." />
      <EuiFlexGroup gutterSize="s">
        <EuiFlexItem grow={false}>
          <EuiSelect
            compressed
            options={TYPE_OPTIONS}
            value={taskType}
            onChange={(e) => {
              setTaskType(e.target.value as TaskType | '');
              paging.resetPage();
            }}
            aria-label="Filter by task type"
            data-test-subj="tasksTypeFilter"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSelect
            compressed
            options={STATE_OPTIONS}
            value={state}
            onChange={(e) => {
              setState(e.target.value as TaskState | '');
              paging.resetPage();
            }}
            aria-label="Filter by state"
            data-test-subj="tasksStateFilter"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {error ? (
        <ErrorCallout title="Could not load tasks" error={error} onRetry={reload} data-test-subj="tasksError" />
      ) : (
        <EuiBasicTable<Task>
          data-test-subj="tasksTable"
          items={data?.items ?? []}
          itemId="id"
          columns={COLUMNS}
          loading={loading}
          noItemsMessage={loading ? 'Loading tasks…' : state || taskType ? 'No tasks match the filters.' : 'No tasks yet.'}
          pagination={{ pageIndex: paging.pageIndex, pageSize: paging.pageSize, totalItemCount: data?.total ?? 0, pageSizeOptions: PAGE_SIZE_OPTIONS }}
          sorting={{ sort: { field: 'create_time', direction: paging.sort.direction } }}
          onChange={paging.onTableChange}
          rowProps={(task: Task) => ({ 'data-test-subj': `taskRow-${task.id}` })}
        />
      )}
    </>
  );
}
