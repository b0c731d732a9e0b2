import type { CoreSetup, CoreStart, HttpAuth, Logger, PluginInitializerContext, ServerSetupDeps } from '../types/osd';
import { PLUGIN_ID } from '../common/constants';
import type { MlModelsConfig } from './config';
import { userOfRequest } from './lib/current_user';
import { registerRoutes } from './routes';
import { createNativeRuntime, NativeRuntime } from './sidecar/native_runtime';

/** OSD passes its global config too; only `path.data` is read (where the native cache goes). */
interface LegacyConfig {
  legacy?: { globalConfig$?: { subscribe(cb: (v: { path?: { data?: string } }) => void): { unsubscribe(): void } } };
}

export class MlModelsPlugin {
  private readonly logger: Logger;
  private config?: MlModelsConfig;
  private dataDir?: string;
  private native?: NativeRuntime;
  /** From CoreStart; requests only arrive after start. */
  private auth?: HttpAuth;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
    // OSD's config observables replay the current value synchronously on subscribe.
    initializerContext.config
      .create<MlModelsConfig>()
      .subscribe((c) => {
        this.config = c;
      })
      .unsubscribe();
    (initializerContext.config as LegacyConfig).legacy?.globalConfig$
      ?.subscribe((g) => {
        this.dataDir = g?.path?.data;
      })
      .unsubscribe();
  }

  setup(core: CoreSetup, deps: ServerSetupDeps = {}) {
    this.logger.debug(`${PLUGIN_ID}: setup (data sources ${deps.dataSource ? 'available' : 'not available'})`);
    // The sidecar process starts on the first native request, not here.
    this.native = createNativeRuntime(this.config?.native, this.logger, { dataDir: this.dataDir });
    registerRoutes(core.http.createRouter(), { logger: this.logger, native: this.native, userOf: (request) => userOfRequest(this.auth, request) });
    return {};
  }

  start(core: CoreStart) {
    this.auth = core.http?.auth;
    return {};
  }

  async stop() {
    await this.native?.stop();
  }
}
