import { EuiComboBox, EuiConfirmModal, EuiFormRow, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useState } from 'react';
import type { Model } from '../../../common/types';
import { useReadiness } from '../../hooks/use_readiness';
import { AppLink, appPaths } from '../common/app_link';
import { ErrorCallout } from '../common/error_callout';
import { settingOn } from '../cluster/readiness_values';

interface Props {
  model: Model;
  busy: boolean;
  onCancel: () => void;
  /** `nodeIds` undefined: every eligible node (ML Commons decides). */
  onConfirm: (nodeIds?: string[]) => void;
}

/**
 * Confirms a deploy. Choosing nodes is offered only when the cluster allows a custom deployment
 * plan: otherwise ML Commons refuses `node_ids` with "Don't allow custom deployment plan".
 */
export function DeployModal({ model, busy, onCancel, onConfirm }: Props) {
  const readiness = useReadiness();
  const [selected, setSelected] = useState<Array<{ label: string; value?: string }>>([]);
  const customPlan = settingOn(readiness.data, 'allow_custom_deployment_plan');
  const nodes = readiness.data?.nodes ?? [];

  return (
    <EuiConfirmModal
      title={`Deploy ${model.name}?`}
      onCancel={onCancel}
      onConfirm={() => onConfirm(customPlan && selected.length ? selected.map((o) => o.value as string) : undefined)}
      cancelButtonText="Cancel"
      confirmButtonText="Deploy"
      confirmButtonDisabled={busy}
      isLoading={busy}
      data-test-subj="deployModal"
    >
      <EuiText size="s">
        <p>ML Commons loads the model into memory on its nodes; predictions work once it is deployed.</p>
      </EuiText>
      <EuiSpacer size="s" />
      {readiness.error ? (
        <ErrorCallout title="Could not read the cluster's nodes" error={readiness.error} color="warning" data-test-subj="deployNodesError" />
      ) : customPlan ? (
        <EuiFormRow label="Nodes" helpText="Leave empty to deploy to every eligible node." fullWidth>
          <EuiComboBox
            fullWidth
            placeholder="Every eligible node"
            options={nodes.map((n) => ({ label: n.name || n.id, value: n.id, 'data-test-subj': `deployNode-${n.id}` }))}
            selectedOptions={selected}
            onChange={(options) => setSelected(options as Array<{ label: string; value?: string }>)}
            isLoading={readiness.loading}
            data-test-subj="deployNodes"
          />
        </EuiFormRow>
      ) : (
        readiness.data && (
          <EuiText size="xs" color="subdued" data-test-subj="deployNoCustomPlan">
            <p>
              The model goes to every eligible node. Choosing nodes needs plugins.ml_commons.allow_custom_deployment_plan, which is
              off on this cluster (see <AppLink to={appPaths.cluster()}>Cluster readiness</AppLink>).
            </p>
          </EuiText>
        )
      )}
    </EuiConfirmModal>
  );
}
