import type { PluginInitializerContext } from '../types/osd';
import { configSchema } from './config';
import { MlModelsPlugin } from './plugin';

export const config = { schema: configSchema };

export function plugin(initializerContext: PluginInitializerContext) {
  return new MlModelsPlugin(initializerContext);
}

export type { MlModelsConfig } from './config';
