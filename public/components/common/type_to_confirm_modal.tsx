import { EuiConfirmModal, EuiFieldText, EuiFormRow, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useState } from 'react';

interface Props {
  title: string;
  /** What the user must type (e.g. the group's name), compared with its whitespace collapsed. */
  confirmText: string;
  confirmButtonText: string;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children?: React.ReactNode;
  'data-test-subj'?: string;
}

/**
 * Names as the page shows them: HTML collapses runs of whitespace, and a single-line field cannot
 * take a newline, so a name made elsewhere (" team  alpha ", two lines) must match as displayed or
 * it could never be confirmed.
 */
const asShown = (text: string) => text.replace(/\s+/g, ' ').trim();

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
  const shown = asShown(confirmText);
  const matches = typed.length > 0 && asShown(typed) === shown;
  // Enter in the field confirms too, once the name matches (never twice while it runs).
  const confirm = () => {
    if (matches && !busy) onConfirm();
  };
  return (
    <EuiConfirmModal
      title={title}
      onCancel={onCancel}
      onConfirm={confirm}
      cancelButtonText="Cancel"
      confirmButtonText={confirmButtonText}
      buttonColor="danger"
      confirmButtonDisabled={!matches || busy}
      isLoading={busy}
      data-test-subj={testSubj}
    >
      {children}
      <EuiSpacer size="s" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <EuiFormRow
          label={
            <EuiText size="xs">
              Type <strong>{shown}</strong> to confirm
            </EuiText>
          }
          fullWidth
        >
          <EuiFieldText
            fullWidth
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-label={`Type ${shown} to confirm`}
            data-test-subj={`${testSubj}-input`}
          />
        </EuiFormRow>
      </form>
    </EuiConfirmModal>
  );
}
