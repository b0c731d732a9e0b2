import { EuiText } from '@elastic/eui';
import React from 'react';
import type { ModelGroup } from '../../../common/types';
import { TypeToConfirmModal } from '../common/type_to_confirm_modal';

interface Props {
  group: ModelGroup;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function DeleteGroupModal({ group, busy, onCancel, onConfirm }: Props) {
  return (
    <TypeToConfirmModal
      title={`Delete model group ${group.name}?`}
      confirmText={group.name}
      confirmButtonText="Delete group"
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
      data-test-subj="deleteGroupModal"
    >
      <EuiText size="s">
        <p>
          The group is removed for good. ML Commons refuses while the group still has model versions: delete them first.
        </p>
      </EuiText>
    </TypeToConfirmModal>
  );
}
