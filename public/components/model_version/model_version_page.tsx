import {
  EuiButton,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHorizontalRule,
  EuiLoadingSpinner,
  EuiSpacer,
  EuiText,
  EuiTitle,
  EuiToolTip,
} from '@elastic/eui';
import React, { useCallback, useMemo, useState } from 'react';
import { useHistory, useParams } from 'react-router-dom';
import { DEPLOYMENT_STATES, ModelState } from '../../../common/ml_commons';
import { MIN_REFRESH_MS, useAutoRefresh } from '../../hooks/use_auto_refresh';
import { useModel, useModelGroup, useModelProfile } from '../../hooks/use_model';
import { useReadiness } from '../../hooks/use_readiness';
import { isOrphan, lastActivity, ORPHAN_MIN_AGE_MINUTES } from '../models/orphans';
import { appPaths } from '../common/app_link';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { MODEL_STATE_INFO, ModelStateHealth } from '../common/model_state';
import { usePageBreadcrumbs } from '../common/page_breadcrumbs';
import { nodeNames } from '../cluster/readiness_values';
import { canDelete, canDeploy, canUndeploy, DELETE_BLOCKED_REASON, undeployBlockedReason } from '../model_actions/model_action_buttons';
import { useModelActions } from '../model_actions/use_model_actions';
import { DeployProgress } from './deploy_progress';
import { ModelConfigView, ModelDetails } from './model_details';
import { NodeProfileTable } from './node_profile_table';
import { TaskHistory } from './task_history';
import { Section } from '../common/section';

const ATTENTION_STATES: ModelState[] = ['PARTIALLY_DEPLOYED', 'DEPLOY_FAILED', 'REGISTERING'];
/**
 * States ML Commons leaves by itself. A deploy started elsewhere (the Models page, another tab)
 * is not followed by this page's task polling, so the model is read again until it settles.
 */
const TRANSITIONAL_STATES: ModelState[] = ['DEPLOYING', 'REGISTERING'];

/** One model version: what it is, where it runs, what happened to it, and the actions on it. */
export function ModelVersionPage() {
  const { modelId } = useParams<{ modelId: string }>();
  // Keyed by id: another model is a fresh page, so the previous one's data, open modal or
  // followed deploy can never show on it or act in its place.
  return <ModelVersionView key={modelId} modelId={modelId} />;
}

