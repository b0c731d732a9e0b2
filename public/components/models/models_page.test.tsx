import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import type { HttpFetchOptions } from '../../../types/osd';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { model, modelGroup, page, READY } from '../../../test/mocks/public_fixtures';
import { renderWithServices } from '../../../test/mocks/public_render';
import { filtersFromQuery } from './model_filters';
import { ModelsPage } from './models_page';

const MODELS = routePath('models');
const GROUPS = routePath('modelGroups');
const READINESS = routePath('readiness');

/** The page asks the models route twice: for the table, and for uploads stuck in REGISTERING. */
const isOrphanQuery = (o: HttpFetchOptions) => {
  const q = o.query as { states?: string[]; size?: number } | undefined;
  return q?.states?.join() === 'REGISTERING' && q.size === 100;
};
const isTableQuery = (o: HttpFetchOptions) => !isOrphanQuery(o);
const tableQuery = (http: { get: jest.Mock }) => lastCallOptions(http.get, MODELS, isTableQuery)?.query;

const HOUR = 3600000;
const TABLE = page(
  [
    model({ id: 'm1', name: 'minilm', model_state: 'DEPLOYED', model_group_id: 'g1', current_worker_node_count: 1, planning_worker_node_count: 2, last_deployed_time: Date.UTC(2024, 0, 3) }),
    model({ id: 'm3', name: 'old-one', model_state: 'REGISTERED', model_group_id: 'g-unknown' }),
  ],
  45
);

function setup({ table = TABLE as unknown, stuck = page([]) as unknown, path = '/models', extraDelete = {} as Record<string, unknown>, post = {} as Record<string, unknown>, readiness = READY as unknown } = {}) {
  const http = createFakeHttp({
    get: {
      // `table` may be a function of the query (a filter's list can then differ from the first).
      [MODELS]: (_p: string, o?: HttpFetchOptions) => (o && isOrphanQuery(o) ? stuck : typeof table === 'function' ? table(o) : table),
      [GROUPS]: page([modelGroup({ id: 'g1', name: 'encoders' })]),
      [routePath('modelGroup', { groupId: 'g77' })]: modelGroup({ id: 'g77', name: 'far-away' }),
      [READINESS]: readiness,
    },
    delete: extraDelete,
    post,
  });
  return { http, ...renderWithServices(<ModelsPage />, { http, path }) };
}

