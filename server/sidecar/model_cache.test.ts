import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { PassThrough, Readable } from 'stream';
import { ModelCache } from './model_cache';

/** Stores `size` bytes of `fill` and returns its hash. */
async function store(cache: ModelCache, fill: number, size = 1000): Promise<string> {
  return (await cache.storeStream(Readable.from([Buffer.alloc(size, fill)]), 1e6)).sha256;
}
const cached = async (cache: ModelCache) => (await cache.entries()).map((e) => e.sha256).sort();

describe('the native zip cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-cache-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('keeps the total under its cap by evicting the least recently used zip', async () => {
    const cache = new ModelCache(dir, 2500);
    const a = await store(cache, 1);
    const b = await store(cache, 2);
    const c = await store(cache, 3);
    expect(await cached(cache)).toEqual([b, c].sort());
    expect((await cache.stats()).bytes).toBe(2000);
    expect(a).not.toBe(b);
  });

  it('stores a zip again when its file was removed by hand within the minute it was used (not dropped for one that is gone)', async () => {
    const cache = new ModelCache(dir, 1e6);
    const a = await store(cache, 1);
    expect(await cache.has(a)).toBe(true);
    await fs.rm(cache.zipPath(a));
    const again = await cache.storeStream(Readable.from([Buffer.alloc(1000, 1)]), 1e6);
    expect(again).toMatchObject({ sha256: a, existed: false });
    expect((await fs.stat(cache.zipPath(a))).size).toBe(1000);
  });

  it('answers, and keeps no temp file, when the client went away before the temp file existed', async () => {
    const cache = new ModelCache(dir, 1e6);
    const body = new PassThrough();
    body.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    const settled = await Promise.race([
      cache.storeStream(body, 1e6).then(
        () => 'stored',
        (e: Error) => e.message
      ),
      new Promise((r) => setTimeout(() => r('still waiting'), 3000)),
    ]);
    expect(settled).toBe('aborted');
    expect(await fs.readdir(path.join(dir, 'tmp')).catch(() => [])).toEqual([]);
  });

  it('refuses an empty file in words a user picking it understands', async () => {
    const cache = new ModelCache(dir, 1e6);
    await expect(cache.storeStream(Readable.from([]), 1e6)).rejects.toMatchObject({ statusCode: 400, code: 'empty_body', message: 'The file is empty (0 bytes): send the bytes of a model zip' });
  });

  it('orders by last use within the minute its file time is not refreshed', async () => {
    const cache = new ModelCache(dir, 2500);
    const a = await store(cache, 1);
    expect(await cache.has(a)).toBe(true); // refreshes a's file time
    const b = await store(cache, 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(await cache.has(a)).toBe(true); // within the minute: no disk write, but a is now the latest used
    const c = await store(cache, 3);
    expect(await cached(cache)).toEqual([a, c].sort());
    expect(await cache.has(b)).toBe(false);
  });

  it('says which setting to fix when its folder cannot be written, and reads the body to its end', async () => {
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, 'x');
    const cache = new ModelCache(path.join(file, 'cache'), 1e6);
    const body = Readable.from([Buffer.alloc(10, 1)]);
    const err = await cache.storeStream(body, 1e6).catch((e) => e);
    expect({ status: err.statusCode, code: err.code }).toEqual({ status: 500, code: 'cache_unwritable' });
    expect(err.message).toMatch(/^The native model cache cannot be written \(ENOTDIR under .*\): set ml_models\.native\.cacheDir/);
    await new Promise((r) => setImmediate(r));
    expect(body.readableEnded).toBe(true);
  });

  describe('a zip that cannot be moved in leaves no temp file behind', () => {
    afterEach(() => jest.restoreAllMocks());
    const tmpFiles = () => fs.readdir(path.join(dir, 'tmp'));

    it('when its folder cannot be made', async () => {
      const cache = new ModelCache(dir, 1e6);
      await fs.writeFile(path.join(dir, 'zips'), 'a file where the folder goes');
      const err = await store(cache, 1).catch((e) => e);
      expect(await tmpFiles()).toEqual([]);
      expect([err.statusCode, err.code]).toEqual([500, 'cache_unwritable']);
    });

    it('when the rename fails', async () => {
      const cache = new ModelCache(dir, 1e6);
      jest.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
      const err = await store(cache, 1).catch((e) => e);
      expect(await tmpFiles()).toEqual([]);
      expect([err.statusCode, err.code]).toEqual([500, 'cache_unwritable']);
      expect(await cached(cache)).toEqual([]);
    });

    it('and a failure once the zip is in place (evicting others) leaves the zip', async () => {
      const cache = new ModelCache(dir, 1e6);
      jest.spyOn(cache, 'evict').mockRejectedValueOnce(new Error('EIO: i/o error'));
      const err = await store(cache, 1).catch((e) => e);
      expect(err.message).toBe('EIO: i/o error');
      expect(await tmpFiles()).toEqual([]);
      expect(await cached(cache)).toHaveLength(1);
      expect((await cache.entries())[0].size).toBe(1000);
    });
  });

  it('never evicts a zip a job is using; it goes once released and something else is stored', async () => {
    const cache = new ModelCache(dir, 1500);
    const a = await store(cache, 1);
    const release = cache.pin(a);
    const b = await store(cache, 2);
    expect(await cached(cache)).toEqual([a, b].sort());
    release();
    release(); // twice is harmless
    const c = await store(cache, 3);
    expect(await cached(cache)).toEqual([c]);
  });
});
