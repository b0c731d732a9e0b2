import { RouteTestHost, startRouteTestHost } from '../../test/mocks/route_test_host';

const API = '/api/ml-models';
let t: RouteTestHost;
beforeEach(async () => {
  t = await startRouteTestHost();
});
afterEach(() => t.close());

describe('profile routes', () => {
  it('profiles all models, some models, or one model in the per-model view', async () => {
    t.transport.reply({ models: {} }).reply({}).reply({ models: { m1: { worker_nodes: ['n1'] } } });
    await t.call('GET', `${API}/profile/models`);
    await t.call('GET', `${API}/profile/models?model_ids=m1,m2`);
    const one = await t.call('GET', `${API}/profile/models/m1`);
    expect(one.body).toEqual({ models: { m1: { worker_nodes: ['n1'] } } });
    expect(t.transport.calls.map((c) => [c.method, c.path, c.querystring])).toEqual([
      ['GET', '/_plugins/_ml/profile/models', { view: 'model' }],
      ['GET', '/_plugins/_ml/profile/models/m1,m2', { view: 'model' }],
      ['GET', '/_plugins/_ml/profile/models/m1', { view: 'model' }],
    ]);
  });

  it('profiles per node', async () => {
    t.transport.reply({ nodes: { n1: { models: { m1: { model_state: 'DEPLOYED' } } } } });
    const res = await t.call('GET', `${API}/profile/nodes`);
    expect(res.body.nodes.n1.models.m1.model_state).toBe('DEPLOYED');
    expect(t.transport.calls[0]).toMatchObject({ method: 'GET', path: '/_plugins/_ml/profile/models', querystring: { view: 'node' } });
  });
});

describe('readiness route', () => {
  it('reads the effective ML Commons settings and the eligible nodes', async () => {
    t.transport
      .reply({
        persistent: { 'plugins.ml_commons.only_run_on_ml_node': 'false' },
        transient: { 'plugins.ml_commons.allow_registering_model_via_url': 'true' },
        defaults: {
          'plugins.ml_commons.only_run_on_ml_node': 'true',
          'plugins.ml_commons.allow_registering_model_via_url': 'false',
          'plugins.ml_commons.allow_registering_model_via_local_file': 'false',
          'plugins.ml_commons.native_memory_threshold': '90',
          'plugins.ml_commons.jvm_heap_memory_threshold': '85',
          'plugins.ml_commons.task_dispatcher.eligible_node_role.local_model.0': 'data',
          'plugins.ml_commons.task_dispatcher.eligible_node_role.local_model.1': 'ml',
        },
      })
      .reply({
        nodes: {
          n1: { name: 'node-1', roles: ['data', 'ingest', 'cluster_manager'], version: '2.19.6' },
          n2: { name: 'node-2', roles: ['ingest'], version: '2.19.10' },
          n3: { name: 'node-3', roles: ['ingest'], version: '2.9.0' },
        },
      })
      .reply({ nodes: { n1: { models: { m1: { model_state: 'DEPLOYED' } } } } });
    const res = await t.call('GET', `${API}/cluster/readiness`);
    expect(t.transport.calls.map((c) => [c.method, c.path, c.querystring])).toEqual([
      ['GET', '/_cluster/settings', { include_defaults: true, flat_settings: true }],
      ['GET', '/_nodes', { filter_path: 'nodes.*.name,nodes.*.roles,nodes.*.version' }],
      ['GET', '/_plugins/_ml/profile/models', { view: 'node' }],
    ]);
    // The oldest node's version, compared by number (2.9 < 2.19).
    expect(res.body.version).toBe('2.9.0');
    const byKey = Object.fromEntries(res.body.settings.map((s: any) => [s.key, [s.value, s.source]]));
    expect(byKey.only_run_on_ml_node).toEqual(['false', 'persistent']);
    expect(byKey.allow_registering_model_via_url).toEqual(['true', 'transient']);
    expect(byKey.allow_registering_model_via_local_file).toEqual(['false', 'defaults']);
    const checks = Object.fromEntries(res.body.checks.map((c: any) => [c.id, c.ok]));
    expect(checks).toEqual({
      register_via_url: true,
      register_via_local_file: false,
      trusted_urls: true,
      eligible_nodes: true,
      memory_guards: true,
      model_capacity: true,
      local_model_enabled: true,
    });
    expect(res.body.checks.find((c: any) => c.id === 'model_capacity').message).toBe('A node may hold up to 10 models (plugins.ml_commons.max_model_on_node); the fullest holds 1.');
    expect(res.body.nodes).toEqual([{ id: 'n1', name: 'node-1', roles: ['data', 'ingest', 'cluster_manager'] }]);
  });

  it("warns while URL registration is on and the trusted URL pattern admits file:// (ML Commons' default does)", async () => {
    const DEFAULT_REGEX = '^(https?|ftp|file)://[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&@#/%=~_|]';
    const readiness = async (settings: Record<string, string>) => {
      t.transport.reply({ defaults: settings }).reply({ nodes: {} });
      const res = await t.call('GET', `${API}/cluster/readiness`);
      return res.body.checks.find((c: any) => c.id === 'trusted_urls');
    };
    const on = 'plugins.ml_commons.allow_registering_model_via_url';
    const regex = 'plugins.ml_commons.trusted_url_regex';
    expect(await readiness({ [on]: 'true', [regex]: DEFAULT_REGEX })).toMatchObject({ ok: false, message: expect.stringContaining('accepts file:// URLs') });
    expect(await readiness({ [on]: 'true', [regex]: '^https://.+' })).toMatchObject({ ok: true, message: 'Only URLs matching ^https://.+ are downloaded.' });
    expect(await readiness({ [on]: 'false', [regex]: DEFAULT_REGEX })).toMatchObject({ ok: true });
  });

  it('says which eligible node is full (max_model_on_node), and skips the check when the profile cannot be read', async () => {
    const nodes = { nodes: { n1: { name: 'node-1', roles: ['data'] }, n2: { name: 'node-2', roles: ['data'] } } };
    const settings = { defaults: { 'plugins.ml_commons.only_run_on_ml_node': 'false', 'plugins.ml_commons.max_model_on_node': '2' } };
    t.transport.reply(settings).reply(nodes).reply({ nodes: { n1: { models: { a: {}, b: {} } }, n2: { models: { a: {} } } } });
    let res = await t.call('GET', `${API}/cluster/readiness`);
    expect(res.body.checks.find((c: any) => c.id === 'model_capacity')).toEqual({
      id: 'model_capacity',
      ok: false,
      message: 'node-1 holds 2 of at most 2 models (plugins.ml_commons.max_model_on_node): a deploy there fails with "Exceed max local model per node limit". Undeploy a model there, or raise the setting.',
    });
    t.transport.reply(settings).reply(nodes).fail(403, { error: { type: 'security_exception', reason: 'no permissions' }, status: 403 });
    res = await t.call('GET', `${API}/cluster/readiness`);
    expect(res.status).toBe(200);
    expect(res.body.checks.find((c: any) => c.id === 'model_capacity')).toMatchObject({ ok: true, message: expect.stringMatching(/^Not checked: .*could not be read \(no permissions\)/) });
  });

  it('says deploy will fail when only ML nodes may run models and there are none', async () => {
    t.transport.reply({ defaults: { 'plugins.ml_commons.only_run_on_ml_node': 'true' } }).reply({ nodes: { n1: { name: 'a', roles: ['data'] } } });
    const res = await t.call('GET', `${API}/cluster/readiness`);
    const eligible = res.body.checks.find((c: any) => c.id === 'eligible_nodes');
    expect(eligible.ok).toBe(false);
    expect(eligible.message).toMatch(/no eligible node found/);
  });
});

