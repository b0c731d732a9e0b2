import { createSHA256 } from 'hash-wasm';
import { blobSlices, throwIfAborted } from './blob_slices';

/** 8 MB slices: large enough that the per-call overhead vanishes, small enough to stay cheap. */
export const HASH_SLICE_BYTES = 8 * 1024 * 1024;

export interface HashProgress {
  bytesHashed: number;
  totalBytes: number;
}

/**
 * Lowercase hex SHA-256 of a whole file, streamed slice by slice through hash-wasm (the value ML
 * Commons compares at deploy, `model_content_hash_value`). Memory stays at about two slices.
 */
export async function sha256OfBlob(
  blob: Blob,
  opts: { sliceBytes?: number; signal?: AbortSignal; onProgress?: (p: HashProgress) => void } = {}
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  let bytesHashed = 0;
  opts.onProgress?.({ bytesHashed, totalBytes: blob.size });
  for await (const slice of blobSlices(blob, opts.sliceBytes || HASH_SLICE_BYTES, opts.signal)) {
    hasher.update(slice);
    bytesHashed += slice.length;
    opts.onProgress?.({ bytesHashed, totalBytes: blob.size });
  }
  throwIfAborted(opts.signal);
  return hasher.digest('hex');
}

/**
 * The hash of each File picked in this page's lifetime: picking the same file again (e.g. a retry
 * after a failed upload) does not read it a second time. Keyed weakly so files can be collected.
 */
const cache = new WeakMap<Blob, Promise<string>>();

export function cachedSha256(
  blob: Blob,
  opts: { signal?: AbortSignal; onProgress?: (p: HashProgress) => void } = {}
): Promise<string> {
  const hit = cache.get(blob);
  if (hit) {
    return hit.then((hash) => {
      opts.onProgress?.({ bytesHashed: blob.size, totalBytes: blob.size });
      return hash;
    });
  }
  const run = sha256OfBlob(blob, opts);
  cache.set(blob, run);
  // A cancelled or failed run must not be served to the next caller.
  run.catch(() => cache.delete(blob));
  return run;
}
