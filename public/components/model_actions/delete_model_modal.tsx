import { EuiConfirmModal } from '@elastic/eui';
import React from 'react';
import type { Model } from '../../../common/types';

interface Props {
  model: Model;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function DeleteModelModal({ model, busy, onCancel, onConfirm }: Props) {
  return (
    <EuiConfirmModal
      title={`Delete ${model.name}${model.model_version ? ` version ${model.model_version}` : ''}?`}
      onCancel={onCancel}
      onConfirm={onConfirm}
      cancelButtonText="Cancel"
      confirmButtonText="Delete"
      buttonColor="danger"
      defaultFocusedButton="cancel"
      confirmButtonDisabled={busy}
      isLoading={busy}
      data-test-subj="deleteModelModal"
    >
      <p>
        The model and its stored file are removed from the cluster. This cannot be undone; its group and the group&apos;s other
        versions stay.
      </p>
    </EuiConfirmModal>
  );
}
