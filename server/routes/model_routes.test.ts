import { mlError, nodesAt } from '../../test/mocks/fake_transport';
import { RouteTestHost, startRouteTestHost } from '../../test/mocks/route_test_host';

const API = '/api/ml-models';
const HASH = 'a'.repeat(64);
let t: RouteTestHost;
beforeEach(async () => {
  t = await startRouteTestHost();
});
afterEach(() => t.close());

describe('model search', () => {
  it('filters by state, function, format and group, always excludes chunk documents, sorts and pages', async () => {
    t.transport.reply({ hits: { total: { value: 1 }, hits: [{ _id: 'm1', _source: { name: 'mini', model_state: 'DEPLOYED' } }] } });
    const res = await t.call(
      'GET',
      `${API}/models?states=DEPLOYED,PARTIALLY_DEPLOYED&functions=TEXT_EMBEDDING&formats=ONNX&model_group_id=g1&sort_field=last_deployed_time&sort_direction=asc&from=20&size=10`
    );
    expect(res.body).toEqual({ total: 1, items: [{ id: 'm1', name: 'mini', model_state: 'DEPLOYED' }] });
    expect(t.transport.calls[0]).toMatchObject({
      method: 'POST',
      path: '/_plugins/_ml/models/_search',
      body: {
        query: {
          bool: {
            must: [],
            filter: [
              { terms: { model_state: ['DEPLOYED', 'PARTIALLY_DEPLOYED'] } },
              { terms: { algorithm: ['TEXT_EMBEDDING'] } },
              { terms: { model_format: ['ONNX'] } },
              { term: { model_group_id: 'g1' } },
            ],
            must_not: [{ exists: { field: 'chunk_number' } }],
          },
        },
        sort: [{ last_deployed_time: { order: 'asc', unmapped_type: 'long' } }],
        from: 20,
        size: 10,
      },
    });
  });

  it('serves the last page of the result window (from + size = 10000)', async () => {
    t.transport.reply({ hits: { total: { value: 12000 }, hits: [] } });
    const res = await t.call('GET', `${API}/models?from=9980&size=20`);
    expect(res.status).toBe(200);
    expect(t.transport.calls[0].body).toMatchObject({ from: 9980, size: 20 });
  });

  it('excludes chunk documents even with no filter at all, newest first by default', async () => {
    t.transport.reply({ hits: { total: 0, hits: [] } });
    await t.call('GET', `${API}/models`);
    const body = t.transport.calls[0].body as any;
    expect(body.query.bool.must_not).toEqual([{ exists: { field: 'chunk_number' } }]);
    expect(body.sort).toEqual([{ created_time: { order: 'desc', unmapped_type: 'long' } }]);
    expect(body.size).toBe(20);
  });

  it('sorts by version through registration time, since model_version is a keyword ("10" < "9")', async () => {
    t.transport.reply({ hits: { total: 0, hits: [] } });
    await t.call('GET', `${API}/models?sort_field=model_version&sort_direction=asc`);
    expect((t.transport.calls[0].body as any).sort).toEqual([
      { created_time: { order: 'asc', unmapped_type: 'long' } },
      { model_version: { order: 'asc', unmapped_type: 'keyword' } },
    ]);
  });

  it('accepts a repeated query key as a list', async () => {
    t.transport.reply({ hits: { total: 0, hits: [] } });
    await t.call('GET', `${API}/models?states=DEPLOYED&states=DEPLOYING`);
    expect((t.transport.calls[0].body as any).query.bool.filter).toEqual([{ terms: { model_state: ['DEPLOYED', 'DEPLOYING'] } }]);
  });
});