describe('readiness apply route', () => {
  it('writes the chosen ML Commons settings persistently, removing transient values that would override them, then answers the new readiness', async () => {
    t.transport
      .reply({ acknowledged: true })
      .reply({ persistent: { 'plugins.ml_commons.allow_registering_model_via_local_file': 'true' } })
      .reply({ nodes: {} });
    const res = await t.call('PUT', `${API}/cluster/settings`, { body: { settings: { allow_registering_model_via_local_file: true, native_memory_threshold: 100 } } });
    expect(res.status).toBe(200);
    expect(t.transport.calls[0]).toMatchObject({
      method: 'PUT',
      path: '/_cluster/settings',
      body: {
        persistent: { 'plugins.ml_commons.allow_registering_model_via_local_file': true, 'plugins.ml_commons.native_memory_threshold': 100 },
        transient: { 'plugins.ml_commons.allow_registering_model_via_local_file': null, 'plugins.ml_commons.native_memory_threshold': null },
      },
    });
    expect(res.body.checks.find((c: any) => c.id === 'register_via_local_file').ok).toBe(true);
  });

  it('refuses settings outside the readiness set, and an empty change', async () => {
    const a = await t.call('PUT', `${API}/cluster/settings`, { body: { settings: { 'cluster.routing.allocation.enable': 'none' } } });
    const b = await t.call('PUT', `${API}/cluster/settings`, { body: { settings: {} } });
    expect([a.status, b.status]).toEqual([400, 400]);
    expect(a.body.message).toContain('definition for this key is missing');
    expect(t.transport.calls).toHaveLength(0);
  });

  it("passes the cluster's 403 through for users without the right", async () => {
    t.transport.fail(403, { error: { type: 'security_exception', reason: 'no permissions for [cluster:admin/settings/update]' }, status: 403 });
    const res = await t.call('PUT', `${API}/cluster/settings`, { body: { settings: { only_run_on_ml_node: false } } });
    expect([res.status, res.body.message]).toEqual([403, 'no permissions for [cluster:admin/settings/update]']);
  });
});
