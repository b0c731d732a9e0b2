import { EuiCallOut, EuiCheckbox, EuiConfirmModal, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useState } from 'react';
import { ML_COMMONS_SETTINGS_PREFIX } from '../../../common/ml_commons';
import type { ReadinessApplyBody } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { Recommendation } from './setting_info';

interface Props {
  recommendations: Recommendation[];
  busy: boolean;
  error?: unknown;
  onCancel: () => void;
  onConfirm: (settings: ReadinessApplyBody['settings']) => void;
}

/** Lists each change (ticked when needed) before anything is written to the cluster. */
export function ApplySettingsModal({ recommendations, busy, error, onCancel, onConfirm }: Props) {
  const [chosen, setChosen] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(recommendations.map((r) => [r.key, r.needed]))
  );
  const selected = recommendations.filter((r) => chosen[r.key]);
  return (
    <EuiConfirmModal
      title="Change cluster settings?"
      onCancel={onCancel}
      onConfirm={() => onConfirm(Object.fromEntries(selected.map((r) => [r.key, r.value])) as ReadinessApplyBody['settings'])}
      cancelButtonText="Cancel"
      confirmButtonText={`Apply ${selected.length} change${selected.length === 1 ? '' : 's'}`}
      confirmButtonDisabled={busy || selected.length === 0}
      isLoading={busy}
      data-test-subj="applySettingsModal"
    >
      <EuiText size="s">
        <p>
          These are persistent cluster settings: they apply to every user and survive restarts. A transient value of the same setting, which would
          override them, is removed.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      {recommendations.map((r) => (
        <div key={r.key}>
          <EuiCheckbox
            id={`apply-${r.key}`}
            checked={!!chosen[r.key]}
            onChange={(e) => setChosen({ ...chosen, [r.key]: e.target.checked })}
            label={
              <span>
                <code>
                  {ML_COMMONS_SETTINGS_PREFIX}
                  {r.key}
                </code>{' '}
                → <strong>{String(r.value)}</strong>
              </span>
            }
            data-test-subj={`apply-${r.key}`}
          />
          <EuiText size="xs" color="subdued">
            <p>{r.why}</p>
          </EuiText>
          <EuiSpacer size="s" />
        </div>
      ))}
      {error !== undefined && (
        <EuiCallOut color="danger" iconType="alert" size="s" title="The cluster refused the change" data-test-subj="applySettingsError">
          <p>{errorMessage(error)}</p>
        </EuiCallOut>
      )}
    </EuiConfirmModal>
  );
}
