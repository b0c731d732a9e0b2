import { EuiBasicTable, EuiBasicTableColumn, EuiText, EuiToolTip } from '@elastic/eui';
import React from 'react';
import type { Model, ModelSortField, SortDirection } from '../../../common/types';
import { PAGE_SIZE_OPTIONS } from '../../hooks/use_table_paging';
import { EMPTY, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { ModelStateHealth } from '../common/model_state';

/** "current / planned" worker nodes: the planned count is where ML Commons wants the model to run. */
export function NodesResponding({ model }: { model: Model }) {
  const current = model.current_worker_node_count;
  const planned = model.planning_worker_node_count;
  if (current === undefined && planned === undefined) return <>{EMPTY}</>;
  return (
    <EuiToolTip content="Nodes running the model out of the nodes it should run on">
      <span data-test-subj={`modelNodes-${model.id}`}>
        {current ?? 0} / {planned ?? 0}
      </span>
    </EuiToolTip>
  );
}

const COLUMNS: Array<EuiBasicTableColumn<Model>> = [
  {
    field: 'name',
    name: 'Name',
    sortable: true,
    render: (name: string, model: Model) => (
      <div>
        <EuiText size="s" data-test-subj={`modelName-${model.id}`}>
          {name}
        </EuiText>
        <EuiText size="xs" color="subdued">
          {model.id}
        </EuiText>
      </div>
    ),
  },
  { field: 'model_version', name: 'Version', sortable: true, width: '80px', render: (v?: string) => orEmpty(v) },
  { field: 'algorithm', name: 'Function', sortable: true, render: (v?: string) => (v ? humanize(v) : EMPTY) },
  { field: 'model_format', name: 'Format', sortable: true, render: (v?: string) => orEmpty(v) },
  { field: 'model_state', name: 'State', sortable: true, render: (state?: string) => <ModelStateHealth state={state} /> },
  { name: 'Nodes responding', render: (model: Model) => <NodesResponding model={model} /> },
  { field: 'created_time', name: 'Created', sortable: true, render: (t?: number) => formatTime(t) },
];

interface Props {
  items: Model[];
  total: number;
  loading: boolean;
  pageIndex: number;
  pageSize: number;
  sort: { field: ModelSortField; direction: SortDirection };
  noItemsMessage: React.ReactNode;
  onChange: (criteria: { page?: { index: number; size: number }; sort?: { field: keyof Model; direction: SortDirection } }) => void;
}

export function ModelsTable({ items, total, loading, pageIndex, pageSize, sort, noItemsMessage, onChange }: Props) {
  return (
    <EuiBasicTable<Model>
      data-test-subj="modelsTable"
      items={items}
      itemId="id"
      columns={COLUMNS}
      loading={loading}
      noItemsMessage={noItemsMessage}
      pagination={{ pageIndex, pageSize, totalItemCount: total, pageSizeOptions: PAGE_SIZE_OPTIONS }}
      sorting={{ sort: { field: sort.field as keyof Model, direction: sort.direction } }}
      onChange={onChange}
      rowProps={(model: Model) => ({ 'data-test-subj': `modelRow-${model.id}` })}
    />
  );
}
