import { schema, TypeOf } from '@osd/config-schema';

/**
 * `ml_models.*` in opensearch_dashboards.yml. `@osd/config-schema` is resolved from OSD's own
 * node_modules at run time; in dev and tests from the stand-in under shims/ (never packed).
 */
export const configSchema = schema.object({
  enabled: schema.boolean({ defaultValue: true }),
  /** Native inference sidecar (onnxruntime in a child process); see docs/native_inference.md. */
  native: schema.object({
    enabled: schema.boolean({ defaultValue: true }),
    /** Content-addressed zip cache; default: `<path.data>/ml_models_native` or a folder under the OS temp dir. */
    cacheDir: schema.maybe(schema.string()),
    cacheMaxBytes: schema.number({ defaultValue: 10 * 1024 * 1024 * 1024 }),
    /** Largest zip the inspect route accepts. */
    maxZipBytes: schema.number({ defaultValue: 1024 * 1024 * 1024 }),
    /** Worker threads in the sidecar, each with its own onnxruntime sessions. */
    workers: schema.number({ defaultValue: 1 }),
    /** onnxruntime intra-op threads per worker; 0 = the CPU count divided by the workers (at most 4). */
    intraOpThreads: schema.number({ defaultValue: 0 }),
    /** Requests admitted at once (running + waiting); beyond it the routes answer 429. */
    maxQueue: schema.number({ defaultValue: 64 }),
    requestTimeoutMs: schema.number({ defaultValue: 60000 }),
    /** Models kept loaded per worker (least recently used unloaded first). */
    maxLoadedModels: schema.number({ defaultValue: 4 }),
    /** Documents per onnxruntime run; results never depend on it (padding is masked). */
    maxBatchSize: schema.number({ defaultValue: 32 }),
  }),
});

export type MlModelsConfig = TypeOf<typeof configSchema>;
export type NativeConfig = MlModelsConfig['native'];
