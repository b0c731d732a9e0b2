import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { Route } from 'react-router-dom';
import { routePath } from '../../../common/routes';
import type { ReadinessResponse, Task } from '../../../common/types';
import { model, modelGroup, page, READY, task } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions, sentBodies } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { ModelVersionPage } from './model_version_page';

const MODEL = routePath('model', { modelId: 'm1' });
const GROUP = routePath('modelGroup', { groupId: 'g1' });
const PROFILE = routePath('profileModel', { modelId: 'm1' });
const TASKS = routePath('tasks');
const READINESS = routePath('readiness');
const DEPLOY = routePath('modelDeploy', { modelId: 'm1' });
const TASK = routePath('task', { taskId: 't9' });

const HASH = 'a'.repeat(64);
const REGISTERED = model({
  id: 'm1',
  name: 'glove',
  model_version: '3',
  model_group_id: 'g1',
  model_state: 'REGISTERED',
  model_content_hash_value: HASH,
  model_content_size_in_bytes: 12345678,
  total_chunks: 2,
  model_config: { model_type: 'bert', embedding_dimension: 100, framework_type: 'SENTENCE_TRANSFORMERS', all_config: '{"a":1}' },
});
const TWO_NODES: ReadinessResponse = {
  ...READY,
  settings: [{ key: 'allow_custom_deployment_plan', setting: 'plugins.ml_commons.allow_custom_deployment_plan', value: 'true', source: 'persistent' }],
  nodes: [
    { id: 'n1', name: 'node-1', roles: ['data'] },
    { id: 'n2', name: 'node-2', roles: ['data'] },
  ],
};

function setup({
  models = [REGISTERED] as unknown[],
  readiness = TWO_NODES as unknown,
  profile = {} as unknown,
  tasks = [] as Task[],
  post = {} as Record<string, unknown>,
  del = {} as Record<string, unknown>,
} = {}) {
  // Successive reads of the model return the next entry (the last one repeats).
  let reads = 0;
  const http = createFakeHttp({
    get: {
      [MODEL]: () => models[Math.min(reads++, models.length - 1)],
      [GROUP]: modelGroup({ id: 'g1', name: 'encoders' }),
      [PROFILE]: profile,
      [TASKS]: page(tasks),
      [READINESS]: readiness,
    },
    post,
    delete: del,
  });
  const view = renderWithServices(<Route path="/models/:modelId" component={ModelVersionPage} />, { http, path: '/models/m1' });
  return { http, ...view };
}

