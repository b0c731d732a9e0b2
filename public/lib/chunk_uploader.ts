import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { chunkCount, chunkRange } from '../../common/upload';
import { errorMessage, errorStatus, isTransientError } from '../apis/errors';
import { readBlob, throwIfAborted } from './blob_slices';
import { defaultSleep, Sleep } from './sleep';

/** Sends one chunk; rejects with the HTTP error (`body.statusCode`) or a network error. */
export type SendChunk = (chunkNumber: number, bytes: Blob, signal: AbortSignal) => Promise<unknown>;

export interface UploadProgress {
  bytesSent: number;
  totalBytes: number;
  /** Chunks fully acknowledged by the server. */
  chunksDone: number;
  totalChunks: number;
  /** Average over the upload so far; 0 until the first chunk is done. */
  bytesPerSecond: number;
  /** Seconds left at that rate; undefined until it is known. */
  etaSeconds?: number;
  /** Set while waiting to retry a chunk. */
  retry?: { chunkNumber: number; attempt: number; delayMs: number; reason: string };
}

export interface ChunkUploaderOptions {
  send: SendChunk;
  sleep?: Sleep;
  now?: () => number;
  /** Attempts per chunk, the first one included. */
  maxAttempts?: number;
  /** Delay before the 2nd attempt; doubles for each further one. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onProgress?: (p: UploadProgress) => void;
}



/**
 * Uploads a file as ML Commons' 0-based chunks, one at a time and in order: the last chunk
 * finalises the model (REGISTERING -> REGISTERED), so it must arrive last, and the server keeps
 * no state between chunks, so nothing is sent in parallel. Each chunk is a Blob slice: the file
 * is never read whole.
 */
export class ChunkUploader {
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly opts: ChunkUploaderOptions) {
    this.sleep = opts.sleep || defaultSleep;
    this.now = opts.now || (() => Date.now());
    // ~30 s of waiting in all (1, 2, 4, 8, 15 s): a node restarting comes back within it.
    this.maxAttempts = opts.maxAttempts ?? 6;
    this.baseDelayMs = opts.baseDelayMs ?? 1000;
    this.maxDelayMs = opts.maxDelayMs ?? 15000;
  }

  /** The delay before attempt `attempt` (2, 3, ...). */
  delayFor(attempt: number): number {
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 2));
  }

  async upload(file: Blob, signal: AbortSignal): Promise<{ totalChunks: number }> {
    const totalBytes = file.size;
    const totalChunks = chunkCount(totalBytes);
    const started = this.now();
    let bytesSent = 0;
    const report = (chunksDone: number, retry?: UploadProgress['retry']) => {
      const elapsed = (this.now() - started) / 1000;
      const bytesPerSecond = elapsed > 0 && bytesSent > 0 ? bytesSent / elapsed : 0;
      this.opts.onProgress?.({
        bytesSent,
        totalBytes,
        chunksDone,
        totalChunks,
        bytesPerSecond,
        etaSeconds: bytesPerSecond > 0 ? (totalBytes - bytesSent) / bytesPerSecond : undefined,
        retry,
      });
    };
    report(0);
    for (let n = 0; n < totalChunks; n++) {
      const { start, end } = chunkRange(n, totalBytes);
      if (end - start > CHUNK_SIZE_BYTES) throw new Error(`chunk ${n} is larger than ${CHUNK_SIZE_BYTES} bytes`);
      const slice = file.slice(start, end);
      for (let attempt = 1; ; attempt++) {
        throwIfAborted(signal);
        try {
          await this.opts.send(n, slice, signal);
          break;
        } catch (err) {
          throwIfAborted(signal);
          // The last chunk's earlier attempt landed after all (only its answer was lost): the model
          // left REGISTERING, so the server refuses more chunks. The caller waits for REGISTERED.
          if (attempt > 1 && n === totalChunks - 1 && errorStatus(err) === 409) break;
          if (!isTransientError(err) || attempt >= this.maxAttempts) throw err;
          // A network failure may be the browser refusing a file changed on disk (ERR_UPLOAD_FILE_CHANGED):
          // reading one byte of the slice tells, and retrying that would fail every time.
          if (errorStatus(err) === undefined) await readBlob(slice.slice(0, 1));
          const delayMs = this.delayFor(attempt + 1);
          report(n, { chunkNumber: n, attempt: attempt + 1, delayMs, reason: errorMessage(err) });
          await this.sleep(delayMs, signal);
        }
      }
      bytesSent = end;
      report(n + 1);
    }
    return { totalChunks };
  }
}
