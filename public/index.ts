import type { PluginInitializerContextPublic } from '../types/osd';
import { MlModelsPlugin } from './plugin';

export function plugin(initializerContext: PluginInitializerContextPublic) {
  return new MlModelsPlugin(initializerContext);
}

export type { MlModelsPluginSetup, MlModelsPluginStart, MlModelsSetupDeps, MlModelsStartDeps } from './types';
export { MlModelsPlugin };
