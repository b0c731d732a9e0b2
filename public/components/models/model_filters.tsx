import { EuiFieldSearch, EuiFlexGroup, EuiFlexItem } from '@elastic/eui';
import React from 'react';
import { FUNCTION_NAMES, FunctionName, MODEL_FORMATS, MODEL_STATES, ModelFormat, ModelState } from '../../../common/ml_commons';
import { ID_PATTERN } from '../../../common/constants';
import type { ModelGroup } from '../../../common/types';
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
  groups: ModelGroup[];
  onChange: (values: ModelFilterValues) => void;
}

export function ModelFilters({ values, groups, onChange }: Props) {
  const set = (patch: Partial<ModelFilterValues>) => onChange({ ...values, ...patch });
  const groupOptions = [{ value: '', text: 'All groups' }, ...groups.map((g) => ({ value: g.id, text: g.name }))];
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
      <FilterSelect<string>
        options={groupOptions}
        value={values.groupId}
        onChange={(groupId) => set({ groupId })}
        label="Filter by model group"
        data-test-subj="modelsGroupFilter"
      />
    </EuiFlexGroup>
  );
}
