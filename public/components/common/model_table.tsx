import { EuiBasicTable, EuiBasicTableColumn } from '@elastic/eui';
import React from 'react';
import type { Model, ModelSortField, SortDirection } from '../../../common/types';
import { tablePagination } from '../../hooks/use_table_paging';
import { ModelActionButtons } from '../model_actions/model_action_buttons';
import { ScrollX } from './scroll_x';

/** What every paged, server-sorted list of models takes from its page. */
export interface ModelTableProps {
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

interface Props extends ModelTableProps {
  /** The table's own columns; the row actions column is added last. */
  columns: Array<EuiBasicTableColumn<Model>>;
  'data-test-subj': string;
  /** Each row is tagged `${rowTestSubj}-${model.id}`. */
  rowTestSubj: string;
}

/** The table shell the models list and a group's versions share: paging, sorting, row actions. */
export function ModelTable({ columns, rowTestSubj, 'data-test-subj': testSubj, items, total, loading, pageIndex, pageSize, sort, noItemsMessage, onChange, onDeploy, onUndeploy, onDelete }: Props) {
  const actions: EuiBasicTableColumn<Model> = {
    name: 'Actions',
    width: '110px',
    render: (model: Model) => <ModelActionButtons model={model} onDeploy={onDeploy} onUndeploy={onUndeploy} onDelete={onDelete} />,
  };
  return (
    <ScrollX minWidth={1000}>
      <EuiBasicTable<Model>
        data-test-subj={testSubj}
        items={items}
        itemId="id"
        columns={[...columns, actions]}
        loading={loading}
        noItemsMessage={noItemsMessage}
        pagination={tablePagination(pageIndex, pageSize, total)}
        sorting={{ sort: { field: sort.field as keyof Model, direction: sort.direction } }}
        onChange={onChange}
        rowProps={(model: Model) => ({ 'data-test-subj': `${rowTestSubj}-${model.id}` })}
      />
    </ScrollX>
  );
}
