import { request } from 'http';
import { RouteTestHost, startRouteTestHost } from '../../test/mocks/route_test_host';

/** Sends the path byte for byte: fetch() would normalise `..` and `%2E%2E` away before sending. */
function rawGet(url: string, path: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode || 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const API = '/api/ml-models';
const HASH = 'b'.repeat(64);
let t: RouteTestHost;
beforeAll(async () => {
  t = await startRouteTestHost();
});
afterAll(() => t.close());
afterEach(() => {
  // Whatever the bad input, nothing may reach the cluster.
  expect(t.transport.calls).toHaveLength(0);
});

describe('bad input gets a 4xx naming the problem, and nothing goes upstream', () => {
  it.each([
    ['a slash', `${API}/models/a%2Fb`, 'modelId'],
    ['dot-dot', `${API}/models/..`, 'modelId'],
    ['an encoded dot-dot', `${API}/models/%2E%2E`, 'modelId'],
    ['a space', `${API}/models/a%20b`, 'modelId'],
    ['a dot', `${API}/models/a.b`, 'modelId'],
    ['a query-ish id', `${API}/tasks/x%3Fy`, 'taskId'],
    ['an over-long id', `${API}/model_groups/${'a'.repeat(129)}`, 'groupId'],
    ['an ML Commons action as a model id', `${API}/models/_search`, 'modelId'],
    ['an ML Commons action as a task id', `${API}/tasks/_search`, 'taskId'],
    ['an ML Commons action as a group id', `${API}/model_groups/_register`, 'groupId'],
  ])('an id with %s', async (_what, path, field) => {
    const res = await rawGet(t.host.url, path);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(`[request params.${field}]: `);
  });

  it('a path with a raw slash in the id matches no route', async () => {
    const res = await t.call('GET', `${API}/models/a/b/c`);
    expect(res.status).toBe(404);
  });

  it('malformed JSON', async () => {
    const res = await t.call('POST', `${API}/model_groups`, { body: '{"name": "x",' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid request payload JSON format');
  });

  it.each([
    ['a wrong type', { name: 42 }, '[request body.name]: expected value of type [string] but got [number]'],
    ['an unknown field', { name: 'g', acess_mode: 'public' }, '[request body.acess_mode]: definition for this key is missing'],
    ['an unknown field every object inherits', { name: 'g', constructor: 'x' }, '[request body.constructor]: definition for this key is missing'],
    ['"__proto__" as a field', '{"name": "g", "__proto__": "x"}', '[request body.__proto__]: definition for this key is missing'],
    ['a missing field', { description: 'd' }, '[request body.name]: expected value of type [string] but got [undefined]'],
    ['an empty name', { name: '  ' }, '[request body.name]: must not be empty'],
    ['an unknown access mode', { name: 'g', access_mode: 'everyone' }, '[request body.access_mode]: expected one of [public, private, restricted] but got [everyone]'],
    ['a wrong item type', { name: 'g', backend_roles: ['a', 3] }, '[request body.backend_roles.1]: expected value of type [string] but got [number]'],
    ['an array body', [], '[request body]: expected value of type [object] but got [array]'],
  ])('a group body with %s', async (_what, body, message) => {
    const res = await t.call('POST', `${API}/model_groups`, { body });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(message);
  });

  it.each([
    ['a model', `${API}/models/m1`],
    ['a group', `${API}/model_groups/g1`],
  ])('an update of %s that names no field (ML Commons would still write a new version)', async (_what, path) => {
    const res = await t.call('PUT', path, { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[request body]: names no field to change');
  });

  it('a nested config field of the wrong type', async () => {
    const res = await t.call('POST', `${API}/models/_register`, {
      body: {
        name: 'm',
        model_format: 'ONNX',
        model_content_hash_value: HASH,
        url: 'http://127.0.0.1/m.zip',
        model_config: { model_type: 'bert', embedding_dimension: '384', framework_type: 'sentence_transformers' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[request body.model_config.embedding_dimension]: expected an integer but got [string]');
  });

  it('a pooling mode spelled as the docs do (the parser wants weighted_mean)', async () => {
    const res = await t.call('POST', `${API}/models/_register`, {
      body: {
        name: 'm',
        model_format: 'ONNX',
        model_content_hash_value: HASH,
        url: 'http://127.0.0.1/m.zip',
        model_config: { model_type: 'bert', embedding_dimension: 4, framework_type: 'sentence_transformers', pooling_mode: 'weightedmean' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('[request body.model_config.pooling_mode]: ');
  });

  it('a URL that is not one ML Commons can download', async () => {
    const res = await t.call('POST', `${API}/models/_register`, {
      body: { name: 'm', model_format: 'ONNX', model_content_hash_value: HASH, url: 'javascript:alert(1)', function_name: 'SPARSE_ENCODING' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[request body.url]: must be an http(s), ftp or file URL');
  });

  it('an uppercase hash', async () => {
    const res = await t.call('POST', `${API}/models/_register_meta`, {
      body: { name: 'm', model_format: 'ONNX', model_content_hash_value: 'B'.repeat(64), model_content_size_in_bytes: 5, total_chunks: 1, function_name: 'SPARSE_ENCODING' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('[request body.model_content_hash_value]: ');
  });

  it.each([
    ['a page size over the limit', `${API}/models?size=1000`, '[request query.size]: must be at most 100'],
    ['a non-numeric offset', `${API}/models?from=ten`, '[request query.from]: expected an integer but got [ten]'],
    ['a page past the result window', `${API}/models?from=9990&size=20`, '[request query.from]: from + size must be at most 10000 (got 10010)'],
    ['a default-size page past the result window', `${API}/tasks?from=9990`, '[request query.from]: from + size must be at most 10000 (got 10010)'],
    ['a group page past the result window', `${API}/model_groups?from=9999&size=10`, '[request query.from]: from + size must be at most 10000 (got 10009)'],
    ['an unknown state', `${API}/models?states=DEPLOYED,SLEEPING`, '[request query.states.1]: expected one of'],
    ['an unknown sort field', `${API}/models?sort_field=model_content`, '[request query.sort_field]: expected one of'],
    ['an unknown query parameter', `${API}/models?extra_query=%7B%7D`, '[request query.extra_query]: definition for this key is missing'],
    ['an invalid data source id', `${API}/models?data_source_id=..%2F`, '[request query.data_source_id]: '],
  ])('a query with %s', async (_what, path, message) => {
    const res = await t.call('GET', path);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  it('an oversized JSON body', async () => {
    const res = await t.call('POST', `${API}/model_groups`, { body: { name: 'g', description: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.status).toBe(413);
  });

  it('an empty predict input list', async () => {
    const res = await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: [] } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('[request body.text_docs]: must have at least 1 item(s)');
  });

  it('node ids that are not ids', async () => {
    const res = await t.call('POST', `${API}/models/m1/_deploy`, { body: { node_ids: ['n1', '../n2'] } });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('[request body.node_ids.1]: ');
  });

  it.each([
    ['POST', `${API}/model_groups`, { name: 'g' }],
    ['PUT', `${API}/model_groups/g1`, { name: 'g' }],
    ['DELETE', `${API}/model_groups/g1`, undefined],
    ['DELETE', `${API}/models/m1`, undefined],
    ['POST', `${API}/models/m1/_deploy`, undefined],
    ['POST', `${API}/models/m1/_undeploy`, undefined],
    ['POST', `${API}/predict/text_embedding/m1`, { text_docs: ['a'] }],
    ['DELETE', `${API}/tasks/t1`, undefined],
  ])('%s %s without the xsrf header', async (method, path, body) => {
    const res = await fetch(`${t.host.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('Request must contain the osd-xsrf header.');
  });

  it('a chunk without the xsrf header', async () => {
    const res = await fetch(`${t.host.url}${API}/models/m1/chunk/0`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from('zip'),
    });
    expect(res.status).toBe(400);
  });

  it('a data source id when multiple data sources are off', async () => {
    const res = await t.call('GET', `${API}/models?data_source_id=ds1`);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/\[data_source_id\]: multiple data sources are not enabled/);
  });
});
