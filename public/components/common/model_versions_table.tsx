import { EuiBasicTable, EuiBasicTableColumn } from '@elastic/eui';
import React from 'react';
import type { Model, ModelSortField, SortDirection } from '../../../common/types';
import { PAGE_SIZE_OPTIONS } from '../../hooks/use_table_paging';
import { AppLink, appPaths } from './app_link';
import { EMPTY, formatTime, orEmpty } from './format';
import { humanize } from './labels';
import { ModelStateHealth } from './model_state';
import { ModelActionButtons } from '../model_actions/model_action_buttons';

interface Props {
  items: Model[];
  total: number;
  loading: boolean;
  pageIndex: number;
  pageSize: number;
  sort: { field: ModelSortField; direction: SortDirection };
  noItemsMessage: React.ReactNode;
  onChange: (criteria: { page?: { index: number; size: number }; sort?: { field: keyof Model; direction: SortDirection } }) => void;
  onDeploy: (m: Model) => void;
  onUndeploy: (m: Model) => void;
  onDelete: (m: Model) => void;
}

/** The versions of one group: the version number leads, since the group names them all. */
export function ModelVersionsTable({ items, total, loading, pageIndex, pageSize, sort, noItemsMessage, onChange, ...actions }: Props) {
  const columns: Array<EuiBasicTableColumn<Model>> = [
    {
      field: 'model_version',
      name: 'Version',
      width: '90px',
      render: (v: string | undefined, model: Model) => (
        <AppLink to={appPaths.model(model.id)} data-test-subj={`versionLink-${model.id}`}>
          {orEmpty(v)}
        </AppLink>
      ),
    },
    { field: 'name', name: 'Name', sortable: true },
    { field: 'id', name: 'Id' },
    { field: 'algorithm', name: 'Function', render: (v?: string) => (v ? humanize(v) : EMPTY) },
    { field: 'model_format', name: 'Format', render: (v?: string) => orEmpty(v) },
    { field: 'model_state', name: 'State', sortable: true, render: (s?: string) => <ModelStateHealth state={s} /> },
    { field: 'created_time', name: 'Created', sortable: true, render: (t?: number) => formatTime(t) },
    { field: 'last_deployed_time', name: 'Last deployed', sortable: true, render: (t?: number) => formatTime(t) },
    {
      name: 'Actions',
      width: '110px',
      render: (model: Model) => <ModelActionButtons model={model} onDeploy={actions.onDeploy} onUndeploy={actions.onUndeploy} onDelete={actions.onDelete} />,
    },
  ];
  return (
    <EuiBasicTable<Model>
      data-test-subj="versionsTable"
      items={items}
      itemId="id"
      columns={columns}
      loading={loading}
      noItemsMessage={noItemsMessage}
      pagination={{ pageIndex, pageSize, totalItemCount: total, pageSizeOptions: PAGE_SIZE_OPTIONS }}
      sorting={{ sort: { field: sort.field as keyof Model, direction: sort.direction } }}
      onChange={onChange}
      rowProps={(model: Model) => ({ 'data-test-subj': `versionRow-${model.id}` })}
    />
  );
}
