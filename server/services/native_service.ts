import type { Readable } from 'stream';
import type { NativeInspectResult, NativeModelsResponse, NativePredictBody, NativeStatus } from '../../common/types';
import { zipTooLargeMessage } from '../../common/native';
import * as v from '../../common/validators';
import { NativeError } from '../sidecar/native_error';
import type { NativeRuntime } from '../sidecar/native_runtime';
import type { JobResult, PredictReply } from '../sidecar/protocol';
import type { Transport } from '../../types/osd';
import { ModelService } from './model_service';
import { PredictService } from './predict_service';

/** How long the cluster's answer to "may this user predict?" is reused (each probe is a failed predict in its log). */
const PREDICT_PERMISSION_TTL_MS = 60000;

/**
 * Who is asking: the user (undefined when no auth plugin is installed: then everyone sees
 * everything) and, when the cluster must be asked, the transport that calls it as that user.
 */
export interface NativeCaller {
  user?: string;
  transport(): Promise<Transport>;
}

/**
 * Native inference for the routes: zips go into the content-addressed cache, work goes to the
 * sidecar. The Dashboards process itself never parses a zip nor loads a model.
 */
export class NativeService {
  /** Per user: whether the cluster lets them predict, and when it said so. */
  private readonly mayPredict = new Map<string, { allowed: boolean; at: number }>();

  constructor(private readonly rt: NativeRuntime) {}

  private assertEnabled() {
    if (!this.rt.config.enabled) throw new NativeError(404, 'native_disabled', 'Native inference is disabled (ml_models.native.enabled: false)');
  }

  /**
   * The cached zips `caller` may use: with security on, those they sent through this server
   * themselves, and those the cluster shows them a deployed model for (its model-group access
   * decides) when the cluster also lets them predict: running a zip here must not give a user
   * (e.g. `ml_read_access`) what ML Commons' `_predict` refuses them. The cache is shared by every
   * Dashboards user; without this a user could list and run a model from a group they cannot see.
   */
  private async usable(caller: NativeCaller, hashes: string[]): Promise<Set<string>> {
    if (caller.user === undefined) return new Set(hashes);
    const metas = await Promise.all(hashes.map((h) => this.rt.cache.readMeta(h)));
    const ok = new Set(hashes.filter((_h, i) => caller.user !== '' && metas[i]?.owners?.includes(caller.user as string)));
    const ask = hashes.filter((h) => !ok.has(h));
    if (ask.length) {
      // Fails closed: when the cluster cannot answer, only the caller's own zips are usable.
      const shown = await caller
        .transport()
        .then(async (t) => {
          const visible = await new ModelService(t).visibleHashes(ask);
          return visible.size && (await this.userMayPredict(caller.user as string, t)) ? visible : new Set<string>();
        })
        .catch(() => new Set<string>());
      for (const h of shown) ok.add(h);
    }
    return ok;
  }

  private async userMayPredict(user: string, transport: Transport): Promise<boolean> {
    const known = this.mayPredict.get(user);
    if (known && Date.now() - known.at < PREDICT_PERMISSION_TTL_MS) return known.allowed;
    const allowed = await new PredictService(transport).mayPredict();
    const now = Date.now();
    // Users come and go: forget expired answers rather than keep one per user ever seen.
    if (this.mayPredict.size >= 256) for (const [u, v] of this.mayPredict) if (now - v.at >= PREDICT_PERMISSION_TTL_MS) this.mayPredict.delete(u);
    this.mayPredict.set(user, { allowed, at: now });
    return allowed;
  }

  async inspect(body: Readable, declaredLength: number | undefined, caller?: NativeCaller): Promise<NativeInspectResult> {
    this.assertEnabled();
    const { bytes: max, setting } = this.rt.zipLimit;
    if (declaredLength !== undefined && declaredLength > max) {
      body.resume();
      throw new NativeError(413, 'zip_too_large', zipTooLargeMessage(this.rt.zipLimit));
    }
    const stored = await this.rt.cache.storeStream(body, max, setting);
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
      release();
      // A zip found unusable (its checks answer 400, or 413 for its size) is not kept, unless it was
      // cached before (then it was usable) or another request uses it now. A full queue (429) or
      // a timeout says nothing about the zip: it stays, ready for the next try.
      if (!stored.existed && err instanceof NativeError && (err.statusCode === 400 || err.statusCode === 413)) {
        await this.rt.cache.removeUnlessPinned(stored.sha256);
      }
      throw err;
    } finally {
      release();
    }
    await this.rt.cache.writeMeta(stored.sha256, {
      source: 'inspect',
      function_name: result.suggested.function_name,
      model_config: result.suggested.model_config,
      // Sending the bytes proves having them: the sender may run them from now on.
      owners: caller?.user === undefined ? undefined : [caller.user],
    });
    return { ...result, cached: true };
  }

  /**
   * The reply (a `NativePredictResponse`) as finished JSON bytes from the sidecar: this process
   * forwards them without parsing or stringifying 12,288 numbers per 32-sentence batch.
   */
  async predict(functionName: string, sha256: string, body: NativePredictBody, caller?: NativeCaller): Promise<Buffer> {
    this.assertEnabled();
    const problem = v.checkPredict(functionName, body);
    if (problem) throw new NativeError(400, 'invalid_body', problem);
    // Someone else's zip answers as if it were not cached: its existence is not theirs to learn.
    if (!(await this.rt.cache.has(sha256)) || (caller && !(await this.usable(caller, [sha256])).has(sha256))) {
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
  async models(caller?: NativeCaller): Promise<NativeModelsResponse> {
    this.assertEnabled();
    const all = await this.rt.cache.entries();
    const usable = caller ? await this.usable(caller, all.map((e) => e.sha256)) : undefined;
    const entries = usable ? all.filter((e) => usable.has(e.sha256)) : all;
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

  /** The sidecar's state; its loaded models only as far as `caller` may use them (as in models()). */
  async status(caller?: NativeCaller): Promise<NativeStatus> {
    const { client, cache, config } = this.rt;
    const [side, stats] = await Promise.all([client.status().catch(() => undefined), cache.stats()]);
    const loaded = side?.models ?? [];
    const usable = caller && loaded.length ? await this.usable(caller, loaded.map((m) => m.sha256)) : undefined;
    return {
      enabled: config.enabled,
      running: client.running,
      starting: !client.running && client.startingNow,
      pid: side?.pid ?? client.pid,
      restarts: client.restarts,
      worker_restarts: side?.worker_restarts ?? 0,
      last_exit: client.lastExit,
      rss_bytes: side?.rss_bytes,
      workers: side?.workers ?? config.workers,
      models: usable ? loaded.filter((m) => usable.has(m.sha256)) : loaded,
      queue: { waiting: side?.waiting ?? 0, in_flight: client.queueLength, max: config.maxQueue },
      // The server's own path is for whoever runs it: under an auth plugin, users are not told.
      cache: { dir: caller?.user === undefined ? cache.dir : undefined, bytes: stats.bytes, max_bytes: cache.maxBytes, entries: stats.entries },
      zip_limit: { ...this.rt.zipLimit },
    };
  }
}
