import { createHash } from 'crypto';
import { createReadStream, createWriteStream, mkdirSync, promises as fs, WriteStream } from 'fs';
import path from 'path';
import { Transform, TransformCallback } from 'stream';
import { pipeline } from 'stream/promises';
import { ID_PATTERN } from '../../common/constants';
import type { FunctionName } from '../../common/ml_commons';
import type { ModelConfig } from '../../common/types';
import type { Logger } from '../../types/osd';
import type { ModelCache } from './model_cache';

/** How long an upload's chunk copies wait for its next chunk (an idle timeout, not a lifetime). */
const UPLOAD_TTL_MS = 2 * 3600 * 1000;

/** What `_register_meta` declared for a chunked upload. */
export interface ExpectedUpload {
  model_content_hash_value: string;
  model_content_size_in_bytes: number;
  total_chunks: number;
  function_name?: FunctionName;
  model_config?: ModelConfig;
  /** Who registered it (see current_user.ts); becomes an owner of the cached zip. */
  owner?: string;
}

/** The hooks the register and chunk routes call; both are optional there. */
export interface UploadObserver {
  /** `modelId` is what the cluster answered, unchecked: an implementation must not trust it. */
  expect(modelId: string, meta: ExpectedUpload): void;
  /** A pass-through for one chunk's bytes; `done(true)` once ML Commons accepted the chunk. */
  tap(modelId: string, chunkNumber: number): { stream: Transform; done(accepted: boolean): void } | undefined;
  /** The model was deleted (an upload cancelled or failed, or cleaned up): its chunk copies go. */
  forget(modelId: string): void;
}

interface Upload extends ExpectedUpload {
  dir: string;
  received: Set<number>;
  timer: NodeJS.Timeout;
  /** When it was registered or last took a chunk. */
  activeAt: number;
}

/**
 * Best effort: when every chunk of an upload passes through this Dashboards server, the zip is
 * rebuilt from copies of the chunks and added to the native cache if its SHA-256 and size match
 * what was registered. Chunks that went to another instance, a restart, or any error just mean
 * nothing is cached; the user's upload is never slowed by more than a memory copy nor failed.
 */
export class ChunkAssembler implements UploadObserver {
  private readonly uploads = new Map<string, Upload>();
  /** Chunk copies still being closed, kept or assembled. */
  private readonly pending = new Set<Promise<void>>();
  private taps = 0;

  constructor(private readonly cache: ModelCache, private readonly logger: Logger, private readonly opts: { ttlMs?: number; maxUploads?: number; maxZipBytes?: number } = {}) {}

  expect(modelId: string, meta: ExpectedUpload) {
    // The id comes from the cluster's reply (a data source's cluster is anyone's), and becomes a
    // folder this class later deletes: "../x" would be a folder outside the cache, a non-string a
    // throw that turned the registration's 200 into a 500. Such an upload is just not followed.
    if (typeof modelId !== 'string' || !ID_PATTERN.test(modelId)) {
      this.logger.warn(`native cache: not copying an upload whose model_id is not an id (${String(JSON.stringify(modelId)).slice(0, 100)})`);
      return;
    }
    // A zip inspect would refuse, or one the cache cannot hold, is not copied (it takes twice its size while rebuilt).
    if (this.opts.maxZipBytes !== undefined && meta.model_content_size_in_bytes > this.opts.maxZipBytes) return;
    this.drop(modelId);
    // Full: the upload idle the longest makes room. Refusing new ones instead let registrations
    // that never sent a chunk turn copying off for everyone until they expired (2 h).
    if (this.uploads.size >= (this.opts.maxUploads ?? 16)) {
      const idlest = Array.from(this.uploads.entries()).reduce((a, b) => (b[1].activeAt < a[1].activeAt ? b : a));
      this.drop(idlest[0]);
    }
    const dir = path.join(this.cache.dir, 'assembling', modelId);
    const timer = setTimeout(() => this.drop(modelId), this.opts.ttlMs ?? UPLOAD_TTL_MS);
    timer.unref?.();
    this.uploads.set(modelId, { ...meta, dir, received: new Set(), timer, activeAt: Date.now() });
  }

  forget(modelId: string) {
    this.drop(modelId);
  }

