import { mlError } from '../../test/mocks/fake_transport';
import { RouteTestHost, startRouteTestHost } from '../../test/mocks/route_test_host';

const API = '/api/ml-models';
let t: RouteTestHost;
beforeEach(async () => {
  t = await startRouteTestHost();
});
afterEach(() => t.close());

describe('task routes', () => {
  it('searches tasks by model, type and state, newest first', async () => {
    t.transport.reply({ hits: { total: { value: 1 }, hits: [{ _id: 't1', _source: { state: 'FAILED', error: 'model content changed' } }] } });
    const res = await t.call('GET', `${API}/tasks?model_id=m1&task_types=DEPLOY_MODEL&states=FAILED,COMPLETED_WITH_ERROR&size=5`);
    expect(res.body).toEqual({ total: 1, items: [{ id: 't1', state: 'FAILED', error: 'model content changed' }] });
    expect(t.transport.calls[0]).toMatchObject({
      method: 'POST',
      path: '/_plugins/_ml/tasks/_search',
      body: {
        query: {
          bool: {
            filter: [
              { term: { model_id: 'm1' } },
              { terms: { task_type: ['DEPLOY_MODEL'] } },
              { terms: { state: ['FAILED', 'COMPLETED_WITH_ERROR'] } },
            ],
          },
        },
        sort: [{ create_time: { order: 'desc', unmapped_type: 'long' } }],
        from: 0,
        size: 5,
      },
    });
  });

  it('gets and deletes a task', async () => {
    t.transport.reply({ state: 'COMPLETED', model_id: 'm1' }).reply({ result: 'deleted' });
    expect((await t.call('GET', `${API}/tasks/t1`)).body).toEqual({ id: 't1', state: 'COMPLETED', model_id: 'm1' });
    await t.call('DELETE', `${API}/tasks/t1`);
    expect(t.transport.calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', '/_plugins/_ml/tasks/t1'],
      ['DELETE', '/_plugins/_ml/tasks/t1'],
    ]);
  });

  it("answers 409 with ML Commons' reason for deleting a running task (ML Commons says 500)", async () => {
    const reason = 'Task cannot be deleted in running state. Try after some time.';
    t.transport.fail(500, mlError(500, 'exception', reason)).reply({ state: 'RUNNING', task_type: 'DEPLOY_MODEL' });
    const res = await t.call('DELETE', `${API}/tasks/t1`);
    expect([res.status, res.body.message]).toEqual([409, reason]);
    expect(t.transport.calls.map((c) => [c.method, c.path])).toEqual([
      ['DELETE', '/_plugins/_ml/tasks/t1'],
      ['GET', '/_plugins/_ml/tasks/t1'],
    ]);
  });

  it('keeps any other 500 of a task delete as it came', async () => {
    t.transport.fail(500, mlError(500, 'exception', 'something else')).reply({ state: 'COMPLETED' });
    const res = await t.call('DELETE', `${API}/tasks/t1`);
    expect([res.status, res.body.message]).toEqual([500, 'something else']);
  });
});

