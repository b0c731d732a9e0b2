import { createHash, randomBytes } from 'crypto';
import { createWriteStream, promises as fs } from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import type { FunctionName } from '../../common/ml_commons';
import { zipTooLargeMessage } from '../../common/native';
import type { ModelConfig } from '../../common/types';
import { abandonedBody } from '../lib/errors';
import { NativeError } from './native_error';

/** What is known about a cached zip besides its bytes. */
export interface CachedMeta {
  source: 'inspect' | 'upload';
  function_name?: FunctionName;
  model_config?: ModelConfig;
  /**
   * Users (as the Security plugin names them) who sent these bytes through this server, by
   * inspect or chunk upload. With security on, only they, and users the cluster shows a model
   * with this hash, can list or run the zip natively.
   */
  owners?: string[];
}

/** Last-use times are written to disk at most this often per zip (mtime drives eviction). */
const TOUCH_EVERY_MS = 60000;

/**
 * Model zips on disk, named by the SHA-256 of their bytes, so a zip is stored once whatever its
 * file name, and a hash match is a content match. The total size is capped; the least recently
 * used zips (by mtime, refreshed on use) go first. Writes land in tmp/ and are renamed in, so a
 * half-written zip is never visible under its hash.
 */
export class ModelCache {
  /** When each zip's mtime was last refreshed on disk (throttled to TOUCH_EVERY_MS). */
  private readonly touched = new Map<string, number>();
  /** When each zip was last used by this process: finer than the throttled mtime, for eviction. */
  private readonly lastUsed = new Map<string, number>();
  /** Zips a running or waiting job uses, with how many: never evicted. */
  private readonly pins = new Map<string, number>();
  private readonly metas = new Map<string, CachedMeta | null>();

  constructor(readonly dir: string, readonly maxBytes: number) {}

  zipPath(sha256: string) {
    return path.join(this.dir, 'zips', `${sha256}.zip`);
  }

  private metaPath(sha256: string) {
    return path.join(this.dir, 'zips', `${sha256}.json`);
  }

  async tmpFile(prefix: string): Promise<string> {
    try {
      await fs.mkdir(path.join(this.dir, 'tmp'), { recursive: true });
    } catch (err) {
      throw this.unwritable(err);
    }
    return path.join(this.dir, 'tmp', `${prefix}-${process.pid}-${randomBytes(6).toString('hex')}`);
  }

  /** A file-system failure of the cache folder, said as a setting to fix, not as a stack. */
  private unwritable(err: unknown): Error {
    const code = (err as NodeJS.ErrnoException)?.code;
    if (!code || !['ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST'].includes(code)) return err as Error;
    return new NativeError(
      code === 'ENOSPC' ? 507 : 500,
      'cache_unwritable',
      `The native model cache cannot be written (${code} under ${this.dir}): set ml_models.native.cacheDir to a writable folder with room for the zips`
    );
  }

  async has(sha256: string): Promise<boolean> {
    const now = Date.now();
    // Used within the last minute and not removed since (removal forgets it): no disk access on
    // the predict path.
    if (now - (this.touched.get(sha256) || 0) <= TOUCH_EVERY_MS) {
      this.lastUsed.set(sha256, now);
      return true;
    }
    try {
      await fs.access(this.zipPath(sha256));
    } catch {
      return false;
    }
    this.touched.set(sha256, now);
    this.lastUsed.set(sha256, now);
    const t = new Date(now);
    await fs.utimes(this.zipPath(sha256), t, t).catch(() => undefined);
    return true;
  }