function ModelVersionView({ modelId }: { modelId: string }) {
  const history = useHistory();
  const model = useModel(modelId);
  const group = useModelGroup(model.data?.model_group_id);
  const profile = useModelProfile(modelId);
  const readiness = useReadiness();
  const names = useMemo(() => nodeNames(readiness.data), [readiness.data]);
  const [generation, setGeneration] = useState(0);

  const { reload: reloadModel } = model;
  const { reload: reloadProfile } = profile;
  const refresh = useCallback(() => {
    reloadModel();
    reloadProfile();
    setGeneration((g) => g + 1);
  }, [reloadModel, reloadProfile]);
  const actions = useModelActions({
    onChanged: refresh,
    // Replaced, not pushed: Back must not return to the page of a model that is gone.
    onDeleted: (m) => history.replace(m.model_group_id ? appPaths.modelGroup(m.model_group_id) : appPaths.models()),
  });
  const transitional = TRANSITIONAL_STATES.includes(model.data?.model_state as ModelState);
  const abandoned = !!model.data && isOrphan(model.data, ORPHAN_MIN_AGE_MINUTES, Date.now());
  useAutoRefresh(transitional ? MIN_REFRESH_MS : 0, refresh, model.loading || profile.loading);
  usePageBreadcrumbs([
    { text: 'Models', to: appPaths.models() },
    { text: model.data ? `${model.data.name}${model.data.model_version ? ` v${model.data.model_version}` : ''}` : modelId },
  ]);

  if (model.error) return <ErrorCallout title="Could not load the model" error={model.error} onRetry={reloadModel} data-test-subj="modelError" />;
  if (!model.data) return <EuiLoadingSpinner size="l" />;
  const m = model.data;
  const stateInfo = MODEL_STATE_INFO[m.model_state as ModelState];
  const deployTask = actions.deployTasks[m.id];
  // Nodes still holding a model whose record says it runs nowhere (profile vs index).
  const loadedAgainstRecord = DEPLOYMENT_STATES.includes(m.model_state as ModelState) || model.loading || profile.loading
    ? []
    : Object.entries(profile.data?.models?.[m.id]?.nodes ?? {})
        .filter(([, p]) => p.model_state === 'DEPLOYED')
        .map(([id]) => names[id] ?? id);

  return (
    <>
      <RefreshErrorCallout what="the model" error={model.refreshError} onRetry={reloadModel} />
      {/* On a line of its own: a long name wraps without squeezing the state or the buttons. */}
      <EuiTitle size="m">
        <h1 data-test-subj="pageTitle">{m.name}</h1>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiFlexGroup alignItems="center" responsive={false} wrap gutterSize="m">
        <EuiFlexItem grow={false} style={{ whiteSpace: 'nowrap' }}>
          <EuiText size="s" color="subdued">
            {m.model_version ? `Version ${m.model_version}` : ''}
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false} style={{ whiteSpace: 'nowrap' }} data-test-subj="modelState">
          <ModelStateHealth state={m.model_state} />
        </EuiFlexItem>
        <EuiFlexItem />
        <EuiFlexItem grow={false}>
          <EuiButton size="s" fill iconType="play" isDisabled={!canDeploy(m) || actions.deployRunning(m.id)} onClick={() => actions.deploy(m)} data-test-subj="deployButton">
            Deploy
          </EuiButton>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiToolTip content={canUndeploy(m) ? undefined : undeployBlockedReason(m)}>
            <EuiButton
              size="s"
              iconType="stop"
              isDisabled={!canUndeploy(m)}
              aria-label={canUndeploy(m) ? undefined : `Undeploy: not available, ${undeployBlockedReason(m)}`}
              onClick={() => actions.undeploy(m)}
              data-test-subj="undeployButton"
            >
              Undeploy
            </EuiButton>
          </EuiToolTip>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiToolTip content={canDelete(m) ? undefined : DELETE_BLOCKED_REASON}>
            <EuiButton
              size="s"
              color="danger"
              iconType="trash"
              isDisabled={!canDelete(m)}
              aria-label={canDelete(m) ? undefined : `Delete: not available, ${DELETE_BLOCKED_REASON}`}
              onClick={() => actions.remove(m)}
              data-test-subj="deleteButton"
            >
              Delete
            </EuiButton>
          </EuiToolTip>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      {stateInfo &&
        (ATTENTION_STATES.includes(m.model_state as ModelState) ? (
          <EuiCallOut color={m.model_state === 'REGISTERING' ? 'primary' : 'warning'} size="s" title={stateInfo.label} data-test-subj="stateExplanation">
            <p>{stateInfo.description}</p>
          </EuiCallOut>
        ) : (
          <EuiText size="s" color="subdued" data-test-subj="stateExplanation">
            <p>{stateInfo.description}</p>
          </EuiText>
        ))}
      {loadedAgainstRecord.length > 0 && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut color="warning" size="s" iconType="alert" title="ML Commons' record and its nodes disagree" data-test-subj="stateDisagrees">
            <p>
              The model is recorded as {stateInfo?.label.toLowerCase() ?? m.model_state}, but {loadedAgainstRecord.join(', ')} still{' '}
              {loadedAgainstRecord.length === 1 ? 'reports' : 'report'} it deployed, and may still answer predictions. An undeploy sent while the model was
              deploying can leave it so.
            </p>
          </EuiCallOut>
        </>
      )}
      {abandoned && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut color="warning" size="s" iconType="alert" title="This upload looks abandoned" data-test-subj="uploadAbandoned">
            <p>
              Nothing has completed it for {Math.round((Date.now() - (lastActivity(m) ?? Date.now())) / 60000)} minutes. An upload whose page was closed or
              cancelled leaves its model in REGISTERING for good (ML Commons has no timeout for it). If nobody is uploading it now, delete it.
            </p>
          </EuiCallOut>
        </>
      )}
      {transitional && !deployTask && (
        <EuiText size="xs" color="subdued" data-test-subj="modelAutoRefresh">
          <p>This page reads the model again every {MIN_REFRESH_MS / 1000} s until it is no longer {stateInfo?.label.toLowerCase()}.</p>
        </EuiText>
      )}
      {deployTask && (
        <>
          <EuiSpacer size="s" />
          <DeployProgress task={deployTask} names={names} />
        </>
      )}
      <EuiHorizontalRule margin="m" />
      <EuiFlexGroup>
        <EuiFlexItem>
          <Section title="Details">
            <ModelDetails model={m} groupName={group.data?.name} />
          </Section>
        </EuiFlexItem>
        <EuiFlexItem>
          <Section title="Configuration">
            <ModelConfigView model={m} />
          </Section>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <Section title="Nodes">
        <NodeProfileTable modelId={m.id} profile={profile.data} error={profile.error} names={names} modelState={m.model_state} />
      </Section>
      <EuiSpacer size="m" />
      <Section title="Task history">
        <TaskHistory modelId={m.id} names={names} generation={generation} live={deployTask} />
      </Section>
      {actions.modal}
    </>
  );
}