describe('predict route', () => {
  it.each(['text_embedding', 'sparse_encoding', 'sparse_tokenize'])('sends %s to _predict/{function}/{model}', async (fn) => {
    t.transport.reply({ inference_results: [{ output: [{ name: 'sentence_embedding', shape: [2], data: [0.6, 0.8] }] }] });
    const res = await t.call('POST', `${API}/predict/${fn}/m1`, { body: { text_docs: ['hello'], return_number: true } });
    expect(res.status).toBe(200);
    expect(res.body.inference_results).toHaveLength(1);
    expect(t.transport.calls[0]).toMatchObject({
      method: 'POST',
      path: `/_plugins/_ml/_predict/${fn}/m1`,
      body: { text_docs: ['hello'], return_number: true },
    });
  });

  it('sends text_similarity with its query', async () => {
    t.transport.reply({ inference_results: [] });
    await t.call('POST', `${API}/predict/text_similarity/m1`, { body: { query_text: 'q', text_docs: ['a', 'b'] } });
    expect(t.transport.calls[0]).toMatchObject({ path: '/_plugins/_ml/_predict/text_similarity/m1', body: { query_text: 'q', text_docs: ['a', 'b'] } });
  });

  it("passes every ML Commons result filter field on, and checks their types", async () => {
    t.transport.reply({ inference_results: [] });
    const filter = { return_number: false, return_bytes: true, target_response: ['sentence_embedding'], target_response_positions: [0, 2] };
    expect((await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], ...filter } })).status).toBe(200);
    expect(t.transport.calls[0].body).toEqual({ text_docs: ['a'], ...filter });
    const bad = await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], target_response_positions: [-1] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^\[request body\.target_response_positions\.0\]/);
    expect((await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], return_bytes: 'yes' } })).status).toBe(400);
    expect((await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], result_filter: { target_response: 'x' } } })).status).toBe(400);
    expect(t.transport.calls).toHaveLength(1);
    t.transport.reply({ inference_results: [] });
    expect((await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], result_filter: filter } })).status).toBe(200);
    expect(t.transport.calls[1].body).toEqual({ text_docs: ['a'], result_filter: filter });
  });

  it('requires query_text for text_similarity, and only there', async () => {
    const a = await t.call('POST', `${API}/predict/text_similarity/m1`, { body: { text_docs: ['a'] } });
    const b = await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], query_text: 'q' } });
    expect([a.status, a.body.message]).toEqual([400, '[query_text]: is required for text_similarity']);
    expect([b.status, b.body.message]).toEqual([400, '[query_text]: is only used by text_similarity, not text_embedding']);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('sends each parameter with its function only: content_type with text_embedding, sparse_embedding_format with sparse_encoding (any case, sent as listed)', async () => {
    const res = await t.call('POST', `${API}/predict/sparse_encoding/m1`, { body: { text_docs: ['a'], parameters: { content_type: 'query' } } });
    expect([res.status, res.body.message, res.body.attributes?.field]).toEqual([400, '[parameters.content_type]: is only used by text_embedding, not sparse_encoding', 'parameters.content_type']);
    const fmt = await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], parameters: { sparse_embedding_format: 'token_id' } } });
    expect([fmt.status, fmt.body.message]).toEqual([400, '[parameters.sparse_embedding_format]: is only used by sparse_encoding, not text_embedding']);
    const bad = await t.call('POST', `${API}/predict/sparse_encoding/m1`, { body: { text_docs: ['a'], parameters: { sparse_embedding_format: 'lexical' } } });
    expect(bad.status).toBe(400);
    expect(t.transport.calls).toHaveLength(0);
    t.transport.reply({ inference_results: [] }).reply({ inference_results: [] });
    expect((await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'], parameters: { content_type: 'query' } } })).status).toBe(200);
    expect((await t.call('POST', `${API}/predict/sparse_encoding/m1`, { body: { text_docs: ['a'], parameters: { sparse_embedding_format: 'TOKEN_ID' } } })).status).toBe(200);
    expect(t.transport.calls[1].body).toEqual({ text_docs: ['a'], parameters: { sparse_embedding_format: 'token_id' } });
  });

  it('refuses an unknown function', async () => {
    const res = await t.call('POST', `${API}/predict/kmeans/m1`, { body: { text_docs: ['a'] } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^\[request params\.functionName\]: expected one of \[text_embedding/);
  });

  it("passes 'Model not ready yet' through as ML Commons' 400", async () => {
    const reason = 'Model not ready yet. Please deploy the model first.';
    t.transport.fail(400, mlError(400, 'illegal_argument_exception', reason));
    const res = await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'] } });
    expect([res.status, res.body.message]).toEqual([400, reason]);
  });

  it('keeps throttling as 429', async () => {
    t.transport.fail(429, mlError(429, 'status_exception', 'Request is throttled at model level.'));
    const res = await t.call('POST', `${API}/predict/text_embedding/m1`, { body: { text_docs: ['a'] } });
    expect(res.status).toBe(429);
  });
});
