import type { Readable } from 'stream';
import type { NativeInspectResult, NativeModelsResponse, NativePredictBody, NativeStatus } from '../../common/types';
import * as v from '../../common/validators';
import { NativeError } from '../sidecar/native_error';
import type { NativeRuntime } from '../sidecar/native_runtime';
import type { JobResult, PredictReply } from '../sidecar/protocol';

/**
 * Native inference for the routes: zips go into the content-addressed cache, work goes to the
 * sidecar. The Dashboards process itself never parses a zip nor loads a model.
 */
export class NativeService {
  constructor(private readonly rt: NativeRuntime) {}

  private assertEnabled() {
    if (!this.rt.config.enabled) throw new NativeError(404, 'native_disabled', 'Native inference is disabled (ml_models.native.enabled: false)');
  }

  async inspect(body: Readable, declaredLength: number | undefined): Promise<NativeInspectResult> {
    this.assertEnabled();
    const max = this.rt.config.maxZipBytes;
    if (declaredLength !== undefined && declaredLength > max) {
      body.resume();
      throw new NativeError(413, 'zip_too_large', `The zip is larger than ${max} bytes (ml_models.native.maxZipBytes)`);
    }
    const stored = await this.rt.cache.storeStream(body, max);
    let result: Omit<NativeInspectResult, 'cached'>;
    const release = this.rt.cache.pin(stored.sha256);
    try {
      result = await this.rt.client.run<Omit<NativeInspectResult, 'cached'> & JobResult>({
        kind: 'inspect',
        sha256: stored.sha256,
        zipPath: stored.path,
        sizeBytes: stored.size,
      });
    } catch (err) {
      // A zip that cannot be used is not kept, unless it was cached before (then it was usable).
      if (!stored.existed && err instanceof NativeError && err.statusCode >= 400 && err.statusCode < 500) await this.rt.cache.remove(stored.sha256);
      throw err;
    } finally {
      release();
    }
    await this.rt.cache.writeMeta(stored.sha256, {
      source: 'inspect',
      function_name: result.suggested.function_name,
      model_config: result.suggested.model_config,
    });
    return { ...result, cached: true };
  }

  /**
   * The reply (a `NativePredictResponse`) as finished JSON bytes from the sidecar: this process
   * forwards them without parsing or stringifying 12,288 numbers per 32-sentence batch.
   */
  async predict(functionName: string, sha256: string, body: NativePredictBody): Promise<Buffer> {
    this.assertEnabled();
    const problem = v.checkPredict(functionName, body);
    if (problem) throw new NativeError(400, 'invalid_body', problem);
    if (!(await this.rt.cache.has(sha256))) {
      throw new NativeError(
        404,
        'model_not_cached',
        `No model zip with SHA-256 ${sha256} in the native cache: inspect the zip first, or upload it in chunks through this Dashboards server`
      );
    }
    const release = this.rt.cache.pin(sha256);
    try {
      const { model_config, ...predictBody } = body;
      const config = model_config ?? (await this.rt.cache.readMeta(sha256))?.model_config;
      const { json } = await this.rt.client.run<PredictReply>({
        kind: 'predict',
        sha256,
        zipPath: this.rt.cache.zipPath(sha256),
        functionName,
        body: predictBody,
        config,
      });
      return Buffer.from(json.buffer, json.byteOffset, json.byteLength);
    } finally {
      release();
    }
  }

  /** The cached zips, so a page can offer them for a native-only try. */
  async models(): Promise<NativeModelsResponse> {
    this.assertEnabled();
    const entries = await this.rt.cache.entries();
    return {
      models: entries.map((e) => ({
        sha256: e.sha256,
        size_bytes: e.size,
        source: e.meta?.source,
        function_name: e.meta?.function_name,
        model_config: e.meta?.model_config,
        last_used_at: e.lastUsed.toISOString(),
      })),
    };
  }

  async status(): Promise<NativeStatus> {
    const { client, cache, config } = this.rt;
    const [side, stats] = await Promise.all([client.status().catch(() => undefined), cache.stats()]);
    return {
      enabled: config.enabled,
      running: client.running,
      pid: side?.pid ?? client.pid,
      restarts: client.restarts,
      worker_restarts: side?.worker_restarts ?? 0,
      last_exit: client.lastExit,
      rss_bytes: side?.rss_bytes,
      workers: side?.workers ?? config.workers,
      models: side?.models ?? [],
      queue: { waiting: side?.waiting ?? 0, in_flight: client.queueLength, max: config.maxQueue },
      cache: { dir: cache.dir, bytes: stats.bytes, max_bytes: cache.maxBytes, entries: stats.entries },
    };
  }
}
