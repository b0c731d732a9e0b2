/**
 * A worker thread of the sidecar. onnxruntime-node's `session.run` returns a promise but runs the
 * whole inference on the calling thread (in a setImmediate callback; a 30 ms run lets no timer
 * fire), and tokenizing, pooling, writing the reply and opening zips are JS work too. So each
 * worker owns its sessions and runs one job at a time while the sidecar's main thread stays free
 * for IPC, status and cancellation.
 */
import { parentPort, workerData } from 'worker_threads';
import type { NativeLoadedModel } from '../../common/types';
import { NativeError, toFailure } from './native_error';
import { ModelRunner } from './model_runner';
import { openModelZip } from './model_zip';
import type { Job, JobResult, WorkerData, WorkerReply, WorkerRequest } from './protocol';
import { encodeReplyJson } from './reply_json';

const settings = workerData as WorkerData;
const loaded = new Map<string, { runner: ModelRunner; info: NativeLoadedModel }>();

async function load(sha256: string, zipPath: string) {
  const hit = loaded.get(sha256);
  if (hit) return hit;
  const t0 = Date.now();
  const rss0 = process.memoryUsage().rss;
  const runner = await ModelRunner.load(zipPath, { intraOpThreads: settings.intraOpThreads, maxBatchSize: settings.maxBatchSize }).catch((err) => {
    // Removed from the cache folder after the server checked it (by hand, or by another
    // Dashboards instance sharing the folder): the same answer as a zip that was never cached.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NativeError(404, 'model_not_cached', `The zip with SHA-256 ${sha256} left the native cache before it could be loaded: inspect or upload it again`);
    }
    throw err;
  });
  const now = new Date().toISOString();
  const entry = {
    runner,
    info: {
      sha256,
      format: 'ONNX' as const,
      worker: settings.index,
      loaded_at: now,
      last_used_at: now,
      predictions: 0,
      load_ms: Date.now() - t0,
      rss_delta_bytes: Math.max(0, process.memoryUsage().rss - rss0),
    },
  };
  loaded.set(sha256, entry);
  // Least recently used first out: Map order is insertion order, refreshed on every use.
  while (loaded.size > settings.maxLoadedModels) {
    const [oldSha, old] = loaded.entries().next().value as [string, { runner: ModelRunner }];
    loaded.delete(oldSha);
    await old.runner.release().catch(() => undefined);
  }
  return entry;
}

function touch(sha256: string) {
  const e = loaded.get(sha256);
  if (!e) return;
  loaded.delete(sha256);
  loaded.set(sha256, e);
  e.info.last_used_at = new Date().toISOString();
}

async function inspect(job: Extract<Job, { kind: 'inspect' }>): Promise<JobResult> {
  const zip = await openModelZip(job.zipPath);
  if (zip.format === 'TORCH_SCRIPT') {
    // Nothing to run here, but the zip is valid for the cluster: describe what can be read.
    try {
      const tokenizer = ModelRunner.tokenizer(await zip.read(zip.tokenizerFile as string));
      return {
        sha256: job.sha256,
        size_bytes: job.sizeBytes,
        format: 'TORCH_SCRIPT',
        files: zip.entries,
        inputs: [],
        outputs: [],
        sparse_vocab_output: false,
        vocab_size: tokenizer.vocabSize,
        max_length: tokenizer.maxLength,
        problems: [
          {
            code: 'torchscript_cluster_only',
            severity: 'warning',
            message: 'TorchScript models run on the cluster only: native inference runs ONNX, so this zip can be registered and deployed but not tried here.',
          },
        ],
        suggested: { function_name: 'TEXT_EMBEDDING', model_format: 'TORCH_SCRIPT', model_config: { model_type: 'bert', framework_type: 'sentence_transformers' } },
      };
    } finally {
      zip.close();
    }
  }
  zip.close();
  const { runner } = await load(job.sha256, job.zipPath);
  return runner.describe(job.sha256, job.sizeBytes);
}

async function handle(job: Job, signal: AbortSignal): Promise<JobResult> {
  if (job.kind === 'inspect') return inspect(job);
  const entry = await load(job.sha256, job.zipPath);
  touch(job.sha256);
  const result = await entry.runner.predict(job.functionName, job.body, job.config, signal);
  entry.info.predictions++;
  return { json: encodeReplyJson(result) };
}

if (!parentPort) throw new Error('inference_worker must run as a worker thread');
const port = parentPort;
/** The job running now; the sidecar runs one per worker at a time. */
let running: { jobId: number; controller: AbortController } | undefined;
port.on('message', (msg: WorkerRequest) => {
  if ('cancel' in msg) {
    if (running?.jobId === msg.cancel) running.controller.abort();
    return;
  }
  const current = { jobId: msg.jobId, controller: new AbortController() };
  running = current;
  handle(msg.job, current.controller.signal)
    .then(
      (result) => reply({ jobId: msg.jobId, ok: true, result }),
      (err) => reply({ jobId: msg.jobId, ok: false, error: toFailure(err) })
    )
    .finally(() => {
      if (running === current) running = undefined;
    });
});

function reply(r: { jobId: number; ok: true; result: JobResult } | { jobId: number; ok: false; error: ReturnType<typeof toFailure> }) {
  // A predict reply's bytes move to the sidecar's main thread instead of being copied.
  const json = r.ok && 'json' in r.result ? r.result.json : undefined;
  port.postMessage({ ...r, models: Array.from(loaded.values(), (e) => e.info) } as WorkerReply, json ? [json.buffer as ArrayBuffer] : []);
}
