import { EuiButton, EuiButtonEmpty, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiSpacer, EuiText } from '@elastic/eui';
import React from 'react';
import { FlowState, urlTaskMayRun } from '../../lib/register_flow';
import { AppLink, appPaths } from '../common/app_link';
import { ModelStateHealth } from '../common/model_state';
import { taskErrorLines } from '../tasks/task_error';

/** How the registration ended: the model to open, or what failed and what was cleaned up. */
export function ResultPanel({ state, onAgain, onRetry, names }: { state: FlowState; onAgain: () => void; onRetry: () => void; names?: Record<string, string> }) {
  // Once registered, the model is kept whatever ended the run afterwards; offering to register
  // it again would make a duplicate.
  const registered = !!state.modelId && !!state.registered;
  // Uploaded but not confirmed: most likely registered too, so it is opened, not uploaded again.
  const kept = registered || (!!state.modelId && !!state.unconfirmed);
  // A URL registration's task left running can still add the version: trying again could add it
  // twice, so the task is offered instead.
  const taskMayRun = !state.modelId && urlTaskMayRun(state);
  const deployLines = state.deployTask?.error ? taskErrorLines(state.deployTask.error, names, 'DEPLOY_MODEL') : state.error ? [state.error.message] : [];

  return (
    <div data-test-subj="registerResult">
      {registered && (
        <EuiCallOut title="Model registered" color="success" iconType="check" data-test-subj="registerSuccess">
          <div>
            <AppLink to={appPaths.model(state.modelId!)} data-test-subj="registeredModelLink">
              {state.model?.name || state.modelId}
            </AppLink>{' '}
            version {state.model?.model_version ?? '?'} (id <code data-test-subj="registeredModelId">{state.modelId}</code>) is{' '}
            <ModelStateHealth state={state.model?.model_state} />
          </div>
          {state.warnings.map((w, i) => (
            <p key={i}>{w}</p>
          ))}
        </EuiCallOut>
      )}
      {state.phase === 'failed' && state.error && (
        <>
          {registered && <EuiSpacer size="s" />}
          <EuiCallOut title={`${state.error.step} failed`} color="danger" iconType="alert" data-test-subj="registerFailure">
            {state.error.step === 'Deploying' ? (
              <ul data-test-subj="deployErrors">
                {deployLines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : (
              <p data-test-subj="registerFailure-message">{state.error.message}</p>
            )}
            {!registered && kept && (
              <AppLink to={appPaths.model(state.modelId!)} data-test-subj="unconfirmedModelLink">
                Open the model to see its state
              </AppLink>
            )}
            {taskMayRun && <UrlTaskLink taskId={state.registerTaskId!} />}
          </EuiCallOut>
        </>
      )}
      {state.phase === 'cancelled' && (
        <>
          {registered && <EuiSpacer size="s" />}
          <EuiCallOut
            title={registered ? 'Stopped following the deploy' : 'Registration cancelled'}
            color="warning"
            iconType="cross"
            data-test-subj="registerCancelled"
          >
            {registered && state.deployTaskId && (
              <p>ML Commons may still be deploying it (task {state.deployTaskId}); the model&apos;s page shows how it ends.</p>
            )}
            {taskMayRun && <UrlTaskLink taskId={state.registerTaskId!} />}
          </EuiCallOut>
        </>
      )}
      {state.cleanup.length > 0 && (
        <EuiText size="s" data-test-subj="registerCleanup">
          <ul>
            {state.cleanup.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </EuiText>
      )}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s">
        {!kept && !taskMayRun && (
          <EuiFlexItem grow={false}>
            <EuiButton size="s" onClick={onRetry} data-test-subj="registerRetry">
              Edit and try again
            </EuiButton>
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="s" onClick={onAgain} data-test-subj="registerAnother">
            Register another model
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
    </div>
  );
}

function UrlTaskLink({ taskId }: { taskId: string }) {
  return (
    <p>
      <AppLink to={appPaths.tasks()} data-test-subj="urlTaskLink">
        See how task {taskId} ends on the Tasks page
      </AppLink>
    </p>
  );
}
