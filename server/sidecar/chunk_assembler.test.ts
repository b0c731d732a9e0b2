import { mkdirSync, promises as fs, readdirSync, readFileSync, readlinkSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { createHash } from 'crypto';
import os from 'os';
import path from 'path';
import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { mlError, nodesAt } from '../../test/mocks/fake_transport';
import { silentLogger, startRouteTestHost } from '../../test/mocks/route_test_host';
import { ChunkAssembler } from './chunk_assembler';
import { ModelCache } from './model_cache';
import { createNativeRuntime } from './native_runtime';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

/** The register and chunk routes feed the assembler; the sidecar is never started here. */
describe('chunked uploads seen by this server land in the native cache', () => {
  const f = fixtures.loadFixture('tiny-bert');
  const zip = readFileSync(f.zipPath);
  const octet = { 'content-type': 'application/octet-stream' };
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-assembler-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  /** Files this process holds open under the cache directory. */
  const openUnder = (root: string) =>
    readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(root));

  /** Register meta and the one chunk a model under 10 MB has, through the real routes. */
  async function upload(hash: string, opts: { enabled?: boolean; chunkRefused?: boolean; beforeStop?: () => void } = {}) {
    const rt = createNativeRuntime({ cacheDir: dir, enabled: opts.enabled ?? true }, silentLogger);
    const t = await startRouteTestHost({ native: rt });
    try {
      t.transport.reply(nodesAt('2.19.6')).reply({ model_id: 'm1', status: 'CREATED' });
      const meta = await t.call('POST', '/api/ml-models/models/_register_meta', {
        body: {
          name: 'x',
          function_name: 'TEXT_EMBEDDING',
          model_format: 'ONNX',
          model_content_hash_value: hash,
          model_content_size_in_bytes: zip.length,
          total_chunks: 1,
          model_config: f.model_config,
        },
      });
      expect(meta.status).toBe(200);
      t.transport.reply({ name: 'm', model_state: 'REGISTERING', total_chunks: 1 });
      if (opts.chunkRefused) t.transport.fail(500, mlError(500, 'm_l_exception', 'Chunk size either 0 or null'));
      else t.transport.reply({ status: 'Uploaded' });
      const res = await t.call('POST', '/api/ml-models/models/m1/chunk/0', { raw: zip, headers: octet });
      expect(res.status).toBe(opts.chunkRefused ? 500 : 200);
      // What ML Commons received is untouched by the tap.
      expect(t.transport.calls[3].bytes!.equals(zip)).toBe(true);
      await rt.uploads.settled();
      // Whatever ML Commons answered, the copy's file is closed by now.
      expect(openUnder(dir)).toEqual([]);
      opts.beforeStop?.();
    } finally {
      await t.close();
      await rt.stop();
    }
    return rt;
  }

  /** Several chunks straight into the assembler (a zip over 10 MB would take that many). */
  async function direct(hash: string, chunks: Buffer[], total: number) {
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    rt.uploads.expect('m2', { model_content_hash_value: hash, model_content_size_in_bytes: zip.length, total_chunks: total, function_name: 'TEXT_EMBEDDING' });
    for (let n = 0; n < chunks.length; n++) {
      const tap = rt.uploads.tap('m2', n)!;
      await new Promise<void>((resolve) => {
        tap.stream.on('data', () => undefined).on('end', () => resolve());
        tap.stream.end(chunks[n]);
      });
      tap.done(true);
    }
    await rt.uploads.settled();
    await rt.stop();
    return rt;
  }

  const split = (parts: number) => {
    const size = Math.ceil(zip.length / parts);
    return Array.from({ length: parts }, (_x, i) => zip.subarray(i * size, (i + 1) * size));
  };

  /** Streams `bytes` through a chunk's tap, as accepted by ML Commons, and waits until it is kept. */
  async function feed(rt: { uploads: ChunkAssembler }, tap: NonNullable<ReturnType<ChunkAssembler['tap']>>, bytes: Buffer) {
    tap.stream.resume();
    tap.stream.end(bytes);
    await new Promise((r) => tap.stream.on('end', r));
    tap.done(true);
    await rt.uploads.settled();
  }

  it('caches the uploaded zip with its registered model_config when the hash matches', async () => {
    expect(zip.length).toBeLessThan(CHUNK_SIZE_BYTES);
    const rt = await upload(f.sha256);
    expect(readFileSync(rt.cache.zipPath(f.sha256)).equals(zip)).toBe(true);
    expect(await rt.cache.readMeta(f.sha256)).toEqual({ source: 'upload', function_name: 'TEXT_EMBEDDING', model_config: f.model_config });
  });

  it('keeps no copy, and no open file, of a chunk ML Commons refused', async () => {
    let kept: string[] = [];
    const rt = await upload(f.sha256, { chunkRefused: true, beforeStop: () => (kept = readdirSync(path.join(dir, 'assembling', 'm1'))) });
    expect(kept).toEqual([]);
    expect((await rt.cache.stats()).entries).toBe(0);
    // Stopping the runtime removed the followed upload's folder.
    expect(readdirSync(path.join(dir, 'assembling'))).toEqual([]);
  });

  it('copies nothing when native inference is disabled', async () => {
    const rt = await upload(f.sha256, { enabled: false });
    expect((await rt.cache.stats()).entries).toBe(0);
    expect(readdirSync(dir)).not.toContain('assembling');
  });

  it('caches nothing when the bytes do not match the registered hash', async () => {
    const rt = await upload('0'.repeat(64));
    expect((await rt.cache.stats()).entries).toBe(0);
  });

  it('assembles chunks in order, whatever order they arrive in', async () => {
    const parts = split(3);
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    rt.uploads.expect('m3', { model_content_hash_value: f.sha256, model_content_size_in_bytes: zip.length, total_chunks: 3 });
    for (const n of [2, 0, 1]) await feed(rt, rt.uploads.tap('m3', n)!, parts[n]);
    expect(readFileSync(rt.cache.zipPath(f.sha256)).equals(zip)).toBe(true);
  });

  it('a chunk sent twice at once (a retry while the first try still streams) still lets the zip be cached', async () => {
    const parts = split(2);
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    rt.uploads.expect('m7', { model_content_hash_value: f.sha256, model_content_size_in_bytes: zip.length, total_chunks: 2 });
    const first = rt.uploads.tap('m7', 0)!;
    const retry = rt.uploads.tap('m7', 0)!;
    first.stream.write(parts[0].subarray(0, 100));
    await feed(rt, retry, parts[0]);
    await feed(rt, first, parts[0].subarray(100));
    await feed(rt, rt.uploads.tap('m7', 1)!, parts[1]);
    expect(readFileSync(rt.cache.zipPath(f.sha256)).equals(zip)).toBe(true);
    await rt.stop();
  });

  it('caches nothing, and fails nothing, when a chunk went to another server', async () => {
    const rt = await direct(f.sha256, split(3).slice(0, 2), 3);
    expect((await rt.cache.stats()).entries).toBe(0);
    expect(rt.uploads.tap('unknown-model', 0)).toBeUndefined();
  });

  it('a full disk while the zip is rebuilt caches nothing and leaves the server running', async () => {
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    // Writes to /dev/full fail with ENOSPC, as on a full disk.
    const full = path.join(dir, 'full');
    symlinkSync('/dev/full', full);
    rt.cache.tmpFile = async () => full;
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    // The registered hash is the bytes' own: only the failed write may keep them out of the cache.
    rt.uploads.expect('m4', { model_content_hash_value: createHash('sha256').update(big).digest('hex'), model_content_size_in_bytes: big.length, total_chunks: 1 });
    await feed(rt, rt.uploads.tap('m4', 0)!, big);
    expect((await rt.cache.stats()).entries).toBe(0);
    expect(readdirSync(path.join(dir, 'assembling'))).toEqual([]);
    await rt.stop();
  });

  it('copies nothing of an upload larger than native inference takes (maxZipBytes)', async () => {
    const rt = createNativeRuntime({ cacheDir: dir, maxZipBytes: zip.length - 1 }, silentLogger);
    rt.uploads.expect('m5', { model_content_hash_value: f.sha256, model_content_size_in_bytes: zip.length, total_chunks: 1 });
    expect(rt.uploads.tap('m5', 0)).toBeUndefined();
    await rt.stop();
  });

  it('drops the chunk copies of an upload whose model is deleted (a cancel or a cleanup), through the delete route', async () => {
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    const t = await startRouteTestHost({ native: rt });
    try {
      t.transport.reply(nodesAt('2.19.6')).reply({ model_id: 'm6', status: 'CREATED' });
      const body = { name: 'x', function_name: 'TEXT_EMBEDDING', model_format: 'ONNX', model_content_hash_value: f.sha256, model_content_size_in_bytes: 25000000, total_chunks: 3, model_config: f.model_config };
      expect((await t.call('POST', '/api/ml-models/models/_register_meta', { body })).status).toBe(200);
      t.transport.reply({ name: 'm', model_state: 'REGISTERING', total_chunks: 3 }).reply({ status: 'Uploaded' });
      expect((await t.call('POST', '/api/ml-models/models/m6/chunk/0', { raw: zip, headers: octet })).status).toBe(200);
      await rt.uploads.settled();
      expect(readdirSync(path.join(dir, 'assembling', 'm6'))).toEqual(['0.part']);
      t.transport.reply({ result: 'deleted' });
      expect((await t.call('DELETE', '/api/ml-models/models/m6')).status).toBe(200);
      await rt.uploads.settled();
      expect(readdirSync(path.join(dir, 'assembling'))).toEqual([]);
    } finally {
      await t.close();
      await rt.stop();
    }
  });

  /** _register_meta through the real route, the cluster answering `reply`. */
  async function registerWith(rt: ReturnType<typeof createNativeRuntime>, reply: unknown) {
    const t = await startRouteTestHost({ native: rt });
    try {
      t.transport.reply(nodesAt('2.19.6')).reply(reply);
      const body = { name: 'x', function_name: 'TEXT_EMBEDDING', model_format: 'ONNX', model_content_hash_value: f.sha256, model_content_size_in_bytes: zip.length, total_chunks: 1, model_config: f.model_config };
      return await t.call('POST', '/api/ml-models/models/_register_meta', { body });
    } finally {
      await t.close();
    }
  }

  it('a model_id from the cluster that is a path ("../../victim") is not followed: no folder outside the cache is removed', async () => {
    const victim = path.join(dir, 'victim');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'keep'), 'x');
    const rt = createNativeRuntime({ cacheDir: path.join(dir, 'cache') }, silentLogger);
    const res = await registerWith(rt, { model_id: '../../victim', status: 'CREATED' });
    expect(res.status).toBe(200);
    // Registering the same id again, and stopping, remove a followed upload's folder.
    await registerWith(rt, { model_id: '../../victim', status: 'CREATED' });
    await rt.stop();
    expect(readdirSync(victim)).toEqual(['keep']);
  });

  it.each([[{ nested: 'x' }], [42]])('a model_id from the cluster that is no string (%j) still answers the registration as the cluster did', async (modelId) => {
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    const res = await registerWith(rt, { model_id: modelId, status: 'CREATED' });
    await rt.stop();
    expect([res.status, res.body]).toEqual([200, { model_id: modelId, status: 'CREATED' }]);
  });

  it('when 16 uploads are followed, a new one makes room by dropping the one idle the longest (registrations that never sent a chunk cannot turn copying off)', async () => {
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    const meta = { model_content_hash_value: f.sha256, model_content_size_in_bytes: zip.length, total_chunks: 1 };
    for (let i = 0; i < 16; i++) rt.uploads.expect(`idle${i}`, meta);
    // idle0 took a chunk last, so idle1 has been idle the longest.
    await new Promise((r) => setTimeout(r, 5));
    const started = rt.uploads.tap('idle0', 0)!;
    started.stream.destroy();
    started.done(false);
    rt.uploads.expect('fresh', meta);
    expect(rt.uploads.tap('idle1', 0)).toBeUndefined();
    await feed(rt, rt.uploads.tap('fresh', 0)!, zip);
    expect(readFileSync(rt.cache.zipPath(f.sha256)).equals(zip)).toBe(true);
    await rt.stop();
  });

  it('an upload still sending chunks is kept past its timeout, which counts from its last chunk; one idle that long is dropped', async () => {
    const uploads = new ChunkAssembler(new ModelCache(dir, 1e9), silentLogger, { ttlMs: 400 });
    const meta = { model_content_hash_value: f.sha256, model_content_size_in_bytes: zip.length, total_chunks: 3 };
    uploads.expect('slow', meta);
    uploads.expect('idle', meta);
    const parts = split(3);
    // A chunk every 250 ms: the last one arrives well after 400 ms.
    for (let n = 0; n < 3; n++) {
      if (n > 0) await new Promise((r) => setTimeout(r, 250));
      const tap = uploads.tap('slow', n);
      expect([n, tap !== undefined]).toEqual([n, true]);
      await feed({ uploads }, tap!, parts[n]);
    }
    expect(readFileSync(path.join(dir, 'zips', `${f.sha256}.zip`)).equals(zip)).toBe(true);
    expect(uploads.tap('idle', 0)).toBeUndefined();
    await uploads.stop();
  });

  it("clears what a killed server left behind (older than an upload may live), at start, and nothing newer", async () => {
    const old = (p: string) => utimesSync(p, new Date(Date.now() - 3 * 3600 * 1000), new Date(Date.now() - 3 * 3600 * 1000));
    mkdirSync(path.join(dir, 'assembling', 'dead'), { recursive: true });
    writeFileSync(path.join(dir, 'assembling', 'dead', '0.part'), 'x');
    old(path.join(dir, 'assembling', 'dead'));
    mkdirSync(path.join(dir, 'assembling', 'live'), { recursive: true });
    mkdirSync(path.join(dir, 'tmp'), { recursive: true });
    writeFileSync(path.join(dir, 'tmp', 'assembled-1-dead'), 'x');
    old(path.join(dir, 'tmp', 'assembled-1-dead'));
    writeFileSync(path.join(dir, 'tmp', 'upload-2-live'), 'x');
    const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
    await rt.uploads.settled();
    expect(readdirSync(path.join(dir, 'assembling'))).toEqual(['live']);
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual(['upload-2-live']);
    await rt.stop();
  });
});
