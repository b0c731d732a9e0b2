import { EuiButtonIcon, EuiFlexGroup, EuiFlexItem, EuiToolTip } from '@elastic/eui';
import React from 'react';
import { ModelState, SERVING_STATES, UNDELETABLE_MODEL_STATES } from '../../../common/ml_commons';
import type { Model } from '../../../common/types';

/** States from which ML Commons accepts a deploy (a partial deployment can be completed too). */
export const DEPLOYABLE_STATES: readonly ModelState[] = ['REGISTERED', 'UNDEPLOYED', 'DEPLOY_FAILED', 'PARTIALLY_DEPLOYED'];
/**
 * Undeploy is offered while the model serves, not while it deploys: ML Commons cannot stop a deploy
 * midway; an undeploy then answers not_found, and (seen on 2.19.6) can leave the deploy task
 * RUNNING for ever, or the model loaded on a node while its record says UNDEPLOYED. A model left
 * DEPLOYING with no deploy running needs no undeploy: ML Commons' sync marks it DEPLOY_FAILED
 * within seconds (seen on 2.19.6).
 */

export const canDeploy = (m: Model) => DEPLOYABLE_STATES.includes(m.model_state as ModelState);
export const canUndeploy = (m: Model) => SERVING_STATES.includes(m.model_state as ModelState);
export const canDelete = (m: Model) => !UNDELETABLE_MODEL_STATES.includes(m.model_state as ModelState);

/** Why undeploy is not offered for `m`. */
export const undeployBlockedReason = (m: Model) =>
  m.model_state === 'DEPLOYING' ? 'A deploy is running, and ML Commons cannot stop it midway: undeploy once it has ended' : 'Not running on any node';

export const DELETE_BLOCKED_REASON = 'ML Commons refuses to delete a model while it is deployed or deploying: undeploy it first.';

interface Props {
  model: Model;
  onDeploy: (m: Model) => void;
  onUndeploy: (m: Model) => void;
  onDelete: (m: Model) => void;
}

const DEPLOY_BLOCKED_REASON = 'Deploy is possible once the model is registered and not running';

/**
 * Row actions: each shown disabled, with the reason, when ML Commons would refuse it. A disabled
 * button takes no focus, so its accessible name carries the reason its tooltip shows on hover.
 */
export function ModelActionButtons({ model, onDeploy, onUndeploy, onDelete }: Props) {
  return (
    <EuiFlexGroup gutterSize="xs" responsive={false} wrap={false}>
      <EuiFlexItem grow={false}>
        <EuiToolTip content={canDeploy(model) ? 'Deploy' : DEPLOY_BLOCKED_REASON}>
          <EuiButtonIcon
            iconType="play"
            aria-label={canDeploy(model) ? `Deploy ${model.name}` : `Deploy ${model.name}: not available, ${DEPLOY_BLOCKED_REASON}`}
            isDisabled={!canDeploy(model)}
            onClick={() => onDeploy(model)}
            data-test-subj={`deployButton-${model.id}`}
          />
        </EuiToolTip>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiToolTip content={canUndeploy(model) ? 'Undeploy' : undeployBlockedReason(model)}>
          <EuiButtonIcon
            iconType="stop"
            aria-label={canUndeploy(model) ? `Undeploy ${model.name}` : `Undeploy ${model.name}: not available, ${undeployBlockedReason(model)}`}
            isDisabled={!canUndeploy(model)}
            onClick={() => onUndeploy(model)}
            data-test-subj={`undeployButton-${model.id}`}
          />
        </EuiToolTip>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiToolTip content={canDelete(model) ? 'Delete' : DELETE_BLOCKED_REASON}>
          <EuiButtonIcon
            iconType="trash"
            color="danger"
            aria-label={canDelete(model) ? `Delete ${model.name}` : `Delete ${model.name}: not available, ${DELETE_BLOCKED_REASON}`}
            isDisabled={!canDelete(model)}
            onClick={() => onDelete(model)}
            data-test-subj={`deleteButton-${model.id}`}
          />
        </EuiToolTip>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