  tap(modelId: string, chunkNumber: number) {
    const upload = this.uploads.get(modelId);
    if (!upload || chunkNumber >= upload.total_chunks) return undefined;
    this.touch(upload);
    // The copy goes straight to disk as it passes, so the server never holds a chunk in memory.
    const part = path.join(upload.dir, `${chunkNumber}.part`);
    // Its own temp name: a chunk the browser retried while the first try still streams must not
    // interleave with it in one file (each try renames a whole copy into place).
    const partial = `${part}.${++this.taps}.tmp`;
    let file: WriteStream | undefined;
    let failed = false;
    try {
      mkdirSync(upload.dir, { recursive: true });
      file = createWriteStream(partial);
      file.on('error', () => {
        failed = true;
      });
    } catch {
      failed = true;
    }
    const stream = new Transform({
      transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
        if (!failed) file?.write(chunk);
        cb(null, chunk);
      },
    });
    return {
      stream,
      done: (accepted: boolean) => {
        const finish = async () => {
          if (!accepted || failed) {
            await fs.rm(partial, { force: true });
            return;
          }
          await fs.rename(partial, part);
          // Idle from here, not from when the chunk began: a slow chunk must not eat the timeout.
          if (this.uploads.get(modelId) === upload) this.touch(upload);
          await this.received(modelId, upload, chunkNumber);
        };
        const closed = file ? new Promise<void>((resolve) => file!.end(() => resolve())) : Promise.resolve();
        const work = closed.then(finish).catch((err) => {
          this.logger.debug(`native cache: chunk ${chunkNumber} of ${modelId} not kept (${(err as Error).message})`);
          this.drop(modelId);
        });
        this.track(work);
      },
    };
  }

  /**
   * Restarts the upload's timeout: a 4 GB zip sent below ~0.5 MB/s is still sending chunks after
   * 2 h, and a fixed lifetime dropped it. Only for a followed upload: a cleared timer refreshed
   * would fire again, and drop whichever upload then has that id.
   */
  private touch(upload: Upload) {
    upload.activeAt = Date.now();
    upload.timer.refresh();
  }

  private async received(modelId: string, upload: Upload, n: number) {
    upload.received.add(n);
    if (upload.received.size === upload.total_chunks && this.uploads.get(modelId) === upload) {
      this.uploads.delete(modelId);
      clearTimeout(upload.timer);
      await this.assemble(modelId, upload).finally(() => this.removeDir(upload.dir));
    }
  }

  private async assemble(modelId: string, upload: Upload) {
    const tmp = await this.cache.tmpFile('assembled');
    const hash = createHash('sha256');
    let size = 0;
    async function* parts() {
      for (let n = 0; n < upload.total_chunks; n++) {
        for await (const chunk of createReadStream(path.join(upload.dir, `${n}.part`))) {
          hash.update(chunk as Buffer);
          size += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
      }
    }
    try {
      // pipeline: a write error (a full disk) rejects here instead of being an unhandled 'error'
      // event, which would end the Dashboards process, or a truncated zip cached as complete.
      await pipeline(parts(), createWriteStream(tmp));
      const sha = hash.digest('hex');
      if (sha !== upload.model_content_hash_value || size !== upload.model_content_size_in_bytes) {
        this.logger.debug(`native cache: upload ${modelId} does not match its registered hash/size; not cached`);
        await fs.rm(tmp, { force: true });
        return;
      }
      // Meta first: a zip that shows up in the cache always comes with its registered config.
      await this.cache.writeMeta(sha, {
        source: 'upload',
        function_name: upload.function_name,
        model_config: upload.model_config,
        owners: upload.owner === undefined ? undefined : [upload.owner],
      });
      await this.cache.adopt(tmp, sha);
      this.logger.debug(`native cache: ${modelId} cached as ${sha}`);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  private drop(modelId: string) {
    const upload = this.uploads.get(modelId);
    if (!upload) return;
    this.uploads.delete(modelId);
    clearTimeout(upload.timer);
    this.track(this.removeDir(upload.dir).catch(() => undefined));
  }

  /** Removes an upload's folder, and only if it is one: a folder right under <cache>/assembling/. */
  private async removeDir(dir: string) {
    const root = path.resolve(this.cache.dir, 'assembling');
    if (path.dirname(path.resolve(dir)) !== root) {
      this.logger.warn(`native cache: not removing ${dir}, which is not an upload's folder under ${root}`);
      return;
    }
    await fs.rm(dir, { recursive: true, force: true });
  }

  private track(work: Promise<void>) {
    this.pending.add(work);
    work.finally(() => this.pending.delete(work));
  }

  /**
   * Removes what a killed server left behind: chunk copies and half-rebuilt zips older than an
   * upload may live (`ttlMs`). Nothing else writes there, and nothing that old is still in use.
   */
  sweep(now = Date.now()): Promise<void> {
    const maxAge = this.opts.ttlMs ?? UPLOAD_TTL_MS;
    const sweepDir = async (dir: string) => {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const p = path.join(dir, name);
        const st = await fs.stat(p).catch(() => undefined);
        if (st && now - st.mtimeMs > maxAge) await fs.rm(p, { recursive: true, force: true }).catch(() => undefined);
      }
    };
    const work = Promise.all([sweepDir(path.join(this.cache.dir, 'assembling')), sweepDir(path.join(this.cache.dir, 'tmp'))]).then(() => undefined);
    this.track(work);
    return work;
  }

  /** Resolves once every chunk handed over so far is kept or dropped (a completed zip cached), dropped uploads' copies are gone, and a running sweep is done. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all(Array.from(this.pending));
  }

  /** Drops every followed upload; resolves once their copies are removed from disk. */
  stop(): Promise<void> {
    for (const id of Array.from(this.uploads.keys())) this.drop(id);
    return this.settled();
  }
}