describe('model registration', () => {
  const config = { model_type: 'bert', embedding_dimension: 32, framework_type: 'sentence_transformers' };

  it('registers by URL with the hash, function_name first (ML Commons parses model_config by it)', async () => {
    t.transport.reply(nodesAt('2.19.6')).reply({ name: 'group', latest_version: 1 }).reply({ task_id: 't1', status: 'CREATED' });
    const body = {
      name: 'tiny',
      model_format: 'ONNX',
      model_content_hash_value: HASH,
      model_config: config,
      url: 'http://127.0.0.1:8000/m.zip',
      function_name: 'TEXT_EMBEDDING',
      model_group_id: 'g1',
    };
    const res = await t.call('POST', `${API}/models/_register`, { body });
    expect(res.body).toEqual({ task_id: 't1', status: 'CREATED' });
    expect(t.transport.calls[0]).toMatchObject({ method: 'GET', path: '/_nodes', querystring: { filter_path: 'nodes.*.version' } });
    expect(t.transport.calls[1]).toMatchObject({ method: 'GET', path: '/_plugins/_ml/model_groups/g1' });
    const call = t.transport.calls[2];
    expect(call).toMatchObject({ method: 'POST', path: '/_plugins/_ml/models/_register', body });
    expect(Object.keys(call.body as object)[0]).toBe('function_name');
  });

  it('refuses URL registration without a valid hash before anything goes upstream', async () => {
    const res = await t.call('POST', `${API}/models/_register`, {
      body: { name: 'x', model_format: 'ONNX', model_config: config, url: 'http://127.0.0.1/m.zip' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^\[request body\.model_content_hash_value\]: /);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('refuses a text-embedding registration without its config', async () => {
    const res = await t.call('POST', `${API}/models/_register`, {
      body: { name: 'x', model_format: 'ONNX', model_content_hash_value: HASH, url: 'http://127.0.0.1/m.zip' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/\[model_config\]: is required for TEXT_EMBEDDING/);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('refuses on 3.1+ the characters ML Commons refuses in a URL registration, a chunked one\'s description and an update', async () => {
    const urlBody = { name: 'tiny & fast', model_format: 'ONNX', model_content_hash_value: HASH, model_config: config, url: 'http://127.0.0.1:8000/m.zip' };
    t.transport.reply(nodesAt('3.6.0'));
    const url = await t.call('POST', `${API}/models/_register`, { body: urlBody });
    expect([url.status, url.body.message]).toEqual([400, `[name]: OpenSearch 3.6.0 takes only letters, numbers, spaces and basic punctuation (.,!?():@-_'/") here, not "&"`]);
    // register_meta itself takes it, but the description it drops at the last chunk could not be put back.
    const metaBody = { name: 'big 🚀', description: 'a\u00a0b', model_format: 'ONNX', model_content_hash_value: HASH, model_content_size_in_bytes: 5, total_chunks: 1, model_config: config };
    t.transport.reply(nodesAt('3.6.0'));
    const meta = await t.call('POST', `${API}/models/_register_meta`, { body: metaBody });
    expect([meta.status, meta.body.message]).toEqual([400, `[description]: OpenSearch 3.6.0 takes only letters, numbers, spaces and basic punctuation (.,!?():@-_'/") here, not U+00A0`]);
    t.transport.reply(nodesAt('3.6.0'));
    const update = await t.call('PUT', `${API}/models/m1`, { body: { description: 'v2 <beta>' } });
    expect(update.status).toBe(400);
    // One version read per request, shared by the config and character checks.
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_nodes', '/_nodes', '/_nodes']);
    // The same chunked registration with a plain description goes (its name is not checked there).
    t.transport.reply(nodesAt('3.6.0')).reply({ model_id: 'm1', status: 'CREATED' });
    expect((await t.call('POST', `${API}/models/_register_meta`, { body: { ...metaBody, description: 'a b' } })).status).toBe(200);
  });

  it('registers meta for a chunked upload with size and chunk count', async () => {
    t.transport.reply(nodesAt('3.6.0')).reply({ model_id: 'm1', status: 'CREATED' });
    const body = {
      name: 'big',
      function_name: 'TEXT_EMBEDDING',
      model_format: 'ONNX',
      model_content_hash_value: HASH,
      model_content_size_in_bytes: 25000001,
      total_chunks: 3,
      model_config: config,
    };
    const res = await t.call('POST', `${API}/models/_register_meta`, { body });
    expect(res.body).toEqual({ model_id: 'm1', status: 'CREATED' });
    expect(t.transport.calls[1]).toMatchObject({ method: 'POST', path: '/_plugins/_ml/models/_register_meta', body });
  });

  it('refuses a chunk count that does not match the size', async () => {
    const res = await t.call('POST', `${API}/models/_register_meta`, {
      body: {
        name: 'big',
        model_format: 'ONNX',
        model_content_hash_value: HASH,
        model_content_size_in_bytes: 25000001,
        total_chunks: 2,
        model_config: config,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[total_chunks]: a zip of 25000001 bytes has 3 chunk(s), not 2');
    expect(t.transport.calls).toHaveLength(0);
  });

  it("answers an unknown group with the group's 404 and registers nothing (ML Commons would answer 500)", async () => {
    t.transport.reply(nodesAt('2.19.6')).fail(404, mlError(404, 'status_exception', 'Failed to find model group with the provided model group id: nope'));
    const res = await t.call('POST', `${API}/models/_register_meta`, {
      body: { name: 'x', model_format: 'ONNX', model_content_hash_value: HASH, model_content_size_in_bytes: 10, total_chunks: 1, model_config: config, model_group_id: 'nope' },
    });
    expect([res.status, res.body.message]).toEqual([404, 'Failed to find model group with the provided model group id: nope']);
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_nodes', '/_plugins/_ml/model_groups/nope']);
  });

  it('lets a sparse model register without model_config (and reads no version for it)', async () => {
    t.transport.reply({ model_id: 'm2', status: 'CREATED' });
    const res = await t.call('POST', `${API}/models/_register_meta`, {
      body: {
        name: 'sparse',
        function_name: 'SPARSE_ENCODING',
        model_format: 'ONNX',
        model_content_hash_value: HASH,
        model_content_size_in_bytes: 10,
        total_chunks: 1,
      },
    });
    expect(res.status).toBe(200);
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_plugins/_ml/models/_register_meta']);
  });

  const meta = (model_config: unknown, function_name = 'TEXT_EMBEDDING') => ({
    name: 'x',
    function_name,
    model_format: 'ONNX',
    model_content_hash_value: HASH,
    model_content_size_in_bytes: 10,
    total_chunks: 1,
    model_config,
  });
  const spaced = { ...config, additional_config: { space_type: 'CosineSimil', note: { any: ['json'] } } };

  it('stores additional_config on 3.1+ as sent, with space_type in k-NN spelling', async () => {
    t.transport.reply(nodesAt('3.6.0')).reply({ model_id: 'm1', status: 'CREATED' });
    const res = await t.call('POST', `${API}/models/_register_meta`, { body: meta(spaced) });
    expect(res.status).toBe(200);
    expect((t.transport.calls[1].body as any).model_config.additional_config).toEqual({ space_type: 'cosinesimil', note: { any: ['json'] } });
  });

  it('refuses additional_config for a cluster older than 3.1 (it would drop it silently) and registers nothing', async () => {
    t.transport.reply({ nodes: { a: { version: '3.6.0' }, b: { version: '2.19.6' } } });
    const res = await t.call('POST', `${API}/models/_register_meta`, { body: meta(spaced) });
    expect([res.status, res.body.message]).toEqual([
      400,
      '[model_config.additional_config]: needs OpenSearch 3.1 or later; 2.19.6 would accept the model and silently drop it (space_type included)',
    ]);
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_nodes']);
  });

  it('applies the version rules to URL registration too (a sparse config cannot deploy on 3.1+)', async () => {
    t.transport.reply(nodesAt('3.6.0'));
    const res = await t.call('POST', `${API}/models/_register`, {
      body: { name: 'x', function_name: 'SPARSE_ENCODING', model_format: 'ONNX', model_content_hash_value: HASH, url: 'http://127.0.0.1/m.zip', model_config: { model_type: 'bert' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^\[model_config\]: OpenSearch 3\.6\.0 registers a SPARSE_ENCODING model with a model_config but cannot deploy it/);
    expect(t.transport.calls).toHaveLength(1);
  });

  it('goes on without the version rules when this user may not read the nodes (ML Commons answers then)', async () => {
    t.transport.fail(403, mlError(403, 'security_exception', 'no permissions for [cluster:monitor/nodes/info]')).reply({ model_id: 'm1', status: 'CREATED' });
    const res = await t.call('POST', `${API}/models/_register_meta`, { body: meta(spaced) });
    expect(res.status).toBe(200);
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_nodes', '/_plugins/_ml/models/_register_meta']);
  });

  it('refuses keys in both all_config and additional_config without asking the cluster', async () => {
    const res = await t.call('POST', `${API}/models/_register_meta`, { body: meta({ ...spaced, all_config: '{"space_type":"l2","x":1}' }) });
    expect([res.status, res.body.message]).toEqual([400, "[model_config.additional_config]: repeats all_config's space_type; ML Commons refuses a key in both"]);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('refuses a space_type k-NN does not know, and an additional_config that is not an object', async () => {
    const bad = await t.call('POST', `${API}/models/_register_meta`, { body: meta({ ...config, additional_config: { space_type: 'cosine' } }) });
    expect(bad.body.message).toBe('[request body.model_config.additional_config.space_type]: expected one of [l2, cosinesimil, innerproduct, l1, linf, hamming] but got [cosine]');
    const notObject = await t.call('POST', `${API}/models/_register_meta`, { body: meta({ ...config, additional_config: '{"space_type":"l2"}' }) });
    expect(notObject.body.message).toBe('[request body.model_config.additional_config]: expected value of type [object] but got [string]');
    const huge = await t.call('POST', `${API}/models/_register_meta`, { body: meta({ ...config, additional_config: { blob: 'x'.repeat(10000) } }) });
    expect(huge.body.message).toBe('[request body.model_config.additional_config]: must be at most 10000 bytes of JSON');
    expect(t.transport.calls).toHaveLength(0);
  });
});

describe('model lifecycle', () => {
  it('gets a model and adds its id', async () => {
    t.transport.reply({ name: 'm', model_state: 'REGISTERED' });
    expect((await t.call('GET', `${API}/models/m1`)).body).toEqual({ id: 'm1', name: 'm', model_state: 'REGISTERED' });
    expect(t.transport.calls[0]).toMatchObject({ method: 'GET', path: '/_plugins/_ml/models/m1' });
  });

  it('updates, deploys (all nodes, or chosen ones), undeploys and deletes with the current endpoint names', async () => {
    t.transport
      .reply({ result: 'updated' })
      .reply(nodesAt('2.19.6'))
      .reply({ result: 'updated' })
      .reply({ model_state: 'REGISTERED' })
      .reply({ task_id: 't1', task_type: 'DEPLOY_MODEL', status: 'CREATED' })
      .reply({ model_state: 'DEPLOY_FAILED' })
      .reply({ task_id: 't2', task_type: 'DEPLOY_MODEL', status: 'CREATED' })
      .reply({ model_state: 'DEPLOYED' })
      .reply({ n1: { stats: { m1: 'undeployed' } } })
      .reply({ result: 'deleted' });
    await t.call('PUT', `${API}/models/m1`, { body: { description: 'better' } });
    // The config as ML Commons returns it (upper-cased enums) is accepted, and sent in the listed spelling.
    await t.call('PUT', `${API}/models/m1`, { body: { model_config: { model_type: 'bert', embedding_dimension: 8, framework_type: 'SENTENCE_TRANSFORMERS', pooling_mode: 'MEAN' } } });
    await t.call('POST', `${API}/models/m1/_deploy`);
    await t.call('POST', `${API}/models/m1/_deploy`, { body: { node_ids: ['n1', 'n2'] } });
    const undeploy = await t.call('POST', `${API}/models/m1/_undeploy`);
    await t.call('DELETE', `${API}/models/m1`);
    expect(undeploy.body).toEqual({ n1: { stats: { m1: 'undeployed' } } });
    expect(t.transport.calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', '/_plugins/_ml/models/m1', { description: 'better' }],
      ['GET', '/_nodes', undefined],
      ['PUT', '/_plugins/_ml/models/m1', { model_config: { model_type: 'bert', embedding_dimension: 8, framework_type: 'sentence_transformers', pooling_mode: 'mean' } }],
      ['GET', '/_plugins/_ml/models/m1', undefined],
      ['POST', '/_plugins/_ml/models/m1/_deploy', undefined],
      ['GET', '/_plugins/_ml/models/m1', undefined],
      ['POST', '/_plugins/_ml/models/m1/_deploy', { node_ids: ['n1', 'n2'] }],
      ['GET', '/_plugins/_ml/models/m1', undefined],
      ['POST', '/_plugins/_ml/models/m1/_undeploy', undefined],
      ['DELETE', '/_plugins/_ml/models/m1', undefined],
    ]);
  });

  it('refuses to deploy a model whose upload is under way (REGISTERING), which would break the upload', async () => {
    t.transport.reply({ model_state: 'REGISTERING', total_chunks: 9 });
    const res = await t.call('POST', `${API}/models/m1/_deploy`);
    expect([res.status, res.body.message]).toEqual([409, expect.stringMatching(/^Model m1 is still being uploaded \(REGISTERING\)/)]);
    expect(t.transport.calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('refuses to undeploy a model while it deploys (ML Commons cannot stop the deploy, and 2.19 leaves its task RUNNING)', async () => {
    t.transport.reply({ model_state: 'DEPLOYING', total_chunks: 1 });
    const res = await t.call('POST', `${API}/models/m1/_undeploy`);
    expect([res.status, res.body.message]).toEqual([409, expect.stringMatching(/^Model m1 is being deployed \(DEPLOYING\)/)]);
    expect(t.transport.calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('undeploys as before for a user who may undeploy but not read models (403 on the state check)', async () => {
    t.transport.fail(403, mlError(403, 'security_exception', 'no permissions for [cluster:admin/opensearch/ml/models/get]')).reply({ n1: { stats: { m1: 'undeployed' } } });
    const res = await t.call('POST', `${API}/models/m1/_undeploy`);
    expect([res.status, res.body]).toEqual([200, { n1: { stats: { m1: 'undeployed' } } }]);
  });

  it('deploys as before for a user who may deploy but not read models (403 on the state check)', async () => {
    t.transport.fail(403, mlError(403, 'security_exception', 'no permissions for [cluster:admin/opensearch/ml/models/get]')).reply({ task_id: 't1', status: 'CREATED' });
    const res = await t.call('POST', `${API}/models/m1/_deploy`);
    expect([res.status, res.body]).toEqual([200, { task_id: 't1', status: 'CREATED' }]);
  });

  it("applies the config's version rules to an update: additional_config on 2.19 is refused, on 3.6 sent", async () => {
    const body = { model_config: { model_type: 'bert', embedding_dimension: 8, framework_type: 'sentence_transformers', additional_config: { space_type: 'l2' } } };
    t.transport.reply(nodesAt('2.19.6'));
    const refused = await t.call('PUT', `${API}/models/m1`, { body });
    expect([refused.status, refused.body.message]).toEqual([400, expect.stringMatching(/^\[model_config\.additional_config\]: needs OpenSearch 3\.1 or later; 2\.19\.6/)]);
    t.transport.reply(nodesAt('3.6.0')).reply({ result: 'updated' });
    const sent = await t.call('PUT', `${API}/models/m1`, { body });
    expect(sent.status).toBe(200);
    expect(t.transport.calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', '/_nodes'],
      ['GET', '/_nodes'],
      ['PUT', '/_plugins/_ml/models/m1'],
    ]);
  });

  it("passes ML Commons' refusal to delete a deployed model through as 400 with its reason", async () => {
    const reason = 'Model cannot be deleted in deploying or deployed state. Try undeploy model first then delete';
    t.transport.fail(400, mlError(400, 'illegal_argument_exception', reason));
    const res = await t.call('DELETE', `${API}/models/m1`);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(reason);
  });

  it('keeps 500s that ML Commons raises for its own exceptions, and 403s for access', async () => {
    t.transport
      .fail(500, mlError(500, 'm_l_resource_not_found_exception', 'Failed to find model'))
      .fail(403, mlError(403, 'status_exception', "User doesn't have privilege to perform this operation on this model"));
    const a = await t.call('POST', `${API}/models/m1/_undeploy`);
    const b = await t.call('GET', `${API}/models/m1`);
    expect([a.status, a.body.message, a.body.attributes.type]).toEqual([500, 'Failed to find model', 'm_l_resource_not_found_exception']);
    expect([b.status, b.body.message]).toEqual([403, "User doesn't have privilege to perform this operation on this model"]);
  });
});
