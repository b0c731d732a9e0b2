import {
  EuiBasicTable,
  EuiBasicTableColumn,
  EuiButtonEmpty,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiSpacer,
} from '@elastic/eui';
import React, { useMemo, useState } from 'react';
import { isTerminalTaskState, TASK_STATES, TASK_TYPES, TaskState, TaskType } from '../../../common/ml_commons';
import { validate } from '../../../common/schema';
import type { Task } from '../../../common/types';
import { id as idCheck } from '../../../common/validators';
import { MIN_REFRESH_MS, useAutoRefresh } from '../../hooks/use_auto_refresh';
import { knownValue, useUrlQuery, useUrlSearchText } from '../../hooks/use_url_query';
import { useReadiness } from '../../hooks/use_readiness';
import { tablePagination, usePageWithin, useTablePaging } from '../../hooks/use_table_paging';
import { useTasks } from '../../hooks/use_tasks';
import { nodeNames } from '../cluster/readiness_values';
import { AppLink, appPaths } from '../common/app_link';
import { ScrollX } from '../common/scroll_x';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { EMPTY, STATE_COLUMN_WIDTH, fieldError, formatTime } from '../common/format';
import { humanize } from '../common/labels';
import { PageTitle } from '../common/page_title';
import { TaskStateHealth } from '../common/task_state';
import { TaskErrorList } from './task_error_list';
import { TaskFlyout } from './task_flyout';
import { FilterSelect } from '../common/filter_select';

const STATE_OPTIONS = [{ value: '', text: 'All states' }, ...TASK_STATES.map((s) => ({ value: s, text: humanize(s) }))];
const TYPE_OPTIONS = [{ value: '', text: 'All task types' }, ...TASK_TYPES.map((t) => ({ value: t, text: humanize(t) }))];

export function TasksPage() {
  // Filters live in the URL, so Back from a model finds the list as it was; unknown values are ignored.
  const [params, patchQuery] = useUrlQuery();
  const state = knownValue(TASK_STATES, params.get('state'));
  const taskType = knownValue(TASK_TYPES, params.get('type'));
  const modelIdBox = useUrlSearchText('model');
  const [open, setOpen] = useState<Task | undefined>();
  const modelId = modelIdBox.value;
  const modelIdCheck = modelId ? validate(idCheck(), modelId) : undefined;
  const modelIdError = modelIdCheck && !modelIdCheck.ok ? `Model id ${fieldError(modelIdCheck.error)}` : undefined;
  const readiness = useReadiness();
  const names = useMemo(() => nodeNames(readiness.data), [readiness.data]);

  // Tasks only sort by creation time; the field is fixed and only the direction changes.
  const paging = useTablePaging<'create_time'>({ field: 'create_time', direction: 'desc' });
  const { data, error, refreshError, loading, reload } = useTasks({
    states: state ? [state] : undefined,
    task_types: taskType ? [taskType] : undefined,
    // An id the route would reject is not sent; the field says why instead.
    model_id: modelId && !modelIdError ? modelId : undefined,
    from: paging.from,
    size: paging.pageSize,
    sort_direction: paging.sort.direction,
  });
  usePageWithin(paging, data?.total);
  // Tasks still running are read again until they end, so their state (and the details) move on.
  const running = !!data?.items.some((t) => !isTerminalTaskState(t.state));
  useAutoRefresh(running ? MIN_REFRESH_MS : 0, reload, loading);

  const columns: Array<EuiBasicTableColumn<Task>> = [
    { field: 'task_type', name: 'Task type', render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'state', name: 'State', width: STATE_COLUMN_WIDTH, render: (s?: string) => <TaskStateHealth state={s} /> },
    {
      field: 'model_id',
      name: 'Model id',
      // A 20-character id on one line; the error column takes what is left.
      width: '200px',
      render: (v?: string) => (v ? <AppLink to={appPaths.model(v)}>{v}</AppLink> : EMPTY),
    },
    { field: 'function_name', name: 'Function', render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'create_time', name: 'Created', sortable: true, render: (t?: number) => formatTime(t) },
    {
      field: 'error',
      name: 'Error',
      render: (err: string | undefined, task: Task) => (err ? <TaskErrorList error={err} taskType={task.task_type} names={names} data-test-subj={`taskError-${task.id}`} /> : EMPTY),
    },
    {
      name: 'Details',
      width: '100px',
      render: (task: Task) => (
        <EuiButtonEmpty size="xs" iconType="inspect" onClick={() => setOpen(task)} aria-label={`Details of task ${task.id}`} data-test-subj={`taskDetails-${task.id}`}>
          Details
        </EuiButtonEmpty>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="Tasks" description="Registering, deploying and undeploying models run as ML Commons tasks." />
      <EuiFlexGroup gutterSize="s" alignItems="flexStart">
        <EuiFlexItem>
          <EuiFormRow fullWidth isInvalid={!!modelIdError} error={modelIdError} display="rowCompressed">
            <EuiFieldText
              fullWidth
              compressed
              icon="search"
              placeholder="Model id (whole)"
              value={modelIdBox.text}
              isInvalid={!!modelIdError}
              onChange={(e) => modelIdBox.setText(e.target.value)}
              aria-label="Filter by model id (the whole id)"
              data-test-subj="tasksModelFilter"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <FilterSelect<TaskType | ''>
          options={TYPE_OPTIONS}
          value={taskType}
          onChange={(v) => patchQuery({ type: v, page: undefined })}
          label="Filter by task type"
          data-test-subj="tasksTypeFilter"
        />
        <FilterSelect<TaskState | ''>
          options={STATE_OPTIONS}
          value={state}
          onChange={(v) => patchQuery({ state: v, page: undefined })}
          label="Filter by state"
          data-test-subj="tasksStateFilter"
        />
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <RefreshErrorCallout what="the tasks" error={refreshError} onRetry={reload} />
      {error ? (
        <ErrorCallout title="Could not load tasks" error={error} onRetry={reload} data-test-subj="tasksError" />
      ) : (
        <ScrollX minWidth={900}>
          <EuiBasicTable<Task>
            data-test-subj="tasksTable"
            items={data?.items ?? []}
            itemId="id"
            columns={columns}
            loading={loading}
            noItemsMessage={
              loading
                ? 'Loading tasks…'
                : modelId
                ? `No tasks for model id "${modelId}" with these filters. The filter takes a whole model id, not part of one.`
                : state || taskType
                ? 'No tasks match the filters.'
                : 'No tasks yet.'
            }
            pagination={tablePagination(paging.pageIndex, paging.pageSize, data?.total ?? 0)}
            sorting={{ sort: { field: 'create_time', direction: paging.sort.direction } }}
            onChange={paging.onTableChange}
            rowProps={(task: Task) => ({ 'data-test-subj': `taskRow-${task.id}` })}
          />
        </ScrollX>
      )}
      {open && (
        <TaskFlyout
          // The latest read of the task when the list (auto-refreshed) still holds it: a running task moves on.
          task={data?.items.find((t) => t.id === open.id) ?? open}
          names={names}
          onClose={() => setOpen(undefined)}
          onDeleted={() => {
            setOpen(undefined);
            reload();
          }}
        />
      )}
    </>
  );
}
