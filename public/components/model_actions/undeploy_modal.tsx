import { EuiConfirmModal } from '@elastic/eui';
import React from 'react';
import type { Model } from '../../../common/types';

interface Props {
  model: Model;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

export function UndeployModal({ model, busy, onCancel, onConfirm }: Props) {
  return (
    <EuiConfirmModal
      title={`Undeploy ${model.name}?`}
      onCancel={onCancel}
      onConfirm={onConfirm}
      cancelButtonText="Cancel"
      confirmButtonText="Undeploy"
      buttonColor="danger"
      defaultFocusedButton="cancel"
      confirmButtonDisabled={busy}
      isLoading={busy}
      data-test-subj="undeployModal"
    >
      <p>
        The model stops running on every node and predictions with it fail until it is deployed again. The model itself stays
        registered.
      </p>
    </EuiConfirmModal>
  );
}
