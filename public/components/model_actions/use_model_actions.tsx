import React, { useCallback, useEffect, useRef, useState } from 'react';
import { useHistory } from 'react-router-dom';
import type { Model, Task } from '../../../common/types';
import { errorMessage, isAbortError } from '../../apis/errors';
import { isTerminal, pollTask } from '../../lib/poll_task';
import { isDuplicateDeploy } from '../../lib/task_hints';
import { useMounted } from '../../hooks/use_mounted';
import { useServices } from '../../services';
import { nodeNames } from '../cluster/readiness_values';
import { appPaths } from '../common/app_link';
import { toastLink } from '../common/toast_link';
import { taskErrorLines } from '../tasks/task_error';
import { DeleteModelModal } from './delete_model_modal';
import { DeployModal } from './deploy_modal';
import { undeployOutcome } from './undeploy_outcome';
import { UndeployModal } from './undeploy_modal';

type Pending = { kind: 'deploy' | 'undeploy' | 'delete'; model: Model };

/**
 * ML Commons writes a model's new state without a refresh, and its index refreshes every second:
 * a list searched the moment a deploy task ends can still say REGISTERED (seen on 2.19.6). So a
 * change is shown by reading at once, and once more after the refresh has surely happened.
 */
export const SEARCH_CATCH_UP_MS = 1500;

interface Options {
  /** After anything that changes a model's state: reload whatever shows it. */
  onChanged: () => void;
  /** After a delete succeeded (e.g. leave the model's own page). */
  onDeleted?: (model: Model) => void;
}

/**
 * Deploy, undeploy and delete, each behind a confirmation, with toasts carrying ML Commons' own
 * reason. A deploy is asynchronous in ML Commons: its task is polled every 2 s until it ends,
 * then the page reloads, so the user sees the final state without refreshing.
 */