describe('ModelVersionPage', () => {
  it('shows what the version is: hash, size, chunks, format, group and configuration', async () => {
    const { http, chrome } = setup();
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('glove');
    expect(screen.getByTestId('modelHash')).toHaveTextContent(HASH);
    expect(screen.getByTestId('modelSize')).toHaveTextContent('11.8 MiB');
    expect(screen.getByTestId('modelChunks')).toHaveTextContent('2');
    expect(screen.getByTestId('modelFormat')).toHaveTextContent('ONNX');
    expect(await screen.findByTestId('modelGroupLink')).toHaveTextContent('encoders');
    expect(screen.getByTestId('modelGroupLink')).toHaveAttribute('href', '/model-groups/g1');
    // A chunked upload has no registration time: no row saying "—".
    expect(screen.getByTestId('modelDetails')).not.toHaveTextContent('Registered');
    const config = screen.getByTestId('modelConfig');
    expect(config).toHaveTextContent('"embedding_dimension": 100');
    // all_config is JSON text; it is shown parsed.
    expect(config).toHaveTextContent('"a": 1');
    expect(lastCallOptions(http.get, TASKS)?.query).toEqual({ model_id: 'm1', size: 20, sort_direction: 'desc' });
    await waitFor(() => expect(chrome.setBreadcrumbs).toHaveBeenLastCalledWith([
      expect.objectContaining({ text: 'ML Models' }),
      expect.objectContaining({ text: 'Models', href: '/models' }),
      { text: 'glove v3' },
    ]));
  });

  it('cuts a long name in the header breadcrumb, not in the title', async () => {
    const long = `paraphrase_multilingual_${'x'.repeat(80)}`;
    const { chrome } = setup({ models: [{ ...REGISTERED, name: long }] });
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent(long);
    await waitFor(() => expect(chrome.setBreadcrumbs).toHaveBeenLastCalledWith([expect.anything(), expect.anything(), { text: `${long.slice(0, 39)}…` }]));
  });

  it('shows each node from the profile, by name, and the targets not responding', async () => {
    setup({
      models: [{ ...REGISTERED, model_state: 'PARTIALLY_DEPLOYED' }],
      profile: { models: { m1: { target_worker_nodes: ['n1', 'n2'], worker_nodes: ['n1'], nodes: { n1: { model_state: 'DEPLOYED', predict_request_stats: { count: 7, average: 12.34 } } } } } },
    });
    const n1 = await screen.findByTestId('nodeRow-n1');
    await waitFor(() => expect(within(n1).getByTestId('nodeName-n1')).toHaveTextContent('node-1'));
    expect(within(n1).getByTestId('nodeResponding-n1')).toBeInTheDocument();
    expect(n1).toHaveTextContent('12.3 ms');
    expect(n1).toHaveTextContent('7');
    expect(screen.getByTestId('nodeNotResponding-n2')).toBeInTheDocument();
    expect(screen.getByTestId('stateExplanation')).toHaveTextContent('Running on some of its target nodes');
  });

  it('calls an upload idle for long abandoned, and counts its chunks as expected, not received', async () => {
    const hoursAgo = Date.now() - 2 * 3600 * 1000;
    setup({ models: [{ ...REGISTERED, model_state: 'REGISTERING', created_time: hoursAgo, last_updated_time: hoursAgo }] });
    expect(await screen.findByTestId('uploadAbandoned')).toHaveTextContent('Nothing has completed it for 120 minutes');
    expect(screen.getByTestId('modelChunks')).toHaveTextContent('2 expected');
  });

  it('does not call a fresh upload abandoned', async () => {
    setup({ models: [{ ...REGISTERED, model_state: 'REGISTERING', created_time: Date.now() - 60000, last_updated_time: Date.now() - 60000 }] });
    expect(await screen.findByTestId('modelChunks')).toHaveTextContent('2 expected');
    expect(screen.queryByTestId('uploadAbandoned')).not.toBeInTheDocument();
  });

  it('says why node status is missing when the profile is refused', async () => {
    setup({ profile: httpError(403, 'no permissions for [cluster:admin/opensearch/ml/profile/nodes] and User [name=bob]') });
    expect(await screen.findByTestId('nodeProfileError')).toHaveTextContent('no permissions for [cluster:admin/opensearch/ml/profile/nodes] and User [name=bob]');
  });

  it('keeps delete disabled while the model is deployed', async () => {
    setup({ models: [{ ...REGISTERED, model_state: 'DEPLOYED' }] });
    expect(await screen.findByTestId('deleteButton')).toBeDisabled();
    expect(screen.getByTestId('deployButton')).toBeDisabled();
    expect(screen.getByTestId('undeployButton')).toBeEnabled();
  });

  describe('deploy', () => {
    afterEach(() => jest.useRealTimers());

    it('deploys to the chosen nodes, polls the task every 2 s to the end, shows per-node errors and refreshes', async () => {
      jest.useFakeTimers();
      const reads: Task[] = [
        task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'CREATED', model_id: 'm1' }),
        task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'RUNNING', model_id: 'm1' }),
        task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'COMPLETED_WITH_ERROR', model_id: 'm1', error: '{"n2":"model content changed"}' }),
      ];
      let taskReads = 0;
      const { http, toasts } = setup({
        models: [REGISTERED, { ...REGISTERED, model_state: 'DEPLOYING' }, { ...REGISTERED, model_state: 'PARTIALLY_DEPLOYED' }],
        post: { [DEPLOY]: { task_id: 't9', task_type: 'DEPLOY_MODEL', status: 'CREATED' } },
      });
      // The task answers differently on each read; everything else comes from the table.
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) => (path === TASK ? reads[Math.min(taskReads++, reads.length - 1)] : original(path, o as never)));

      fireEvent.click(await screen.findByTestId('deployButton'));
      const combo = await screen.findByTestId('deployNodes');
      fireEvent.change(within(combo).getByTestId('comboBoxSearchInput'), { target: { value: 'node-1' } });
      fireEvent.click(await screen.findByTestId('deployNode-n1'));
      fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));

      await waitFor(() => expect(sentBodies(http.post, DEPLOY)).toEqual([{ node_ids: ['n1'] }]));
      expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deploying glove', text: expect.any(Function) });
      expect(await screen.findByTestId('deployProgress')).toBeInTheDocument();
      const taskCalls = () => http.get.mock.calls.filter((c) => c[0] === TASK).length;
      await waitFor(() => expect(taskCalls()).toBe(1));

      await act(async () => {
        jest.advanceTimersByTime(1999);
      });
      expect(taskCalls()).toBe(1);
      await act(async () => {
        jest.advanceTimersByTime(1);
      });
      await waitFor(() => expect(taskCalls()).toBe(2));
      expect(screen.getByTestId('deployProgress')).toHaveTextContent('RUNNING');
      // The task history says the same as the progress banner (its list was read before the deploy).
      expect(within(screen.getByTestId('historyRow-t9')).getByTestId('taskState-RUNNING')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(2000);
      });
      await waitFor(() => expect(taskCalls()).toBe(3));

      const failed = await screen.findByTestId('deployFailed');
      expect(failed).toHaveTextContent('Deployed on some nodes only');
      expect(within(failed).getByTestId('nodeError-n2')).toHaveTextContent('node-2: model content changed');
      expect(toasts.addWarning).toHaveBeenCalledWith({ title: 'glove deployed on some nodes only', text: 'node-2: model content changed' });
      // Terminal: no more polling, and the model was read again.
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      expect(taskCalls()).toBe(3);
      await waitFor(() => expect(screen.getByTestId('modelState')).toHaveTextContent('Partially deployed'));
    });

    it('explains that nodes cannot be chosen when the cluster has no custom deployment plan, and sends no node ids', async () => {
      const { http } = setup({
        readiness: READY,
        post: { [DEPLOY]: { task_id: 't9', status: 'CREATED' } },
      });
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) =>
        path === TASK ? task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'COMPLETED', model_id: 'm1' }) : original(path, o as never)
      );
      fireEvent.click(await screen.findByTestId('deployButton'));
      expect(await screen.findByTestId('deployNoCustomPlan')).toHaveTextContent('allow_custom_deployment_plan');
      expect(screen.queryByTestId('deployNodes')).not.toBeInTheDocument();
      fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(sentBodies(http.post, DEPLOY)).toEqual([{}]));
      expect(await screen.findByTestId('deployCompleted')).toBeInTheDocument();
    });

    it('a deploy that met another one under way (two tabs) says so, not "Deploy failed" under a deployed model', async () => {
      const { http, toasts } = setup({
        models: [REGISTERED, { ...REGISTERED, model_state: 'DEPLOYED' }],
        readiness: READY,
        post: { [DEPLOY]: { task_id: 't9', status: 'CREATED' } },
      });
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) =>
        path === TASK ? task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'FAILED', model_id: 'm1', error: '{"n1":"Duplicate deploy model task"}' }) : original(path, o as never)
      );
      fireEvent.click(await screen.findByTestId('deployButton'));
      fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
      expect(await screen.findByTestId('deployDuplicate')).toHaveTextContent('Another deploy of this model was already under way');
      expect(screen.queryByTestId('deployFailed')).not.toBeInTheDocument();
      await waitFor(() => expect(toasts.addWarning).toHaveBeenCalledWith({ title: 'Another deploy of glove was already under way', text: expect.any(String) }));
      expect(toasts.addDanger).not.toHaveBeenCalled();
      await waitFor(() => expect(screen.getByTestId('modelState')).toHaveTextContent('Deployed'));
    });

    it('keeps Deploy disabled while its deploy task runs, and forgets the finished deploy once undeployed', async () => {
      let state = 'REGISTERED';
      let taskState = 'RUNNING';
      const { http } = setup({
        readiness: READY,
        post: { [DEPLOY]: { task_id: 't9', status: 'CREATED' }, [routePath('modelUndeploy', { modelId: 'm1' })]: {} },
      });
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) =>
        path === TASK
          ? task({ id: 't9', task_type: 'DEPLOY_MODEL', state: taskState, model_id: 'm1' })
          : path === MODEL
          ? { ...REGISTERED, model_state: state }
          : original(path, o as never)
      );
      fireEvent.click(await screen.findByTestId('deployButton'));
      fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
      expect(await screen.findByTestId('deployProgress')).toBeInTheDocument();
      // The model may still read REGISTERED while the task runs: a second deploy would queue behind it.
      await waitFor(() => expect(screen.getByTestId('deployButton')).toBeDisabled());

      taskState = 'COMPLETED';
      state = 'DEPLOYED';
      expect(await screen.findByTestId('deployCompleted', undefined, { timeout: 4000 })).toBeInTheDocument();
      fireEvent.click(screen.getByTestId('undeployButton'));
      state = 'UNDEPLOYED';
      fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(screen.getByTestId('modelState')).toHaveTextContent('Undeployed'));
      expect(screen.queryByTestId('deployCompleted')).not.toBeInTheDocument();
    });

    it('keeps following the deploy through a read that failed on its own (a 502), to its end', async () => {
      jest.useFakeTimers();
      const reads: Array<Task | Error> = [
        task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'RUNNING', model_id: 'm1' }),
        httpError(502, 'OpenSearch could not be reached: socket hang up'),
        task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'COMPLETED', model_id: 'm1' }),
      ];
      const { http, toasts } = setup({ readiness: READY, post: { [DEPLOY]: { task_id: 't9', status: 'CREATED' } } });
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) => {
        if (path !== TASK) return original(path, o as never);
        const next = reads.length > 1 ? reads.shift()! : reads[0];
        if (next instanceof Error) throw next;
        return next;
      });
      fireEvent.click(await screen.findByTestId('deployButton'));
      fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(screen.getByTestId('deployButton')).toBeDisabled());
      for (let i = 0; i < 2; i++) {
        await act(async () => {
          jest.advanceTimersByTime(2000);
        });
      }
      await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith(expect.objectContaining({ title: 'Deployed glove' })));
      expect(toasts.addDanger).not.toHaveBeenCalled();
      jest.useRealTimers();
    });

    it('enables Deploy again when it loses track of the deploy task (a read refused for good)', async () => {
      jest.useFakeTimers();
      let taskReads = 0;
      const { http, toasts } = setup({ readiness: READY, post: { [DEPLOY]: { task_id: 't9', status: 'CREATED' } } });
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) => {
        if (path !== TASK) return original(path, o as never);
        if (taskReads++ === 0) return task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'RUNNING', model_id: 'm1' });
        throw httpError(403, 'no permissions for [cluster:admin/opensearch/ml/tasks/get]');
      });
      fireEvent.click(await screen.findByTestId('deployButton'));
      fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(screen.getByTestId('deployButton')).toBeDisabled());
      await act(async () => {
        jest.advanceTimersByTime(2000);
      });
      await waitFor(() =>
        expect(toasts.addDanger).toHaveBeenCalledWith({ title: 'Lost track of the deploy of glove', text: 'no permissions for [cluster:admin/opensearch/ml/tasks/get]' })
      );
      await waitFor(() => expect(screen.getByTestId('deployButton')).toBeEnabled());
      jest.useRealTimers();
    });

    it('names the nodes of a failed deploy in its toast, as the page does', async () => {
      const { http, toasts } = setup({ post: { [DEPLOY]: { task_id: 't9', status: 'CREATED' } } });
      const original = http.get.getMockImplementation()!;
      http.get.mockImplementation(async (path: string, o?: unknown) =>
        path === TASK ? task({ id: 't9', task_type: 'DEPLOY_MODEL', state: 'FAILED', model_id: 'm1', error: '{"n2":"Input mismatch, looking for: [input_ids]"}' }) : original(path, o as never)
      );
      fireEvent.click(await screen.findByTestId('deployButton'));
      fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(toasts.addDanger).toHaveBeenCalledWith({ title: 'Could not deploy glove', text: 'node-2: Input mismatch, looking for: [input_ids]' }));
    });

    it("toasts ML Commons' reason when the deploy is refused", async () => {
      const { toasts } = setup({ readiness: READY, post: { [DEPLOY]: httpError(400, 'no eligible node found') } });
      fireEvent.click(await screen.findByTestId('deployButton'));
      fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(toasts.addDanger).toHaveBeenCalledWith({ title: 'Could not deploy glove', text: 'no eligible node found' }));
      // The dialog stays, ready to try again or cancel.
      expect(screen.getByTestId('deployModal')).toBeInTheDocument();
      expect(screen.getByTestId('confirmModalConfirmButton')).toBeEnabled();
    });
  });

  describe('a deploy started elsewhere', () => {
    afterEach(() => jest.useRealTimers());
    const modelReads = (http: { get: jest.Mock }) => http.get.mock.calls.filter((c) => c[0] === MODEL).length;

    it('reads the model again while it is DEPLOYING, shows where it ended, then stops', async () => {
      jest.useFakeTimers();
      const deploying = { ...REGISTERED, model_state: 'DEPLOYING' };
      const { http } = setup({ models: [deploying, deploying, { ...REGISTERED, model_state: 'DEPLOYED' }] });
      expect(await screen.findByTestId('modelState-DEPLOYING')).toBeInTheDocument();
      expect(screen.getByTestId('modelAutoRefresh')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      await waitFor(() => expect(modelReads(http)).toBe(2));
      expect(screen.getByTestId('modelState-DEPLOYING')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      expect(await screen.findByTestId('modelState-DEPLOYED')).toBeInTheDocument();
      expect(screen.queryByTestId('modelAutoRefresh')).not.toBeInTheDocument();
      // Settled: no more reads.
      await act(async () => {
        jest.advanceTimersByTime(60000);
      });
      expect(modelReads(http)).toBe(3);
    });

    it('keeps the page through a refresh that failed on its own (a 502), says so, and goes on refreshing', async () => {
      jest.useFakeTimers();
      const deploying = { ...REGISTERED, model_state: 'DEPLOYING' };
      const { http } = setup({ models: [deploying, httpError(502, 'OpenSearch could not be reached'), { ...REGISTERED, model_state: 'DEPLOYED' }] });
      expect(await screen.findByTestId('modelState-DEPLOYING')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      expect(await screen.findByTestId('refreshError')).toHaveTextContent('Could not refresh the model: showing the last answer');
      expect(screen.getByTestId('refreshError')).toHaveTextContent('OpenSearch could not be reached');
      expect(screen.getByTestId('pageTitle')).toHaveTextContent('glove');
      expect(screen.queryByTestId('modelError')).not.toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      expect(await screen.findByTestId('modelState-DEPLOYED')).toBeInTheDocument();
      expect(screen.queryByTestId('refreshError')).not.toBeInTheDocument();
      expect(modelReads(http)).toBe(3);
    });

    it('shows a failed deploy', async () => {
      jest.useFakeTimers();
      setup({ models: [{ ...REGISTERED, model_state: 'DEPLOYING' }, { ...REGISTERED, model_state: 'DEPLOY_FAILED' }] });
      expect(await screen.findByTestId('modelState-DEPLOYING')).toBeInTheDocument();
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      expect(await screen.findByTestId('modelState-DEPLOY_FAILED')).toBeInTheDocument();
      expect(screen.getByTestId('stateExplanation')).toHaveTextContent('The last deployment failed');
    });

    it('stops reading the model when the page closes', async () => {
      jest.useFakeTimers();
      const { http, unmount } = setup({ models: [{ ...REGISTERED, model_state: 'DEPLOYING' }] });
      expect(await screen.findByTestId('modelState-DEPLOYING')).toBeInTheDocument();
      unmount();
      await act(async () => {
        jest.advanceTimersByTime(60000);
      });
      expect(modelReads(http)).toBe(1);
    });
  });

  it('shows nothing of the previous model, and acts on none of it, once the id in the URL changes', async () => {
    let resolveB: (m: unknown) => void = () => {};
    const http = createFakeHttp({
      get: {
        [MODEL]: REGISTERED,
        [routePath('model', { modelId: 'm2' })]: () => new Promise((r) => (resolveB = r)),
        [PROFILE]: {},
        [routePath('profileModel', { modelId: 'm2' })]: {},
        [GROUP]: modelGroup({ id: 'g1', name: 'encoders' }),
        [TASKS]: page([]),
        [READINESS]: READY,
      },
    });
    const { history } = renderWithServices(<Route path="/models/:modelId" component={ModelVersionPage} />, { http, path: '/models/m1' });
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('glove');
    act(() => history.push('/models/m2'));
    expect(screen.queryByTestId('pageTitle')).not.toBeInTheDocument();
    expect(screen.queryByTestId('deployButton')).not.toBeInTheDocument();
    await act(async () => resolveB(model({ id: 'm2', name: 'minilm', model_state: 'REGISTERED' })));
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('minilm');
  });

  it("says when a node still holds a model its record calls undeployed, and offers no undeploy while it deploys", async () => {
    setup({
      models: [{ ...REGISTERED, model_state: 'UNDEPLOYED' }],
      profile: { models: { m1: { worker_nodes: ['n2'], nodes: { n2: { model_state: 'DEPLOYED' } } } } },
    });
    expect(await screen.findByTestId('stateDisagrees')).toHaveTextContent('The model is recorded as undeployed, but node-2 still reports it deployed');
    cleanup();
    setup({ models: [{ ...REGISTERED, model_state: 'DEPLOYING' }], profile: { models: { m1: { nodes: { n2: { model_state: 'DEPLOYING' } } } } } });
    const undeploy = await screen.findByTestId('undeployButton');
    expect(undeploy).toBeDisabled();
    expect(undeploy).toHaveAttribute('aria-label', 'Undeploy: not available, A deploy is running, and ML Commons cannot stop it midway: undeploy once it has ended');
    expect(screen.queryByTestId('stateDisagrees')).not.toBeInTheDocument();
  });

  it('lists the task history with per-node errors', async () => {
    setup({ tasks: [task({ id: 't1', task_type: 'DEPLOY_MODEL', state: 'FAILED', model_id: 'm1', error: '{"n1":"Memory Circuit Breaker is open"}' })] });
    const err = await screen.findByTestId('historyError-t1');
    await waitFor(() => expect(within(err).getByTestId('nodeError-n1')).toHaveTextContent('node-1: Memory Circuit Breaker is open'));
  });

  it('deletes after confirming and goes to the group, in place of the page (Back does not return to the deleted model)', async () => {
    const { http, history } = setup({ del: { [routePath('modelDelete', { modelId: 'm1' })]: { result: 'deleted' } } });
    fireEvent.click(await screen.findByTestId('deleteButton'));
    expect(screen.getByTestId('deleteModelModal')).toHaveTextContent('Delete glove version 3?');
    const entries = history.length;
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(history.location.pathname).toBe('/model-groups/g1'));
    expect([history.action, history.length]).toEqual(['REPLACE', entries]);
    expect(http.delete).toHaveBeenCalledWith('/api/ml-models/models/m1');
  });

  it('a delete answered after the user left toasts it, and leaves them where they went', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const { history, toasts } = setup({ del: { [routePath('modelDelete', { modelId: 'm1' })]: () => new Promise((r) => (answer = r)) } });
    fireEvent.click(await screen.findByTestId('deleteButton'));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    act(() => history.push('/tasks'));
    expect(screen.queryByTestId('pageTitle')).not.toBeInTheDocument();
    await act(async () => answer({ result: 'deleted' }));
    expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted glove' });
    expect(history.location.pathname).toBe('/tasks');
  });

  it("shows ML Commons' reason when the model cannot be read", async () => {
    setup({ models: [httpError(404, 'Failed to find model with the provided model id: m1')] });
    expect(await screen.findByTestId('modelError-message')).toHaveTextContent('Failed to find model with the provided model id: m1');
    // The same read would fail the same way: no "Try again" for it.
    expect(screen.queryByTestId('modelError-retry')).not.toBeInTheDocument();
  });

  it('offers to read again after a failure that may pass (a server error)', async () => {
    setup({ models: [httpError(502, 'OpenSearch is not reachable'), REGISTERED] });
    fireEvent.click(await screen.findByTestId('modelError-retry'));
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('glove');
  });
});
