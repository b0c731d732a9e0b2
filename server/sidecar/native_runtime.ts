import os from 'os';
import path from 'path';
import type { NativeZipLimit } from '../../common/types';
import type { Logger } from '../../types/osd';
import type { NativeConfig } from '../config';
import { ChunkAssembler } from './chunk_assembler';
import { ModelCache } from './model_cache';
import { SidecarClient } from './sidecar_client';

/** Everything native inference needs on the server side, built once per plugin from its config. */
export interface NativeRuntime {
  config: NativeConfig;
  cache: ModelCache;
  client: SidecarClient;
  uploads: ChunkAssembler;
  /** The largest zip taken into the cache, by inspect or by upload, and the setting that makes it so. */
  zipLimit: NativeZipLimit;
  stop(): Promise<void>;
}

export const NATIVE_DEFAULTS: NativeConfig = {
  enabled: true,
  cacheDir: undefined,
  cacheMaxBytes: 10 * 1024 * 1024 * 1024,
  maxZipBytes: 1024 * 1024 * 1024,
  workers: 1,
  intraOpThreads: 0,
  maxQueue: 64,
  requestTimeoutMs: 60000,
  maxLoadedModels: 4,
  maxBatchSize: 32,
};

const clampInt = (v: number, min: number, max: number) => Math.min(max, Math.max(min, Math.floor(v)));

export function createNativeRuntime(
  config: Partial<NativeConfig> | undefined,
  logger: Logger,
  extra: { dataDir?: string; entry?: string; backoffMs?: number; cancelGraceMs?: number } = {}
): NativeRuntime {
  const c: NativeConfig = { ...NATIVE_DEFAULTS, ...(config || {}) };
  const workers = clampInt(c.workers, 1, 16);
  const cpus = os.cpus().length || 1;
  const intra = c.intraOpThreads > 0 ? clampInt(c.intraOpThreads, 1, 64) : clampInt(cpus / workers, 1, 4);
  const dir = c.cacheDir || (extra.dataDir ? path.join(extra.dataDir, 'ml_models_native') : path.join(os.tmpdir(), 'osd-ml-models-native'));
  const cache = new ModelCache(dir, c.cacheMaxBytes);
  const client = new SidecarClient({
    logger,
    entry: extra.entry,
    backoffMs: extra.backoffMs,
    maxQueue: clampInt(c.maxQueue, 1, 100000),
    requestTimeoutMs: clampInt(c.requestTimeoutMs, 100, 3600000),
    settings: { workers, intraOpThreads: intra, maxLoadedModels: clampInt(c.maxLoadedModels, 1, 64), maxBatchSize: clampInt(c.maxBatchSize, 1, 1024), cancelGraceMs: extra.cancelGraceMs },
  });
  // A zip larger than the cache's cap would evict every other zip and still leave it over the cap.
  const zipLimit =
    c.cacheMaxBytes < c.maxZipBytes ? { bytes: c.cacheMaxBytes, setting: 'ml_models.native.cacheMaxBytes' } : { bytes: c.maxZipBytes, setting: 'ml_models.native.maxZipBytes' };
  const uploads = new ChunkAssembler(cache, logger, { maxZipBytes: zipLimit.bytes });
  // Best effort, in the background: leftovers of a server that was killed mid-upload.
  uploads.sweep().catch(() => undefined);
  return {
    config: c,
    cache,
    client,
    uploads,
    zipLimit,
    async stop() {
      await Promise.all([uploads.stop(), client.stop()]);
    },
  };
}
