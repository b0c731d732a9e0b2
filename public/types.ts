import type { DataSourceManagementPublicSetup, DataSourcePublicSetup } from '../types/osd';

/** Optional plugins (`optionalPlugins` in the manifest); absent unless installed and enabled. */
export interface MlModelsSetupDeps {
  dataSource?: DataSourcePublicSetup;
  dataSourceManagement?: DataSourceManagementPublicSetup;
}

export type MlModelsStartDeps = Record<string, unknown>;

/** The plugin offers nothing to other plugins yet. */
export type MlModelsPluginSetup = Record<string, never>;
export type MlModelsPluginStart = Record<string, never>;
