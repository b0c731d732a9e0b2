import { EuiText, EuiToolTip } from '@elastic/eui';
import React from 'react';
import type { ModelProfileResponse } from '../../../common/types';
import { EMPTY } from '../common/format';

type ModelProfile = NonNullable<ModelProfileResponse['models']>[string];

/**
 * Worker nodes (running the model now) against target nodes (where it should run), and which
 * targets are missing: that gap is what PARTIALLY_DEPLOYED means.
 */
export function NodeStatus({
  modelId,
  profile,
  loading,
  names = {},
  modelState,
}: {
  modelId: string;
  profile?: ModelProfile;
  loading: boolean;
  /** Node id → name, where known. */
  names?: Record<string, string>;
  /** While DEPLOYING, targets without the model are still loading it (as are nodes reporting DEPLOYING). */
  modelState?: string;
}) {
  const label = (id: string) => names[id] ?? id;
  if (!profile) return <>{loading ? 'Loading…' : EMPTY}</>;
  const workers = profile.worker_nodes ?? [];
  const targets = profile.target_worker_nodes ?? [];
  const missing = targets.filter((n) => !workers.includes(n));
  // A target still loading the model (a deploy under way, or its node says DEPLOYING) is not a failure.
  const isLoading = (n: string) => modelState === 'DEPLOYING' || profile.nodes?.[n]?.model_state === 'DEPLOYING';
  const loadingOn = missing.filter(isLoading);
  const failed = missing.filter((n) => !isLoading(n));
  return (
    <div data-test-subj={`nodeStatus-${modelId}`}>
      <EuiToolTip content={workers.length ? `Running on: ${workers.map(label).join(', ')}` : 'Not running on any node'}>
        <span>
          {workers.length} of {targets.length} target nodes
        </span>
      </EuiToolTip>
      {loadingOn.length > 0 && (
        <EuiText size="xs" color="subdued" data-test-subj={`nodeStatusLoading-${modelId}`}>
          Loading on: {loadingOn.map(label).join(', ')}
        </EuiText>
      )}
      {failed.length > 0 && (
        <EuiText size="xs" color="danger" data-test-subj={`nodeStatusMissing-${modelId}`}>
          Not running on: {failed.map(label).join(', ')}
        </EuiText>
      )}
    </div>
  );
}
