import { randomBytes } from 'crypto';
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

describe('chunk upload', () => {
  it('streams the raw bytes unchanged to upload_chunk, declared as JSON upstream (core rejects octet-stream with 406)', async () => {
    const bytes = randomBytes(CHUNK_SIZE_BYTES);
    t.transport.reply({ status: 'Uploaded' });
    const res = await t.call('POST', `${API}/models/m1/chunk/3`, { raw: bytes, headers: octet });
    expect(res).toEqual({ status: 200, body: { status: 'Uploaded' } });
    const call = t.transport.calls[0];
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

  it('refuses a JSON body: chunks are raw bytes', async () => {
    const res = await t.call('POST', `${API}/models/m1/chunk/0`, { body: { data: 'x' } });
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
    t.transport.fail(500, mlError(500, 'm_l_exception', 'Chunk number exceeds total chunks'));
    const res = await t.call('POST', `${API}/models/m1/chunk/9`, { raw: Buffer.from('zip'), headers: octet });
    expect(res.status).toBe(500);
    expect(res.body.message).toBe('Chunk number exceeds total chunks');
  });
});
