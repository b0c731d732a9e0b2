import { EuiCheckbox, EuiComboBox, EuiFormRow, EuiSelect } from '@elastic/eui';
import React from 'react';
import { ACCESS_MODES, AccessMode } from '../../../common/ml_commons';
import type { GroupAccess } from '../../lib/group_access';
import { humanize } from '../common/labels';

const ACCESS_HELP: Record<AccessMode, string> = {
  public: 'Every user who can use ML Commons can see and use the models.',
  private: 'Only you (the owner) and admins.',
  restricted: 'Users sharing one of the chosen backend roles.',
};

interface Props {
  value: GroupAccess;
  onChange: (next: GroupAccess) => void;
  /** The backend roles' problem, when shown. */
  rolesError?: string;
  disabled?: boolean;
  /** Distinguishes the checkbox's id when two forms show these fields. */
  idPrefix?: string;
}

/**
 * A model group's access, for clusters with model access control on (with it off ML Commons
 * refuses these fields and every group is public). Shared by the group modal and the register
 * page's new group.
 */
export function GroupAccessFields({ value, onChange, rolesError, disabled, idPrefix = 'group' }: Props) {
  return (
    <>
      <EuiFormRow label="Access" helpText={value.access ? ACCESS_HELP[value.access] : 'ML Commons decides: private, or restricted when roles are given.'}>
        <EuiSelect
          value={value.access}
          options={[{ value: '', text: 'Cluster default' }, ...ACCESS_MODES.map((m) => ({ value: m, text: humanize(m) }))]}
          onChange={(e) => onChange({ ...value, access: e.target.value as AccessMode | '' })}
          disabled={disabled}
          data-test-subj="groupAccessInput"
        />
      </EuiFormRow>
      {value.access === 'restricted' && (
        <>
          <EuiFormRow label="Backend roles" isInvalid={!!rolesError} error={rolesError}>
            <EuiComboBox
              noSuggestions
              isDisabled={value.allRoles || disabled}
              placeholder="Type a role and press Enter"
              selectedOptions={value.roles.map((label) => ({ label }))}
              onCreateOption={(role) => onChange({ ...value, roles: [...value.roles, role.trim()].filter(Boolean) })}
              onChange={(options) => onChange({ ...value, roles: options.map((o) => o.label) })}
              data-test-subj="groupRolesInput"
            />
          </EuiFormRow>
          <EuiCheckbox
            id={`${idPrefix}AllRoles`}
            label="Share with all of my backend roles"
            checked={value.allRoles}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, allRoles: e.target.checked })}
            data-test-subj="groupAllRolesInput"
          />
        </>
      )}
    </>
  );
}
