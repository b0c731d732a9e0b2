import { EuiComboBox, EuiFieldSearch, EuiFlexGroup, EuiFlexItem, EuiScreenReaderOnly } from '@elastic/eui';
import React from 'react';
import { FUNCTION_NAMES, FunctionName, MODEL_FORMATS, MODEL_STATES, ModelFormat, ModelState } from '../../../common/ml_commons';
import { ID_PATTERN } from '../../../common/constants';
import { useGroupSearch } from '../../hooks/use_group_search';
import { knownValue } from '../../hooks/use_url_query';
import { humanize } from '../common/labels';
import { MODEL_STATE_INFO } from '../common/model_state';
import { FilterSelect } from '../common/filter_select';

export interface ModelFilterValues {
  search: string;
  state: ModelState | '';
  fn: FunctionName | '';
  format: ModelFormat | '';
  groupId: string;
}

export const NO_FILTERS: ModelFilterValues = { search: '', state: '', fn: '', format: '', groupId: '' };

/** The filters from the URL query (`q`, `state`, `fn`, `format`, `group`); values no list knows, or malformed ids, are ignored. */
export function filtersFromQuery(params: URLSearchParams): ModelFilterValues {
  return {
    search: params.get('q') ?? '',
    state: knownValue(MODEL_STATES, params.get('state')),
    fn: knownValue(FUNCTION_NAMES, params.get('fn')),
    format: knownValue(MODEL_FORMATS, params.get('format')),
    groupId: ID_PATTERN.test(params.get('group') ?? '') ? (params.get('group') as string) : '',
  };
}

/** The URL query keys for `values` (empty ones are removed). */
export function filtersToQuery(values: ModelFilterValues): Record<string, string> {
  return { q: values.search, state: values.state, fn: values.fn, format: values.format, group: values.groupId };
}

const STATE_OPTIONS = [{ value: '', text: 'All states' }, ...MODEL_STATES.map((s) => ({ value: s, text: MODEL_STATE_INFO[s].label }))];
const FUNCTION_OPTIONS = [{ value: '', text: 'All functions' }, ...FUNCTION_NAMES.map((f) => ({ value: f, text: humanize(f) }))];
const FORMAT_OPTIONS = [{ value: '', text: 'All formats' }, ...MODEL_FORMATS.map((f) => ({ value: f, text: f }))];

interface Props {
  values: ModelFilterValues;
  onChange: (values: ModelFilterValues) => void;
}

const GROUP_FILTER_ID = 'mlModelsGroupFilter';

/** Groups searched by name as the user types: a cluster can hold far more than one list shows. */
function GroupFilter({ groupId, onChange }: { groupId: string; onChange: (groupId: string) => void }) {
  const groups = useGroupSearch(groupId);
  return (
    <EuiFlexItem grow={false} style={{ minWidth: 200 }}>
      {/* OUI puts aria-label on the combobox's wrapper, not on the text box that takes focus:
          without a label of its own, a screen reader announces that box with no name. */}
      <EuiScreenReaderOnly>
        <label htmlFor={GROUP_FILTER_ID}>Filter by model group</label>
      </EuiScreenReaderOnly>
      <EuiComboBox<string>
        id={GROUP_FILTER_ID}
        compressed
        singleSelection={{ asPlainText: true }}
        placeholder="All groups"
        async
        isLoading={groups.loading}
        options={groups.options}
        selectedOptions={groups.selectedOptions}
        onChange={(sel) => onChange(sel[0]?.value ?? '')}
        onSearchChange={groups.onSearchChange}
        aria-label="Filter by model group"
        data-test-subj="modelsGroupFilter"
      />
    </EuiFlexItem>
  );
}

export function ModelFilters({ values, onChange }: Props) {
  const set = (patch: Partial<ModelFilterValues>) => onChange({ ...values, ...patch });
  return (
    <EuiFlexGroup gutterSize="s" wrap>
      <EuiFlexItem>
        <EuiFieldSearch
          fullWidth
          compressed
          placeholder="Search by name or id"
          value={values.search}
          onChange={(e) => set({ search: e.target.value })}
          aria-label="Search models by name or id"
          data-test-subj="modelsSearch"
        />
      </EuiFlexItem>
      <FilterSelect<ModelState | ''>
        options={STATE_OPTIONS}
        value={values.state}
        onChange={(state) => set({ state })}
        label="Filter by state"
        data-test-subj="modelsStateFilter"
      />
      <FilterSelect<FunctionName | ''>
        options={FUNCTION_OPTIONS}
        value={values.fn}
        onChange={(fn) => set({ fn })}
        label="Filter by function"
        data-test-subj="modelsFunctionFilter"
      />
      <FilterSelect<ModelFormat | ''>
        options={FORMAT_OPTIONS}
        value={values.format}
        onChange={(format) => set({ format })}
        label="Filter by format"
        data-test-subj="modelsFormatFilter"
      />
      <GroupFilter groupId={values.groupId} onChange={(groupId) => set({ groupId })} />
    </EuiFlexGroup>
  );
}