describe('ModelsPage', () => {
  it('asks for the first page sorted by creation time and renders every column', async () => {
    const { http } = setup();
    expect(await screen.findByTestId('modelName-m1')).toHaveTextContent('minilm');
    expect(tableQuery(http)).toEqual({ from: 0, size: 20, sort_field: 'created_time', sort_direction: 'desc' });
    const row = screen.getByTestId('modelRow-m1');
    expect(within(row).getByText('Text embedding')).toBeInTheDocument();
    expect(within(row).getByText('ONNX')).toBeInTheDocument();
    expect(within(row).getByTestId('modelState-DEPLOYED')).toHaveTextContent('Deployed');
    expect(within(row).getByText('2024-01-03 00:00:00'.slice(0, 10), { exact: false })).toBeInTheDocument();
    expect(screen.getByTestId('modelNodes-m1')).toHaveTextContent('1 / 2');
    expect(screen.getByTestId('modelName-m1')).toHaveAttribute('href', '/models/m1');
  });

  it('names each group from one request for the groups, falling back to the id', async () => {
    const { http } = setup();
    expect(await screen.findByTestId('modelGroupLink-g1')).toHaveTextContent('encoders');
    expect(screen.getByTestId('modelGroupLink-g1')).toHaveAttribute('href', '/model-groups/g1');
    expect(screen.getByTestId('modelGroupLink-g-unknown')).toHaveTextContent('g-unknown');
    // Only the groups of the models shown are read (a cluster may hold thousands), in one request.
    const byIds = http.get.mock.calls.filter((c) => c[0] === GROUPS && c[1]?.query?.ids);
    expect(byIds.map((c) => c[1].query)).toEqual([{ ids: ['g-unknown', 'g1'], size: 2 }]);
  });

  it('finds any group for the filter by typing part of its name, and names the group a URL filters by', async () => {
    const { http } = setup({ path: '/models?group=g77' });
    await screen.findByTestId('modelName-m1');
    expect(tableQuery(http)).toMatchObject({ model_group_id: 'g77' });
    // g77 is not among the groups found: its name comes from reading it by id.
    http.get.mockClear();
    await waitFor(() => expect(screen.getByTestId('modelsGroupFilter')).toHaveTextContent('far-away'));
    const combo = screen.getByTestId('modelsGroupFilter');
    fireEvent.change(within(combo).getByTestId('comboBoxSearchInput'), { target: { value: 'enc' } });
    await waitFor(() => expect(lastCallOptions(http.get, GROUPS, (o) => !o.query?.ids)?.query).toMatchObject({ search: 'enc' }));
    fireEvent.click(await screen.findByTestId('groupOption-g1'));
    await waitFor(() => expect(tableQuery(http)).toMatchObject({ model_group_id: 'g1', from: 0 }));
    // Cleared, the list shows every group again.
    fireEvent.click(within(screen.getByTestId('modelsGroupFilter')).getByTestId('comboBoxClearButton'));
    await waitFor(() => expect(tableQuery(http)).not.toHaveProperty('model_group_id'));
  });

  it('names every filter for screen readers, the group search box included (OUI labels only its wrapper)', async () => {
    setup();
    await screen.findByTestId('modelName-m1');
    expect(screen.getByRole('searchbox', { name: 'Search models by name or id' })).toBe(screen.getByTestId('modelsSearch'));
    expect(screen.getByRole('textbox', { name: 'Filter by model group' })).toBe(within(screen.getByTestId('modelsGroupFilter')).getByTestId('comboBoxSearchInput'));
  });

  it("Refresh reads the cluster's readiness again too (a setting changed meanwhile shows)", async () => {
    const { http } = setup();
    expect(await screen.findByTestId('readinessPanel')).toHaveTextContent(`1 of ${READY.checks.length} checks need attention`);
    const fixed = { ...READY, checks: READY.checks.map((c) => ({ ...c, ok: true })) };
    const original = http.get.getMockImplementation()!;
    http.get.mockImplementation(async (path: string, o?: unknown) => (path === READINESS ? fixed : original(path, o as never)));
    fireEvent.click(screen.getByTestId('refreshButton'));
    await waitFor(() => expect(screen.getByTestId('readinessPanel')).toHaveTextContent('Cluster ready for local models'));
  });

  it('explains a state in plain words on hover', async () => {
    setup({ table: page([model({ id: 'm2', model_state: 'PARTIALLY_DEPLOYED' })]) });
    fireEvent.mouseOver(await screen.findByTestId('modelState-PARTIALLY_DEPLOYED'));
    expect(await screen.findByText(/Running on some of its target nodes; some failed or left/)).toBeInTheDocument();
  });

  it('explains a state to keyboard users too: the badge takes focus and is described by its explanation', async () => {
    setup({ table: page([model({ id: 'm2', model_state: 'PARTIALLY_DEPLOYED' })]) });
    const anchor = await screen.findByTestId('modelStateAnchor-PARTIALLY_DEPLOYED');
    expect(anchor.tabIndex).toBe(0);
    fireEvent.focus(anchor);
    const tip = await screen.findByText(/Running on some of its target nodes; some failed or left/);
    await waitFor(() => expect(anchor.getAttribute('aria-describedby')).toBe(tip.closest('[role="tooltip"]')?.id));
  });

  it('sends the search text, debounced, and goes back to the first page', async () => {
    const { http } = setup();
    await screen.findByTestId('modelName-m1');
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() => expect(tableQuery(http)).toMatchObject({ from: 20, size: 20 }));

    fireEvent.change(screen.getByTestId('modelsSearch'), { target: { value: 'mini' } });
    fireEvent.change(screen.getByTestId('modelsSearch'), { target: { value: 'minilm ' } });
    await waitFor(() => expect(tableQuery(http)).toMatchObject({ search: 'minilm', from: 0 }));
    const searches = http.get.mock.calls.filter((c) => c[0] === MODELS).map((c) => c[1].query.search);
    expect(searches).not.toContain('mini');
  });

  it('filters by state, function, format and group on the server', async () => {
    const { http } = setup();
    await screen.findByTestId('modelName-m1');
    fireEvent.change(screen.getByTestId('modelsStateFilter'), { target: { value: 'PARTIALLY_DEPLOYED' } });
    fireEvent.change(screen.getByTestId('modelsFunctionFilter'), { target: { value: 'SPARSE_ENCODING' } });
    fireEvent.change(screen.getByTestId('modelsFormatFilter'), { target: { value: 'TORCH_SCRIPT' } });
    fireEvent.change(within(screen.getByTestId('modelsGroupFilter')).getByTestId('comboBoxSearchInput'), { target: { value: 'enc' } });
    fireEvent.click(await screen.findByTestId('groupOption-g1'));
    await waitFor(() =>
      expect(tableQuery(http)).toEqual({
        states: ['PARTIALLY_DEPLOYED'],
        functions: ['SPARSE_ENCODING'],
        formats: ['TORCH_SCRIPT'],
        model_group_id: 'g1',
        from: 0,
        size: 20,
        sort_field: 'created_time',
        sort_direction: 'desc',
      })
    );
  });

  it('keeps search, filters, sort and page in the URL: a reload or Back finds the list as it was', async () => {
    // The format filter's list has another model in it (in the same groups), so its arrival shows.
    const onnxList = page([model({ id: 'm4', name: 'onnx-one', model_group_id: 'g1' }), TABLE.items[1]], 2);
    const byFormat = (o?: HttpFetchOptions) => ((o?.query as { formats?: string[] } | undefined)?.formats ? onnxList : TABLE);
    const { http, history } = setup({ table: byFormat, path: '/models?q=mini&state=DEPLOYED&fn=NOPE&sort=name&dir=asc&page=2' });
    await screen.findByTestId('modelName-m1');
    // An unknown function in the URL is ignored, not sent.
    expect(tableQuery(http)).toEqual({ search: 'mini', states: ['DEPLOYED'], from: 20, size: 20, sort_field: 'name', sort_direction: 'asc' });
    expect(screen.getByPlaceholderText('Search by name or id')).toHaveValue('mini');
    fireEvent.change(screen.getByPlaceholderText('Search by name or id'), { target: { value: 'minilm' } });
    // Written once typing pauses; a new search goes back to the first page, the rest stays.
    await waitFor(() => expect(new URLSearchParams(history.location.search).toString()).toBe('q=minilm&state=DEPLOYED&fn=NOPE&sort=name&dir=asc'));
    // Another filter rewrites the filters it knows (the unknown function goes).
    fireEvent.change(screen.getByTestId('modelsFormatFilter'), { target: { value: 'ONNX' } });
    expect(new URLSearchParams(history.location.search).toString()).toBe('q=minilm&state=DEPLOYED&sort=name&dir=asc&format=ONNX');
    // ...and the list is read again with them.
    expect(await screen.findByTestId('modelName-m4')).toHaveTextContent('onnx-one');
    expect(tableQuery(http)).toEqual({ search: 'minilm', states: ['DEPLOYED'], formats: ['ONNX'], from: 0, size: 20, sort_field: 'name', sort_direction: 'asc' });
    // A malformed group id in the URL is not sent.
    expect(filtersFromQuery(new URLSearchParams('group=a%20b')).groupId).toBe('');
  });

  it('the search box follows the URL when navigation changes it on the same page (side nav link, Back)', async () => {
    const { http, history } = setup({ path: '/models?q=mini&state=DEPLOYED' });
    await screen.findByTestId('modelName-m1');
    const box = screen.getByPlaceholderText('Search by name or id');
    expect(box).toHaveValue('mini');
    // The side nav's "Models" pushes the bare page: the page stays mounted.
    act(() => history.push('/models'));
    expect(box).toHaveValue('');
    await waitFor(() => expect(tableQuery(http)).toEqual({ from: 0, size: 20, sort_field: 'created_time', sort_direction: 'desc' }));
    // Typed after that and gone Back: the box shows, and the list uses, the search of that entry.
    fireEvent.change(box, { target: { value: 'glove' } });
    await waitFor(() => expect(history.location.search).toBe('?q=glove'));
    act(() => history.goBack());
    expect(history.location.search).toBe('?q=mini&state=DEPLOYED');
    expect(box).toHaveValue('mini');
    await waitFor(() => expect(tableQuery(http)).toMatchObject({ search: 'mini', states: ['DEPLOYED'] }));
    expect(history.location.search).toBe('?q=mini&state=DEPLOYED');
  });

  it('reads the list again when the app deletes a model elsewhere (an upload cleaned up after its page was left)', async () => {
    const { http, services } = setup({ extraDelete: { [routePath('modelDelete', { modelId: 'm9' })]: { result: 'deleted' } } });
    await screen.findByTestId('modelName-m1');
    const reads = () => http.get.mock.calls.filter((c) => c[0] === MODELS && isTableQuery(c[1])).length;
    const before = reads();
    await act(async () => {
      await services.apis.models.delete('m9');
    });
    await waitFor(() => expect(reads()).toBe(before + 1));
  });

  it('sorts on the server when a column header is clicked', async () => {
    const { http } = setup();
    await screen.findByTestId('modelName-m1');
    fireEvent.click(within(screen.getByTestId('tableHeaderCell_name_0')).getByTestId('tableHeaderSortButton'));
    await waitFor(() => expect(tableQuery(http)).toMatchObject({ sort_field: 'name', sort_direction: 'asc' }));
  });

  it("shows ML Commons' reason when the request fails, once (the abandoned-upload check fails the same way)", async () => {
    const refused = httpError(403, 'no permissions for [cluster:admin/opensearch/ml/models/search]');
    const { http } = setup({ table: refused, stuck: refused });
    expect(await screen.findByTestId('modelsError-message')).toHaveTextContent('no permissions for [cluster:admin/opensearch/ml/models/search]');
    await waitFor(() => expect(lastCallOptions(http.get, MODELS, isOrphanQuery)).toBeDefined());
    expect(screen.queryByTestId('orphansError')).not.toBeInTheDocument();
  });

  it('shows an empty state with the way to register', async () => {
    setup({ table: page([]) });
    expect(await screen.findByTestId('modelsEmpty')).toBeInTheDocument();
    expect(screen.getByTestId('registerModelButton')).toHaveAttribute('href', '/register');
  });

  it('keeps the compact readiness panel, linking to the cluster page', async () => {
    setup();
    expect(await screen.findByTestId('readinessCheck-register_via_url-ok')).toBeInTheDocument();
    expect(screen.getByTestId('readinessCheck-eligible_nodes-notOk')).toBeInTheDocument();
    expect(screen.getByTestId('readinessNodes')).toHaveTextContent('node-1');
    expect(screen.getByTestId('readinessDetailsLink')).toHaveAttribute('href', '/cluster');
  });

  it("tells a user whose role may not read the cluster's settings (ml_read_access) why readiness is not shown, without a warning", async () => {
    const reason = 'no permissions for [cluster:monitor/state] and User [name=reader, backend_roles=[], requestedTenant=null]';
    setup({ readiness: httpError(403, reason) });
    expect(await screen.findByTestId('modelName-m1')).toBeInTheDocument();
    expect(await screen.findByTestId('readinessForbidden')).toHaveTextContent(reason);
    expect(screen.queryByTestId('readinessError')).not.toBeInTheDocument();
  });

  it('still warns, with a retry, when the settings could not be read for another reason', async () => {
    setup({ readiness: httpError(502, 'OpenSearch could not be reached: connect ECONNREFUSED') });
    expect(await screen.findByTestId('readinessError-message')).toHaveTextContent('OpenSearch could not be reached');
    expect(screen.getByTestId('readinessError-retry')).toBeInTheDocument();
  });

  it('guards delete while deployed and deletes a registered model after confirming', async () => {
    const { http, toasts } = setup({ extraDelete: { [routePath('modelDelete', { modelId: 'm3' })]: { result: 'deleted' } } });
    await screen.findByTestId('modelName-m1');
    expect(screen.getByTestId('deleteButton-m1')).toBeDisabled();
    // A disabled button takes no focus: its name says why it is disabled.
    expect(screen.getByTestId('deleteButton-m1')).toHaveAccessibleName(/^Delete .*: not available, /);
    expect(screen.getByTestId('deleteButton-m3')).toHaveAccessibleName('Delete old-one');
    expect(screen.getByTestId('deployButton-m1')).toBeDisabled();
    expect(screen.getByTestId('undeployButton-m3')).toBeDisabled();

    fireEvent.click(screen.getByTestId('deleteButton-m3'));
    expect(screen.getByTestId('deleteModelModal')).toHaveTextContent('Delete old-one version 1?');
    expect(http.delete).not.toHaveBeenCalled();
    const before = http.get.mock.calls.filter((c) => c[0] === MODELS).length;
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted old-one' }));
    expect(http.delete).toHaveBeenCalledWith('/api/ml-models/models/m3');
    await waitFor(() => expect(http.get.mock.calls.filter((c) => c[0] === MODELS).length).toBeGreaterThan(before));
  });

  it('shows an undeployed model as such though the search right after the change still has the old state (the index refreshes each second)', async () => {
    let undeployed = false;
    let readsSince = 0;
    const table = () => {
      if (!undeployed) return TABLE;
      // The first search after the change is older than it, as ML Commons' index can be.
      readsSince++;
      return readsSince === 1 ? TABLE : page([{ ...TABLE.items[0], model_state: 'UNDEPLOYED' }, TABLE.items[1]], 45);
    };
    const UNDEPLOY = routePath('modelUndeploy', { modelId: 'm1' });
    const { toasts } = setup({ table, post: { [UNDEPLOY]: () => ((undeployed = true), { n1: { stats: { m1: 'undeployed' } } }) } });
    fireEvent.click(await screen.findByTestId('undeployButton-m1'));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith(expect.objectContaining({ title: 'Undeployed minilm' })));
    await waitFor(() => expect(readsSince).toBe(1));
    expect(within(screen.getByTestId('modelRow-m1')).getByTestId('modelState-DEPLOYED')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId('modelRow-m1')).getByTestId('modelState-UNDEPLOYED')).toBeInTheDocument(), { timeout: 4000 });
  });

  it("toasts ML Commons' reason when a delete is refused, and reloads the list (it was out of date)", async () => {
    const { http, toasts } = setup({
      extraDelete: {
        [routePath('modelDelete', { modelId: 'm3' })]: httpError(400, 'Model cannot be deleted in deploying or deployed state. Try undeploy model first then delete'),
      },
    });
    fireEvent.click(await screen.findByTestId('deleteButton-m3'));
    const before = http.get.mock.calls.filter((c) => c[0] === MODELS).length;
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() =>
      expect(toasts.addDanger).toHaveBeenCalledWith({
        title: 'Could not delete old-one',
        text: 'Model cannot be deleted in deploying or deployed state. Try undeploy model first then delete',
      })
    );
    await waitFor(() => expect(http.get.mock.calls.filter((c) => c[0] === MODELS).length).toBeGreaterThan(before));
  });

  describe('abandoned uploads', () => {
    const now = Date.now();
    const STUCK = page([
      model({ id: 'o1', name: 'stuck-a', model_state: 'REGISTERING', created_time: now - 3 * HOUR, last_updated_time: now - 3 * HOUR }),
      model({ id: 'o2', name: 'stuck-b', model_state: 'REGISTERING', created_time: now - 2 * HOUR }),
      // Still within the age limit: an upload that may be running in another tab.
      model({ id: 'o3', name: 'fresh', model_state: 'REGISTERING', created_time: now - 60000, last_updated_time: now - 60000 }),
    ]);

    it('finds models stuck in REGISTERING past the age limit and deletes the ticked ones after confirming', async () => {
      const { http, toasts } = setup({
        stuck: STUCK,
        extraDelete: {
          [routePath('modelDelete', { modelId: 'o1' })]: { result: 'deleted' },
          [routePath('modelDelete', { modelId: 'o2' })]: { result: 'deleted' },
        },
      });
      expect(await screen.findByTestId('orphanCallout')).toHaveTextContent('2 uploads stuck in Registering for over 30 minutes');
      expect(lastCallOptions(http.get, MODELS, isOrphanQuery)?.query).toEqual({ states: ['REGISTERING'], size: 100, sort_field: 'created_time', sort_direction: 'asc' });

      fireEvent.click(screen.getByTestId('orphanCleanupButton'));
      expect(screen.getByTestId('orphan-o1')).toBeInTheDocument();
      expect(screen.queryByTestId('orphan-o3')).not.toBeInTheDocument();
      fireEvent.click(screen.getByTestId('orphan-o2'));
      expect(screen.getByTestId('confirmModalConfirmButton')).toHaveTextContent('Delete 1');
      expect(http.delete).not.toHaveBeenCalled();

      fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
      await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted 1 abandoned upload' }));
      expect(http.delete.mock.calls.map((c) => c[0])).toEqual(['/api/ml-models/models/o1']);
    });

    it('takes the age limit from ?orphanMinutes and narrows by the search', async () => {
      const { http } = setup({ stuck: STUCK, path: '/models?orphanMinutes=0' });
      expect(await screen.findByTestId('orphanCallout')).toHaveTextContent('3 uploads stuck in Registering for over 0 minutes');
      fireEvent.change(screen.getByTestId('modelsSearch'), { target: { value: 'stuck' } });
      await waitFor(() => expect(lastCallOptions(http.get, MODELS, isOrphanQuery)?.query).toMatchObject({ search: 'stuck' }));
    });

    it("says when the check itself failed, with ML Commons' reason, while the table still shows", async () => {
      setup({ stuck: httpError(403, 'no permissions for [cluster:admin/opensearch/ml/models/search]') });
      expect(await screen.findByTestId('orphansError-message')).toHaveTextContent('no permissions for [cluster:admin/opensearch/ml/models/search]');
      expect(screen.getByTestId('modelName-m1')).toBeInTheDocument();
      expect(screen.queryByTestId('orphanCallout')).not.toBeInTheDocument();
    });

    it("reports each delete that failed with ML Commons' reason", async () => {
      const { toasts } = setup({
        stuck: STUCK,
        extraDelete: {
          [routePath('modelDelete', { modelId: 'o1' })]: { result: 'deleted' },
          [routePath('modelDelete', { modelId: 'o2' })]: httpError(500, 'Model is not all cleaned up, please try again.'),
        },
      });
      fireEvent.click(await screen.findByTestId('orphanCleanupButton'));
      fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
      await waitFor(() =>
        expect(toasts.addDanger).toHaveBeenCalledWith({
          title: 'Could not delete 1 upload(s)',
          text: 'stuck-b (o2): Model is not all cleaned up, please try again.',
        })
      );
      expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted 1 abandoned upload' });
    });
  });

  describe('auto-refresh', () => {
    afterEach(() => jest.useRealTimers());

    it('is off by default and reloads at the chosen interval', async () => {
      jest.useFakeTimers();
      const { http } = setup();
      await screen.findByTestId('modelName-m1');
      const count = () => http.get.mock.calls.filter((c) => c[0] === MODELS && isTableQuery(c[1])).length;
      const initial = count();
      await act(async () => {
        jest.advanceTimersByTime(60000);
      });
      expect(count()).toBe(initial);

      fireEvent.click(screen.getByTestId('autoRefreshButton'));
      fireEvent.click(await screen.findByLabelText('10 seconds'));
      expect(screen.getByTestId('autoRefreshButton')).toHaveTextContent('Every 10 seconds');
      // Its accessible name says what it is and holds the text shown (WCAG 2.5.3, label in name).
      expect(screen.getByRole('button', { name: 'Auto-refresh interval: Every 10 seconds' })).toBe(screen.getByTestId('autoRefreshButton'));
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      expect(count()).toBe(initial + 1);
      for (let i = 0; i < 2; i++) {
        await act(async () => {
          jest.advanceTimersByTime(10000);
        });
      }
      expect(count()).toBe(initial + 3);
    });
  });
});
