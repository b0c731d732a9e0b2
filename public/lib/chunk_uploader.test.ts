import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { httpError } from '../../test/mocks/public_http';
import { isTransientError } from '../apis/errors';
import { FILE_CHANGED } from './blob_slices';
import { ChunkUploader, UploadProgress } from './chunk_uploader';

/** A Blob of `size` bytes without allocating them: only size and slice() are used. */
function sizedBlob(size: number): Blob {
  return {
    size,
    type: '',
    slice: (start = 0, end = size) => ({ size: end - start, start, end } as unknown as Blob),
  } as unknown as Blob;
}

function setup(overrides: { send?: jest.Mock } = {}) {
  const sent: Array<{ n: number; start: number; end: number; size: number }> = [];
  const send =
    overrides.send ||
    jest.fn(async (n: number, bytes: Blob) => {
      const b = bytes as unknown as { start: number; end: number; size: number };
      sent.push({ n, start: b.start, end: b.end, size: b.size });
      return { status: 'Uploaded' };
    });
  const sleeps: number[] = [];
  const sleep = jest.fn(async (ms: number) => {
    sleeps.push(ms);
  });
  let clock = 0;
  const progress: UploadProgress[] = [];
  const uploader = new ChunkUploader({
    send,
    sleep,
    now: () => (clock += 1000),
    baseDelayMs: 500,
    onProgress: (p) => progress.push(p),
  });
  return { uploader, send, sent, sleeps, progress };
}

describe('ChunkUploader', () => {
  it('sends 0-based chunks of CHUNK_SIZE_BYTES in order, the short one last', async () => {
    const size = 2 * CHUNK_SIZE_BYTES + 1234;
    const { uploader, sent, progress } = setup();
    const res = await uploader.upload(sizedBlob(size), new AbortController().signal);
    expect(res.totalChunks).toBe(3);
    expect(sent).toEqual([
      { n: 0, start: 0, end: CHUNK_SIZE_BYTES, size: CHUNK_SIZE_BYTES },
      { n: 1, start: CHUNK_SIZE_BYTES, end: 2 * CHUNK_SIZE_BYTES, size: CHUNK_SIZE_BYTES },
      { n: 2, start: 2 * CHUNK_SIZE_BYTES, end: size, size: 1234 },
    ]);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ bytesSent: size, totalBytes: size, chunksDone: 3, totalChunks: 3, etaSeconds: 0 });
    expect(last.bytesPerSecond).toBeGreaterThan(0);
  });

  it('never sends a chunk before the previous one is acknowledged', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const send = jest.fn(async (_n: number) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
    });
    const { uploader } = setup({ send });
    await uploader.upload(sizedBlob(5 * CHUNK_SIZE_BYTES), new AbortController().signal);
    expect(send.mock.calls.map((c) => c[0])).toEqual([0, 1, 2, 3, 4]);
    expect(maxInFlight).toBe(1);
  });

  it('retries a chunk after a 5xx with exponential backoff, then goes on', async () => {
    let calls = 0;
    const send = jest.fn(async (n: number) => {
      calls++;
      if (n === 1 && calls <= 3) throw httpError(503, 'node is restarting');
    });
    const { uploader, sleeps, progress } = setup({ send });
    await uploader.upload(sizedBlob(2 * CHUNK_SIZE_BYTES), new AbortController().signal);
    expect(send.mock.calls.map((c) => c[0])).toEqual([0, 1, 1, 1]);
    expect(sleeps).toEqual([500, 1000]);
    expect(progress.filter((p) => p.retry).map((p) => p.retry)).toEqual([
      { chunkNumber: 1, attempt: 2, delayMs: 500, reason: 'node is restarting' },
      { chunkNumber: 1, attempt: 3, delayMs: 1000, reason: 'node is restarting' },
    ]);
  });

  it('stops at once, saying so, when the file changed on disk since it was picked (the browser refuses it as a network error)', async () => {
    const changed = {
      size: 10,
      slice: () => changed,
      arrayBuffer: () => Promise.reject(Object.assign(new Error('The requested file could not be read, typically due to permission problems'), { name: 'NotReadableError' })),
    } as unknown as Blob;
    const send = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const uploader = new ChunkUploader({ send, sleep: async () => undefined });
    await expect(uploader.upload(changed, new AbortController().signal)).rejects.toThrow(FILE_CHANGED);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after 6 attempts, about 30 s of waiting: long enough for a node to restart', async () => {
    const send = jest.fn(async () => {
      throw httpError(502, 'OpenSearch could not be reached: connect ECONNREFUSED');
    });
    const sleeps: number[] = [];
    const uploader = new ChunkUploader({ send, sleep: async (ms: number) => void sleeps.push(ms) });
    await expect(uploader.upload(sizedBlob(10), new AbortController().signal)).rejects.toMatchObject({ body: { statusCode: 502 } });
    expect(send).toHaveBeenCalledTimes(6);
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 15000]);
  });

  it('takes a 409 on a retried last chunk as done (its first attempt landed), and on any other chunk as a failure', async () => {
    const conflict = () => httpError(409, 'Model m1 is REGISTERED: chunks are taken only while its upload is under way (REGISTERING).');
    const lastLanded = jest.fn(async (n: number) => {
      if (n === 1 && lastLanded.mock.calls.filter(([k]) => k === 1).length === 1) throw httpError(502, 'Bad Gateway');
      if (n === 1) throw conflict();
      return { status: 'Uploaded' };
    });
    const a = setup({ send: lastLanded });
    await expect(a.uploader.upload(sizedBlob(CHUNK_SIZE_BYTES + 5), new AbortController().signal)).resolves.toEqual({ totalChunks: 2 });
    const first = jest.fn(async () => {
      throw conflict();
    });
    const b = setup({ send: first });
    await expect(b.uploader.upload(sizedBlob(CHUNK_SIZE_BYTES + 5), new AbortController().signal)).rejects.toMatchObject({ body: { statusCode: 409 } });
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('does not retry a 4xx', async () => {
    const send = jest.fn(async () => {
      throw httpError(400, 'To upload custom model from local file, user needs to enable allow_registering_model_via_local_file settings.');
    });
    const { uploader, sleeps } = setup({ send });
    await expect(uploader.upload(sizedBlob(10), new AbortController().signal)).rejects.toMatchObject({ body: { statusCode: 400 } });
    expect(send).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });

  it('retries network failures and 429, not aborts', () => {
    expect(isTransientError(new TypeError('Failed to fetch'))).toBe(true);
    expect(isTransientError(httpError(429, 'Request is throttled'))).toBe(true);
    expect(isTransientError(httpError(502, 'Bad Gateway'))).toBe(true);
    expect(isTransientError(httpError(413, 'Chunk is larger than 10000000 bytes'))).toBe(false);
    expect(isTransientError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(false);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const send = jest.fn(async (n: number) => {
      if (n === 1) controller.abort();
    });
    const { uploader } = setup({ send });
    await expect(uploader.upload(sizedBlob(4 * CHUNK_SIZE_BYTES), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
