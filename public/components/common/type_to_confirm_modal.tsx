import { EuiConfirmModal, EuiFieldText, EuiFormRow, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useState } from 'react';

interface Props {
  title: string;
  /** What the user must type, exactly (e.g. the group's name). */
  confirmText: string;
  confirmButtonText: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children?: React.ReactNode;
  'data-test-subj'?: string;
}

/** A destructive action that cannot be undone: confirmed only once the user types the name. */
export function TypeToConfirmModal({
  title,
  confirmText,
  confirmButtonText,
  busy,
  onCancel,
  onConfirm,
  children,
  'data-test-subj': testSubj = 'typeToConfirmModal',
}: Props) {
  const [typed, setTyped] = useState('');
  const matches = typed === confirmText;
  return (
    <EuiConfirmModal
      title={title}
      onCancel={onCancel}
      onConfirm={() => matches && onConfirm()}
      cancelButtonText="Cancel"
      confirmButtonText={confirmButtonText}
      buttonColor="danger"
      confirmButtonDisabled={!matches || busy}
      isLoading={busy}
      data-test-subj={testSubj}
    >
      {children}
      <EuiSpacer size="s" />
      <EuiFormRow
        label={
          <EuiText size="xs">
            Type <strong>{confirmText}</strong> to confirm
          </EuiText>
        }
        fullWidth
      >
        <EuiFieldText
          fullWidth
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-label={`Type ${confirmText} to confirm`}
          data-test-subj={`${testSubj}-input`}
        />
      </EuiFormRow>
    </EuiConfirmModal>
  );
}
