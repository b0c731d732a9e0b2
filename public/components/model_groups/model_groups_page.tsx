import { EuiBasicTable, EuiBasicTableColumn, EuiFieldSearch, EuiSpacer } from '@elastic/eui';
import React, { useState } from 'react';
import type { ModelGroup, ModelGroupSortField } from '../../../common/types';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from '../../hooks/use_debounced_value';
import { useModelGroups } from '../../hooks/use_model_groups';
import { PAGE_SIZE_OPTIONS, useTablePaging } from '../../hooks/use_table_paging';
import { ErrorCallout } from '../common/error_callout';
import { EMPTY, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';
import { PageTitle } from '../common/page_title';

const COLUMNS: Array<EuiBasicTableColumn<ModelGroup>> = [
  {
    field: 'name',
    name: 'Name',
    sortable: true,
    render: (name: string, group: ModelGroup) => <span data-test-subj={`modelGroupName-${group.id}`}>{name}</span>,
  },
  { field: 'latest_version', name: 'Latest version', sortable: true, width: '120px', render: (v?: number) => orEmpty(v) },
  { field: 'description', name: 'Description', truncateText: true, render: (v?: string) => orEmpty(v) },
  { field: 'access', name: 'Access', width: '110px', render: (v?: string) => (v ? humanize(v) : EMPTY) },
  { field: 'last_updated_time', name: 'Updated', sortable: true, render: (t?: number) => formatTime(t) },
];

export function ModelGroupsPage() {
  const [search, setSearch] = useState('');
  const paging = useTablePaging<ModelGroupSortField>({ field: 'last_updated_time', direction: 'desc' });
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const { data, error, loading, reload } = useModelGroups({
    search: debouncedSearch || undefined,
    from: paging.from,
    size: paging.pageSize,
    sort_field: paging.sort.field,
    sort_direction: paging.sort.direction,
  });

  return (
    <>
      <PageTitle title="Model groups" description="Every model version belongs to a group, which also carries its access control." />
      <EuiFieldSearch
        fullWidth
        compressed
        placeholder="Search by name or id"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          paging.resetPage();
        }}
        aria-label="Search model groups by name or id"
        data-test-subj="modelGroupsSearch"
      />
      <EuiSpacer size="m" />
      {error ? (
        <ErrorCallout title="Could not load model groups" error={error} onRetry={reload} data-test-subj="modelGroupsError" />
      ) : (
        <EuiBasicTable<ModelGroup>
          data-test-subj="modelGroupsTable"
          items={data?.items ?? []}
          itemId="id"
          columns={COLUMNS}
          loading={loading}
          noItemsMessage={loading ? 'Loading model groups…' : debouncedSearch ? 'No model groups match the search.' : 'No model groups yet.'}
          pagination={{ pageIndex: paging.pageIndex, pageSize: paging.pageSize, totalItemCount: data?.total ?? 0, pageSizeOptions: PAGE_SIZE_OPTIONS }}
          sorting={{ sort: { field: paging.sort.field, direction: paging.sort.direction } }}
          onChange={paging.onTableChange}
          rowProps={(group: ModelGroup) => ({ 'data-test-subj': `modelGroupRow-${group.id}` })}
        />
      )}
    </>
  );
}
