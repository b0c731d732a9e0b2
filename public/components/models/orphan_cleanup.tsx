import { EuiButton, EuiCallOut, EuiCheckbox, EuiConfirmModal, EuiSpacer, EuiText } from '@elastic/eui';
import moment from 'moment';
import React, { useState } from 'react';
import type { Model } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { useServices } from '../../services';
import { lastActivity } from './orphans';

interface Props {
  orphans: Model[];
  minAgeMinutes: number;
  onCleaned: () => void;
}

/**
 * Offers to delete uploads stuck in REGISTERING. Each is listed and can be unticked, because an
 * upload still running in another tab looks the same as an abandoned one.
 */
export function OrphanCleanup({ orphans, minAgeMinutes, onCleaned }: Props) {
  const { apis, notifications } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  if (orphans.length === 0) return null;

  // Ticked are those listed when the dialog opened; one that turns up while it is open (auto-refresh)
  // starts unticked, so a confirm never deletes an upload the user has not seen in the list.
  const chosen = orphans.filter((m) => selected[m.id] === true);
  const open = () => {
    setSelected(Object.fromEntries(orphans.map((m) => [m.id, true])));
    setConfirming(true);
  };

  const cleanUp = async () => {
    setBusy(true);
    const failures: string[] = [];
    // One at a time: each delete also removes the model's chunk documents by query.
    for (const model of chosen) {
      try {
        await apis.models.delete(model.id);
      } catch (err) {
        failures.push(`${model.name} (${model.id}): ${errorMessage(err)}`);
      }
    }
    const deleted = chosen.length - failures.length;
    if (deleted > 0) notifications.toasts.addSuccess({ title: `Deleted ${deleted} abandoned upload${deleted === 1 ? '' : 's'}` });
    if (failures.length) notifications.toasts.addDanger({ title: `Could not delete ${failures.length} upload(s)`, text: failures.join('\n') });
    setBusy(false);
    setConfirming(false);
    onCleaned();
  };

  const n = orphans.length;
  return (
    <>
      <EuiCallOut
        color="warning"
        iconType="help"
        size="s"
        title={`${n} upload${n === 1 ? '' : 's'} stuck in Registering for over ${minAgeMinutes} minute${minAgeMinutes === 1 ? '' : 's'}`}
        data-test-subj="orphanCallout"
      >
        <EuiText size="s">
          <p>
            A model stays in Registering when its file upload stopped before the last chunk (for example, the browser tab was closed).
            ML Commons never finishes or removes it by itself, and it cannot be deployed.
          </p>
        </EuiText>
        <EuiSpacer size="s" />
        <EuiButton size="s" color="warning" onClick={open} data-test-subj="orphanCleanupButton">
          Clean up…
        </EuiButton>
      </EuiCallOut>
      {confirming && (
        <EuiConfirmModal
          title="Delete abandoned uploads?"
          onCancel={() => setConfirming(false)}
          onConfirm={cleanUp}
          cancelButtonText="Cancel"
          confirmButtonText={`Delete ${chosen.length}`}
          buttonColor="danger"
          confirmButtonDisabled={busy || chosen.length === 0}
          isLoading={busy}
          data-test-subj="orphanCleanupModal"
        >
          <EuiText size="s">
            <p>Untick any upload that is still running in another tab or browser.</p>
          </EuiText>
          <EuiSpacer size="s" />
          {orphans.map((m) => (
            <EuiCheckbox
              key={m.id}
              id={`orphan-${m.id}`}
              checked={selected[m.id] === true}
              onChange={(e) => setSelected({ ...selected, [m.id]: e.target.checked })}
              label={`${m.name} (${m.id}), last activity ${moment(lastActivity(m)).fromNow()}`}
              data-test-subj={`orphan-${m.id}`}
            />
          ))}
        </EuiConfirmModal>
      )}
    </>
  );
}
