import { EuiEmptyPrompt, EuiFieldSearch, EuiFlexGroup, EuiFlexItem, EuiSelect, EuiSpacer } from '@elastic/eui';
import React, { useState } from 'react';
import { MODEL_STATES, ModelState } from '../../../common/ml_commons';
import type { ModelSortField } from '../../../common/types';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from '../../hooks/use_debounced_value';
import { useModels } from '../../hooks/use_models';
import { useTablePaging } from '../../hooks/use_table_paging';
import { ErrorCallout } from '../common/error_callout';
import { MODEL_STATE_INFO } from '../common/model_state';
import { PageTitle } from '../common/page_title';
import { ModelsTable } from './models_table';
import { ReadinessPanel } from './readiness_panel';

const STATE_OPTIONS = [
  { value: '', text: 'All states' },
  ...MODEL_STATES.map((s) => ({ value: s, text: MODEL_STATE_INFO[s].label })),
];

function EmptyModels() {
  return (
    <EuiEmptyPrompt
      data-test-subj="modelsEmpty"
      title={<h2>No models yet</h2>}
      titleSize="xs"
      body={<p>Custom models registered in this cluster's ML Commons appear here.</p>}
    />
  );
}

export function ModelsPage() {
  const [search, setSearch] = useState('');
  const [state, setState] = useState<ModelState | ''>('');
  const paging = useTablePaging<ModelSortField>({ field: 'created_time', direction: 'desc' });
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  const { data, error, loading, reload } = useModels({
    search: debouncedSearch || undefined,
    states: state ? [state] : undefined,
    from: paging.from,
    size: paging.pageSize,
    sort_field: paging.sort.field,
    sort_direction: paging.sort.direction,
  });

  const filtered = !!debouncedSearch || !!state;
  return (
    <>
      <PageTitle title="Models" />
      <ReadinessPanel />
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s">
        <EuiFlexItem>
          <EuiFieldSearch
            fullWidth
            compressed
            placeholder="Search by name or id"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              paging.resetPage();
            }}
            aria-label="Search models by name or id"
            data-test-subj="modelsSearch"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSelect
            compressed
            options={STATE_OPTIONS}
            value={state}
            onChange={(e) => {
              setState(e.target.value as ModelState | '');
              paging.resetPage();
            }}
            aria-label="Filter by state"
            data-test-subj="modelsStateFilter"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {error ? (
        <ErrorCallout title="Could not load models" error={error} onRetry={reload} data-test-subj="modelsError" />
      ) : (
        <ModelsTable
          items={data?.items ?? []}
          total={data?.total ?? 0}
          loading={loading}
          pageIndex={paging.pageIndex}
          pageSize={paging.pageSize}
          sort={paging.sort}
          onChange={paging.onTableChange}
          noItemsMessage={
            loading
              ? 'Loading models…'
              : filtered
              ? 'No models match the search or filter.'
              : <EmptyModels />
          }
        />
      )}
    </>
  );
}