export function useModelActions({ onChanged, onDeleted }: Options) {
  const { apis, notifications } = useServices();
  const { toasts } = notifications;
  const history = useHistory();
  const [pending, setPending] = useState<Pending | undefined>();
  const [busy, setBusy] = useState(false);
  /** The latest read of each model's deploy task started here, by model id. */
  const [deployTasks, setDeployTasks] = useState<Record<string, Task>>({});
  /** The deploy task being followed, by model id. */
  const polls = useRef(new Map<string, AbortController>());
  const callbacks = useRef({ onChanged, onDeleted });
  callbacks.current = { onChanged, onDeleted };

  const mounted = useMounted();
  /** Second reads scheduled after changes, cleared with the page. */
  const catchUps = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const running = polls.current;
    const timers = catchUps.current;
    return () => {
      running.forEach((c) => c.abort());
      timers.forEach((t) => clearTimeout(t));
    };
  }, []);

  const changed = useCallback(() => {
    callbacks.current.onChanged();
    const timer = setTimeout(() => {
      catchUps.current.delete(timer);
      if (mounted.current) callbacks.current.onChanged();
    }, SEARCH_CATCH_UP_MS);
    catchUps.current.add(timer);
  }, [mounted]);

  /** A deploy this page started says nothing about the model once it is undeployed or deleted. */
  const forgetDeploy = useCallback((modelId: string) => {
    polls.current.get(modelId)?.abort();
    polls.current.delete(modelId);
    if (mounted.current) setDeployTasks(({ [modelId]: _gone, ...rest }) => rest);
  }, [mounted]);

  const followDeploy = useCallback(
    async (model: Model, taskId: string) => {
      // A deploy answered after the page unmounted: nothing would ever stop following it.
      if (!mounted.current) return;
      polls.current.get(model.id)?.abort();
      const controller = new AbortController();
      polls.current.set(model.id, controller);
      const record = (task: Task) => mounted.current && !controller.signal.aborted && setDeployTasks((prev) => ({ ...prev, [model.id]: task }));
      try {
        const task = await pollTask(apis.tasks, taskId, { signal: controller.signal, onUpdate: record });
        // Per-node errors name nodes by id: name them as the pages do (best effort, failures only).
        const names = task.error ? nodeNames(await apis.cluster.readiness(controller.signal).catch(() => undefined)) : {};
        // Forgotten (undeployed, deleted) or unmounted meanwhile: its outcome is no longer news.
        if (controller.signal.aborted) return;
        const errors = taskErrorLines(task.error, names, 'DEPLOY_MODEL').join('\n');
        if (task.state === 'COMPLETED') {
          toasts.addSuccess({ title: `Deployed ${model.name}`, text: toastLink('It answers predictions now.', 'Open the model', history as never, appPaths.model(model.id)) });
        }
        else if (task.state === 'COMPLETED_WITH_ERROR') toasts.addWarning({ title: `${model.name} deployed on some nodes only`, text: errors });
        else if (isDuplicateDeploy(task)) toasts.addWarning({ title: `Another deploy of ${model.name} was already under way`, text: 'This one changed nothing; the model shows how that deploy went.' });
        else toasts.addDanger({ title: `Could not deploy ${model.name}`, text: errors || `The deploy task ended ${task.state}.` });
      } catch (err) {
        if (isAbortError(err) || controller.signal.aborted) return;
        toasts.addDanger({ title: `Lost track of the deploy of ${model.name}`, text: errorMessage(err) });
        // No longer followed: its last read (RUNNING) must not keep Deploy disabled.
        if (mounted.current) setDeployTasks(({ [model.id]: _gone, ...rest }) => rest);
      } finally {
        if (polls.current.get(model.id) === controller) polls.current.delete(model.id);
      }
      if (mounted.current && !controller.signal.aborted) changed();
    },
    [apis, toasts, history, changed]
  );

  const run = useCallback(
    async (nodeIds?: string[]) => {
      if (!pending) return;
      const { kind, model } = pending;
      setBusy(true);
      try {
        if (kind === 'deploy') {
          const res = await apis.models.deploy(model.id, nodeIds ? { node_ids: nodeIds } : {});
          toasts.addSuccess({
            title: `Deploying ${model.name}`,
            text: toastLink(`Deploy task ${res.task_id} started.`, 'Follow it on the model page', history as never, appPaths.model(model.id)),
          });
          setDeployTasks((prev) => ({ ...prev, [model.id]: { id: res.task_id, model_id: model.id, task_type: 'DEPLOY_MODEL', state: res.status } }));
          followDeploy(model, res.task_id);
        } else if (kind === 'undeploy') {
          const { released, notFound } = undeployOutcome(await apis.models.undeploy(model.id), model.id);
          forgetDeploy(model.id);
          const link = (text: string) => toastLink(text, 'Open the model', history as never, appPaths.model(model.id));
          // ML Commons answers 200 even when no node had the model: say what happened.
          if (released.length) toasts.addSuccess({ title: `Undeployed ${model.name}`, text: link(released.length === 1 ? 'Its node released it.' : `${released.length} nodes released it.`) });
          else
            toasts.addWarning({
              title: `Nothing undeployed for ${model.name}`,
              text: link(notFound.length ? 'No node had it loaded (ML Commons answered not_found).' : 'ML Commons named no node that released it.'),
            });
        } else {
          await apis.models.delete(model.id);
          forgetDeploy(model.id);
          toasts.addSuccess({ title: `Deleted ${model.name}` });
        }
      } catch (err) {
        toasts.addDanger({ title: `Could not ${kind} ${model.name}`, text: errorMessage(err) });
        if (!mounted.current) return;
        setBusy(false);
        // A refused deploy keeps its dialog, with the nodes chosen, to adjust and try again.
        if (kind !== 'deploy') setPending(undefined);
        // A refusal often means the page is out of date (deployed or deleted elsewhere): show what is.
        callbacks.current.onChanged();
        return;
      }
      // Answered after the user left: the toast says it, and the page they went to stays.
      if (!mounted.current) return;
      setBusy(false);
      setPending(undefined);
      // A page showing only the deleted model leaves (onDeleted); a list reloads instead.
      if (kind === 'delete' && callbacks.current.onDeleted) callbacks.current.onDeleted(model);
      else changed();
    },
    [apis, toasts, pending, followDeploy, forgetDeploy, history, changed]
  );

  const cancel = useCallback(() => setPending(undefined), []);
  /** Whether a deploy started here for this model is still running (a second one would queue behind it). */
  const deployRunning = useCallback((modelId: string) => {
    const task = deployTasks[modelId];
    return !!task && !isTerminal(task);
  }, [deployTasks]);
  const deploy = useCallback(
    (model: Model) => {
      if (deployRunning(model.id)) toasts.addWarning({ title: `${model.name} is already being deployed`, text: `Deploy task ${deployTasks[model.id].id} is still ${deployTasks[model.id].state}.` });
      else setPending({ kind: 'deploy', model });
    },
    [deployRunning, deployTasks, toasts]
  );
  const undeploy = useCallback((model: Model) => setPending({ kind: 'undeploy', model }), []);
  const remove = useCallback((model: Model) => setPending({ kind: 'delete', model }), []);

  let modal: React.ReactNode = null;
  if (pending?.kind === 'deploy') modal = <DeployModal model={pending.model} busy={busy} onCancel={cancel} onConfirm={run} />;
  if (pending?.kind === 'undeploy') modal = <UndeployModal model={pending.model} busy={busy} onCancel={cancel} onConfirm={() => run()} />;
  if (pending?.kind === 'delete') modal = <DeleteModelModal model={pending.model} busy={busy} onCancel={cancel} onConfirm={() => run()} />;

  return { deploy, undeploy, remove, modal, deployTasks, deployRunning };
}
