import type { CoreSetup, CoreStart, Logger, PluginInitializerContext, ServerSetupDeps } from '../types/osd';
import { PLUGIN_ID } from '../common/constants';
import { registerRoutes } from './routes';

export class MlModelsPlugin {
  private readonly logger: Logger;

  constructor(initializerContext: PluginInitializerContext) {
    this.logger = initializerContext.logger.get();
  }

  setup(core: CoreSetup, deps: ServerSetupDeps = {}) {
    this.logger.debug(`${PLUGIN_ID}: setup (data sources ${deps.dataSource ? 'available' : 'not available'})`);
    registerRoutes(core.http.createRouter(), { logger: this.logger });
    return {};
  }

  start(_core: CoreStart) {
    return {};
  }

  stop() {}
}