  /**
   * Streams a request body to disk while hashing it; refuses more than `maxBytes` with 413, naming
   * `setting` as what to change. Returns the hash and whether the zip was already cached.
   */
  async storeStream(body: Readable, maxBytes: number, setting = 'ml_models.native.maxZipBytes'): Promise<{ sha256: string; size: number; path: string; existed: boolean }> {
    // Heard from the start: a client gone before the temp file exists would otherwise leave this
    // waiting forever on a stream that neither ends nor errors again (and the file open).
    let early: unknown;
    const onEarly = (err: unknown) => (early = err);
    body.on('error', onEarly);
    let tmp: string;
    try {
      tmp = await this.tmpFile('upload');
    } catch (err) {
      body.resume(); // read to the end, so the client gets the answer rather than a reset
      throw err;
    }
    const gone = early ?? abandonedBody(body);
    if (gone !== undefined) {
      await fs.rm(tmp, { force: true });
      throw gone;
    }
    body.off('error', onEarly);
    const hash = createHash('sha256');
    let size = 0;
    const out = createWriteStream(tmp);
    try {
      await new Promise<void>((resolve, reject) => {
        body.on('error', reject);
        out.on('error', reject);
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            body.unpipe(out);
            body.resume();
            reject(new NativeError(413, 'zip_too_large', zipTooLargeMessage({ bytes: maxBytes, setting })));
            return;
          }
          hash.update(chunk);
        });
        body.pipe(out);
        out.on('finish', () => resolve());
      });
    } catch (err) {
      out.destroy();
      body.unpipe(out);
      body.resume();
      await fs.rm(tmp, { force: true });
      throw this.unwritable(err);
    }
    if (size === 0) {
      await fs.rm(tmp, { force: true });
      throw new NativeError(400, 'empty_body', 'The file is empty (0 bytes): send the bytes of a model zip');
    }
    const sha256 = hash.digest('hex');
    const existed = await this.adopt(tmp, sha256);
    return { sha256, size, path: this.zipPath(sha256), existed };
  }

  /**
   * Moves a finished file in under its hash (the caller vouches for the hash). If that fails the
   * file is removed too: it is as large as the zip, and only the sweep at the next start (of files
   * over 2 h old) would clear tmp/ otherwise.
   */
  async adopt(file: string, sha256: string): Promise<boolean> {
    const target = this.zipPath(sha256);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Asked of the disk, not of the last minute's record: a zip removed by hand (or by a temp
      // cleaner) must be replaced by this copy, not this copy dropped for one that is gone.
      this.touched.delete(sha256);
      const existed = await this.has(sha256);
      if (existed) await fs.rm(file, { force: true });
      else await fs.rename(file, target);
      await this.evict(sha256);
      return existed;
    } catch (err) {
      // The temp name only: once renamed, the file is the cached zip, complete and correct.
      await fs.rm(file, { force: true }).catch(() => undefined);
      throw this.unwritable(err);
    }
  }

  /**
   * Keeps `sha256` out of eviction until the returned function is called: a job queued for the
   * sidecar must still find its zip when a worker gets to it.
   */
  pin(sha256: string): () => void {
    this.pins.set(sha256, (this.pins.get(sha256) || 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.pins.get(sha256) || 1) - 1;
      if (n > 0) this.pins.set(sha256, n);
      else this.pins.delete(sha256);
    };
  }

  /** Removes the zip unless a job pins it (then whoever pinned it still needs it); says which. */
  async removeUnlessPinned(sha256: string): Promise<boolean> {
    if (this.pins.has(sha256)) return false;
    await this.remove(sha256);
    return true;
  }

  async remove(sha256: string) {
    this.metas.delete(sha256);
    this.touched.delete(sha256);
    this.lastUsed.delete(sha256);
    await fs.rm(this.zipPath(sha256), { force: true });
    await fs.rm(this.metaPath(sha256), { force: true });
  }

  async readMeta(sha256: string): Promise<CachedMeta | undefined> {
    if (!this.metas.has(sha256)) {
      const text = await fs.readFile(this.metaPath(sha256), 'utf8').catch(() => undefined);
      let meta: CachedMeta | null = null;
      try {
        meta = text ? (JSON.parse(text) as CachedMeta) : null;
      } catch {
        meta = null;
      }
      this.metas.set(sha256, meta);
    }
    return this.metas.get(sha256) || undefined;
  }

  /** A registered config (from an upload) outranks a suggested one (from inspect); owners add up. */
  async writeMeta(sha256: string, meta: CachedMeta) {
    const old = await this.readMeta(sha256);
    // '' is a user without a name (current_user.ts): it owns nothing, or every nameless user would share it.
    const owners = Array.from(new Set([...(old?.owners ?? []), ...(meta.owners ?? [])])).filter((o) => o !== '');
    const next: CachedMeta = old?.source === 'upload' && meta.source === 'inspect' ? { ...old } : { ...meta };
    if (owners.length) next.owners = owners;
    else delete next.owners;
    await fs.mkdir(path.dirname(this.metaPath(sha256)), { recursive: true });
    await fs.writeFile(this.metaPath(sha256), JSON.stringify(next));
    this.metas.set(sha256, next);
  }

  private async list(): Promise<Array<{ sha256: string; size: number; mtimeMs: number }>> {
    const dir = path.join(this.dir, 'zips');
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    const out = [];
    for (const name of names) {
      const m = /^([0-9a-f]{64})\.zip$/.exec(name);
      if (!m) continue;
      const st = await fs.stat(path.join(dir, name)).catch(() => undefined);
      if (st) out.push({ sha256: m[1], size: st.size, mtimeMs: Math.max(st.mtimeMs, this.lastUsed.get(m[1]) || 0) });
    }
    return out;
  }

  /**
   * Least recently used out until the cap holds; `keep` (just stored) and pinned zips are never
   * evicted (the cap may be exceeded until they are released and something else is stored).
   */
  async evict(keep?: string) {
    const all = (await this.list()).sort((a, b) => a.mtimeMs - b.mtimeMs);
    let total = all.reduce((s, e) => s + e.size, 0);
    for (const e of all) {
      if (total <= this.maxBytes) break;
      if (e.sha256 === keep || this.pins.has(e.sha256)) continue;
      await this.remove(e.sha256);
      total -= e.size;
    }
  }

  /** Every cached zip with what is known about it, most recently used first. */
  async entries(): Promise<Array<{ sha256: string; size: number; lastUsed: Date; meta?: CachedMeta }>> {
    const all = (await this.list()).sort((a, b) => b.mtimeMs - a.mtimeMs);
    return Promise.all(all.map(async (e) => ({ sha256: e.sha256, size: e.size, lastUsed: new Date(e.mtimeMs), meta: await this.readMeta(e.sha256) })));
  }

  async stats(): Promise<{ bytes: number; entries: number }> {
    const all = await this.list();
    return { bytes: all.reduce((s, e) => s + e.size, 0), entries: all.length };
  }
}
