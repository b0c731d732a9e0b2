import { EuiComboBox, EuiFieldText, EuiFormRow, EuiRadioGroup, EuiSpacer } from '@elastic/eui';
import React from 'react';
import { errorMessage } from '../../apis/errors';
import { useGroupSearch } from '../../hooks/use_group_search';
import type { GroupAccess } from '../../lib/group_access';
import type { FormErrors, GroupMode } from '../../lib/register_form';
import { fieldError } from '../common/format';
import { GroupAccessFields } from '../model_groups/group_access_fields';

interface Props {
  mode: GroupMode;
  groupId: string;
  newGroupName: string;
  newGroupDescription: string;
  newGroupAccess: GroupAccess;
  /** The cluster has model access control on: a new group can say who may use it. */
  accessControl: boolean;
  errors: FormErrors;
  disabled: boolean;
  onChange: (patch: { groupMode?: GroupMode; groupId?: string; newGroupName?: string; newGroupDescription?: string; newGroupAccess?: GroupAccess }) => void;
}

const MODES = [
  { id: 'existing', label: 'Add a version to an existing group', 'data-test-subj': 'groupMode-existing' },
  { id: 'new', label: 'Create a new group', 'data-test-subj': 'groupMode-new' },
];

/** A version always lands in a group: an existing one (searched by name) or one created first. */
export function GroupField({ mode, groupId, newGroupName, newGroupDescription, newGroupAccess, accessControl, errors, disabled, onChange }: Props) {
  // The preselected group (?group=<id>) is read by id: it may not be among the groups found.
  const groups = useGroupSearch(groupId, mode === 'existing');

  return (
    <>
      <EuiFormRow fullWidth>
        {/* A fieldset with its legend: a label element cannot name a group of radios. */}
        <EuiRadioGroup
          legend={{ children: 'Model group' }}
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
          isInvalid={!!errors.groupId || !!groups.error || !!groups.selectedError}
          error={
            fieldError(errors.groupId) ||
            (groups.selectedError ? `Group ${groupId} cannot be used: ${errorMessage(groups.selectedError)}` : undefined) ||
            (groups.error ? `Could not load model groups: ${errorMessage(groups.error)}` : undefined)
          }
          helpText="The version gets the group's next version number."
        >
          <EuiComboBox<string>
            fullWidth
            singleSelection={{ asPlainText: true }}
            placeholder="Search groups by name"
            options={groups.options}
            selectedOptions={groups.selectedOptions}
            onChange={(sel) => onChange({ groupId: sel[0]?.value ?? '' })}
            onSearchChange={groups.onSearchChange}
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
          {accessControl && (
            <GroupAccessFields
              value={newGroupAccess}
              onChange={(access) => onChange({ newGroupAccess: access })}
              rolesError={fieldError(errors.newGroupAccess)}
              disabled={disabled}
              idPrefix="newGroup"
            />
          )}
        </>
      )}
      <EuiSpacer size="s" />
    </>
  );
}
