import { EuiFieldSearch, EuiFlexGroup, EuiFlexItem, EuiSelect } from '@elastic/eui';
import React from 'react';
import { FUNCTION_NAMES, FunctionName, MODEL_FORMATS, MODEL_STATES, ModelFormat, ModelState } from '../../../common/ml_commons';
import type { ModelGroup } from '../../../common/types';
import { humanize } from '../common/labels';
import { MODEL_STATE_INFO } from '../common/model_state';

export interface ModelFilterValues {
  search: string;
  state: ModelState | '';
  fn: FunctionName | '';
  format: ModelFormat | '';
  groupId: string;
}

export const NO_FILTERS: ModelFilterValues = { search: '', state: '', fn: '', format: '', groupId: '' };

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
      <EuiFlexItem grow={false}>
        <EuiSelect
          compressed
          options={STATE_OPTIONS}
          value={values.state}
          onChange={(e) => set({ state: e.target.value as ModelState | '' })}
          aria-label="Filter by state"
          data-test-subj="modelsStateFilter"
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiSelect
          compressed
          options={FUNCTION_OPTIONS}
          value={values.fn}
          onChange={(e) => set({ fn: e.target.value as FunctionName | '' })}
          aria-label="Filter by function"
          data-test-subj="modelsFunctionFilter"
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiSelect
          compressed
          options={FORMAT_OPTIONS}
          value={values.format}
          onChange={(e) => set({ format: e.target.value as ModelFormat | '' })}
          aria-label="Filter by format"
          data-test-subj="modelsFormatFilter"
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiSelect
          compressed
          options={groupOptions}
          value={values.groupId}
          onChange={(e) => set({ groupId: e.target.value })}
          aria-label="Filter by model group"
          data-test-subj="modelsGroupFilter"
        />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
