import { EuiHealth, EuiToolTip } from '@elastic/eui';
import React from 'react';
import type { ModelState } from '../../../common/ml_commons';
import { EMPTY } from './format';

interface StateInfo {
  label: string;
  color: string;
  description: string;
}

/** What each ML Commons model state means for the user, and what to do about it. */
export const MODEL_STATE_INFO: Record<ModelState, StateInfo> = {
  REGISTERING: {
    label: 'Registering',
    color: 'primary',
    description: 'ML Commons is still receiving or downloading the model file. It cannot be deployed yet.',
  },
  REGISTERED: {
    label: 'Registered',
    color: 'subdued',
    description: 'Stored in the cluster but not running on any node. Deploy it to run predictions.',
  },
  DEPLOYING: {
    label: 'Deploying',
    color: 'primary',
    description: 'Being loaded onto its target nodes. Predictions work once it is deployed.',
  },
  DEPLOYED: {
    label: 'Deployed',
    color: 'success',
    description: 'Running on all of its target nodes and ready for predictions.',
  },
  PARTIALLY_DEPLOYED: {
    label: 'Partially deployed',
    color: 'warning',
    description: 'Running on some of its target nodes; some failed or left. Undeploy and deploy again, or check the nodes.',
  },
  UNDEPLOYED: {
    label: 'Undeployed',
    color: 'subdued',
    description: 'Stored in the cluster and no longer running on any node. Deploy it again to run predictions.',
  },
  DEPLOY_FAILED: {
    label: 'Deploy failed',
    color: 'danger',
    description: 'The last deployment failed on every target node. The deploy task on the Tasks page says why.',
  },
};

export function ModelStateHealth({ state }: { state: string | undefined }) {
  if (!state) return <>{EMPTY}</>;
  const info = MODEL_STATE_INFO[state as ModelState];
  if (!info) return <EuiHealth color="subdued">{state}</EuiHealth>;
  // Focusable, so the explanation also shows (and is announced) for keyboard users, not on hover only.
  return (
    <EuiToolTip content={info.description}>
      <span tabIndex={0} data-test-subj={`modelStateAnchor-${state}`}>
        <EuiHealth color={info.color} data-test-subj={`modelState-${state}`}>
          {info.label}
        </EuiHealth>
      </span>
    </EuiToolTip>
  );
}
