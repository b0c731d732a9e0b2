import { EuiComboBox, EuiComboBoxOptionOption, EuiFieldText, EuiFormRow, EuiRadioGroup, EuiSpacer } from '@elastic/eui';
import React, { useState } from 'react';
import type { ModelGroup, Page } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from '../../hooks/use_debounced_value';
import { useRequest } from '../../hooks/use_request';
import type { FormErrors, GroupMode } from '../../lib/register_form';
import { useApis } from '../../services';
import { fieldError } from '../common/format';

interface Props {
  mode: GroupMode;
  groupId: string;
  newGroupName: string;
  newGroupDescription: string;
  errors: FormErrors;
  disabled: boolean;
  onChange: (patch: { groupMode?: GroupMode; groupId?: string; newGroupName?: string; newGroupDescription?: string }) => void;
}

const MODES = [
  { id: 'existing', label: 'Add a version to an existing group', 'data-test-subj': 'groupMode-existing' },
  { id: 'new', label: 'Create a new group', 'data-test-subj': 'groupMode-new' },
];

/** A version always lands in a group: an existing one (searched by name) or one created first. */
export function GroupField({ mode, groupId, newGroupName, newGroupDescription, errors, disabled, onChange }: Props) {
  const apis = useApis();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const groups = useRequest<Page<ModelGroup>>(
    mode === 'existing'
      ? (signal) => apis.modelGroups.search({ search: debounced || undefined, size: 50, sort_field: 'last_updated_time', sort_direction: 'desc' }, signal)
      : undefined,
    [debounced, mode]
  );
  // The preselected group (?group=<id>) may not be among the first results: read it by id.
  const selected = useRequest<ModelGroup>(groupId ? (signal) => apis.modelGroups.get(groupId, signal) : undefined, [groupId], { keepData: false });

  const options: Array<EuiComboBoxOptionOption<string>> = (groups.data?.items ?? []).map((g) => ({
    label: g.name,
    value: g.id,
    'data-test-subj': `groupOption-${g.id}`,
  }));
  const selectedName = groupId ? selected.data?.name ?? groups.data?.items.find((g) => g.id === groupId)?.name ?? groupId : undefined;

  return (
    <>
      <EuiFormRow label="Model group" fullWidth>
        <EuiRadioGroup
          options={MODES}
          idSelected={mode}
          onChange={(id) => onChange({ groupMode: id as GroupMode })}
          disabled={disabled}
          data-test-subj="groupMode"
        />
      </EuiFormRow>
      {mode === 'existing' ? (
        <EuiFormRow
          label="Group"
          fullWidth
          isInvalid={!!errors.groupId || !!groups.error || !!selected.error}
          error={
            fieldError(errors.groupId) ||
            (selected.error ? `Group ${groupId} cannot be used: ${errorMessage(selected.error)}` : undefined) ||
            (groups.error ? `Could not load model groups: ${errorMessage(groups.error)}` : undefined)
          }
          helpText="The version gets the group's next version number."
        >
          <EuiComboBox<string>
            fullWidth
            singleSelection={{ asPlainText: true }}
            placeholder="Search groups by name"
            options={options}
            selectedOptions={groupId ? [{ label: selectedName || groupId, value: groupId }] : []}
            onChange={(sel) => onChange({ groupId: sel[0]?.value ?? '' })}
            onSearchChange={setSearch}
            async
            isLoading={groups.loading}
            isInvalid={!!errors.groupId}
            isDisabled={disabled}
            data-test-subj="groupSelect"
          />
        </EuiFormRow>
      ) : (
        <>
          <EuiFormRow label="New group name" fullWidth isInvalid={!!errors.newGroupName} error={fieldError(errors.newGroupName)} helpText="Created before the upload; deleted again if the upload fails.">
            <EuiFieldText
              fullWidth
              value={newGroupName}
              onChange={(e) => onChange({ newGroupName: e.target.value })}
              isInvalid={!!errors.newGroupName}
              disabled={disabled}
              data-test-subj="newGroupName"
            />
          </EuiFormRow>
          <EuiFormRow label="New group description (optional)" fullWidth isInvalid={!!errors.newGroupDescription} error={fieldError(errors.newGroupDescription)}>
            <EuiFieldText
              fullWidth
              value={newGroupDescription}
              onChange={(e) => onChange({ newGroupDescription: e.target.value })}
              disabled={disabled}
              data-test-subj="newGroupDescription"
            />
          </EuiFormRow>
        </>
      )}
      <EuiSpacer size="s" />
    </>
  );
}
