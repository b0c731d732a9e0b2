import { randomBytes } from 'crypto';
import http from 'http';
import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { mlError } from '../../test/mocks/fake_transport';
import { RouteTestHost, startRouteTestHost } from '../../test/mocks/route_test_host';

const API = '/api/ml-models';
let t: RouteTestHost;
beforeEach(async () => {
  t = await startRouteTestHost();
});
afterEach(() => t.close());

const octet = { 'content-type': 'application/octet-stream' };
/** ML Commons' answer to GET model while an upload of `total` chunks is under way. */
const uploading = (total = 10) => ({ name: 'm', model_state: 'REGISTERING', total_chunks: total });

describe('chunk upload', () => {
  it('streams the raw bytes unchanged to upload_chunk, declared as JSON upstream (core rejects octet-stream with 406)', async () => {
    const bytes = randomBytes(CHUNK_SIZE_BYTES);
    t.transport.reply(uploading()).reply({ status: 'Uploaded' });
    const res = await t.call('POST', `${API}/models/m1/chunk/3`, { raw: bytes, headers: octet });
    expect(res).toEqual({ status: 200, body: { status: 'Uploaded' } });
    expect(t.transport.calls[0]).toMatchObject({ method: 'GET', path: '/_plugins/_ml/models/m1' });
    const call = t.transport.calls[1];
    expect(call.method).toBe('POST');
    expect(call.path).toBe('/_plugins/_ml/models/m1/upload_chunk/3');
    expect(call.options?.headers).toEqual({ 'content-type': 'application/json' });
    expect(call.bytes!.equals(bytes)).toBe(true);
  });

  it('refuses a chunk over 10,000,000 bytes with 413 and sends nothing', async () => {
    const res = await t.call('POST', `${API}/models/m1/chunk/0`, { raw: Buffer.alloc(CHUNK_SIZE_BYTES + 1), headers: octet });
    expect(res.status).toBe(413);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('refuses an empty chunk', async () => {
    const res = await t.call('POST', `${API}/models/m1/chunk/0`, { raw: Buffer.alloc(0), headers: octet });
    expect(res.status).toBe(400);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('refuses an empty chunk sent without a length (chunked encoding) with 400, not ML Commons\' 500', async () => {
    t.transport.reply(uploading()).fail(500, mlError(500, 'm_l_exception', 'Chunk size either 0 or null'));
    // node:http, so the request really goes out chunked with no bytes (fetch may send a length).
    const res = await new Promise<{ status: number; json: () => Promise<{ message: string }> }>((resolve, reject) => {
      const req = http.request(`${t.host.url}${API}/models/m1/chunk/0`, { method: 'POST', headers: { ...octet, 'osd-xsrf': 'test', 'transfer-encoding': 'chunked' } }, (r) => {
        let text = '';
        r.on('data', (c) => (text += c));
        r.on('end', () => resolve({ status: r.statusCode as number, json: async () => JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect([res.status, (await res.json()).message]).toEqual([400, 'Chunk is empty']);
  });

  it('refuses a JSON body: chunks are raw bytes', async () => {
    const res = await t.call('POST', `${API}/models/m1/chunk/0`, { body: { data: 'x' } });
    expect(res.status).toBe(415);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('refuses raw bytes sent without a content type with 415, as OSD does (hapi takes them for JSON)', async () => {
    const res = await t.call('POST', `${API}/models/m1/chunk/0`, { raw: Buffer.from('zip') });
    expect(res.status).toBe(415);
    expect(t.transport.calls).toHaveLength(0);
  });

  it('validates the chunk number', async () => {
    for (const n of ['-1', 'x', '1.5', '400']) {
      const res = await t.call('POST', `${API}/models/m1/chunk/${n}`, { raw: Buffer.from('zip'), headers: octet });
      expect([n, res.status, res.body.message]).toEqual([n, 400, expect.stringContaining('[request params.chunkNumber]: ')]);
    }
    expect(t.transport.calls).toHaveLength(0);
  });

  it("passes ML Commons' chunk errors through", async () => {
    t.transport.reply(uploading()).fail(500, mlError(500, 'm_l_exception', 'Chunk number exceeds total chunks'));
    const res = await t.call('POST', `${API}/models/m1/chunk/8`, { raw: Buffer.from('zip'), headers: octet });
    expect(res.status).toBe(500);
    expect(res.body.message).toBe('Chunk number exceeds total chunks');
  });

  it('refuses a chunk for a model whose upload is over (it would replace part of a registered model) and sends no bytes', async () => {
    for (const state of ['REGISTERED', 'DEPLOYED', 'DEPLOY_FAILED']) {
      t.transport.reply({ name: 'm', model_state: state, total_chunks: 1 });
      const res = await t.call('POST', `${API}/models/m1/chunk/0`, { raw: Buffer.from('zip'), headers: octet });
      expect([state, res.status, res.body.message]).toEqual([state, 409, expect.stringContaining(`Model m1 is ${state}: chunks are taken only while its upload is under way`)]);
    }
    expect(t.transport.calls.map((c) => c.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('refuses a chunk number beyond the count the model was registered with', async () => {
    t.transport.reply(uploading(3));
    const res = await t.call('POST', `${API}/models/m1/chunk/3`, { raw: Buffer.from('zip'), headers: octet });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Chunk 3 is beyond the 3 chunks model m1 was registered with (numbered from 0)');
    expect(t.transport.calls).toHaveLength(1);
  });

  it('refuses the last chunk while an earlier one is missing (ML Commons would register the model incomplete) and sends no bytes', async () => {
    t.transport.reply(uploading(3)).reply({ hits: { total: { value: 1 }, hits: [{ _id: 'm1_1', _source: { chunk_number: 1 } }] } });
    const res = await t.call('POST', `${API}/models/m1/chunk/2`, { raw: Buffer.from('zip'), headers: octet });
    expect([res.status, res.body.message]).toEqual([409, expect.stringContaining('Chunk 2 is the last of model m1, and ML Commons registers the model when it arrives: send it after chunk 0 (1 missing)')]);
    expect(t.transport.calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', '/_plugins/_ml/models/m1'],
      ['POST', '/_plugins/_ml/models/_search'],
    ]);
    expect(t.transport.calls[1].body).toMatchObject({ query: { bool: { filter: [{ term: { model_id: 'm1' } }, { exists: { field: 'chunk_number' } }] } } });
  });

  it('sends the last chunk once every earlier one is stored', async () => {
    const chunks = [0, 1].map((n) => ({ _id: `m1_${n}`, _source: { chunk_number: n } }));
    t.transport.reply(uploading(3)).reply({ hits: { total: { value: 2 }, hits: chunks } }).reply({ status: 'Uploaded' });
    const res = await t.call('POST', `${API}/models/m1/chunk/2`, { raw: Buffer.from('zip'), headers: octet });
    expect([res.status, res.body]).toEqual([200, { status: 'Uploaded' }]);
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_plugins/_ml/models/m1', '/_plugins/_ml/models/_search', '/_plugins/_ml/models/m1/upload_chunk/2']);
  });

  it('refuses a chunk whose length is not its slice of the registered size, before sending it', async () => {
    const size = 2 * CHUNK_SIZE_BYTES + 5;
    for (const [n, bytes, expected] of [[0, 5, CHUNK_SIZE_BYTES], [2, 6, 5]] as const) {
      t.transport.reply({ ...uploading(3), model_content_size_in_bytes: size });
      const res = await t.call('POST', `${API}/models/m1/chunk/${n}`, { raw: Buffer.alloc(bytes), headers: octet });
      expect([res.status, res.body.message]).toEqual([400, `Chunk ${n} of model m1 must be ${expected} bytes (a zip of ${size} bytes in 3 chunks of ${CHUNK_SIZE_BYTES}), not ${bytes}`]);
    }
    expect(t.transport.calls.map((c) => c.method)).toEqual(['GET', 'GET']);
  });

  it("passes ML Commons' 404 through for an unknown model (it would have answered 500 to the chunk)", async () => {
    t.transport.fail(404, mlError(404, 'status_exception', 'Failed to find model'));
    const res = await t.call('POST', `${API}/models/nope/chunk/0`, { raw: Buffer.from('zip'), headers: octet });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Failed to find model');
    expect(t.transport.calls).toHaveLength(1);
  });
});
