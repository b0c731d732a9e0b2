/** Optional plugins (`optionalPlugins` in the manifest); absent unless installed and enabled. */
export interface MlModelsSetupDeps {
  dataSource?: unknown;
  dataSourceManagement?: unknown;
}

export type MlModelsStartDeps = Record<string, unknown>;

/** The plugin offers nothing to other plugins yet. */
export type MlModelsPluginSetup = Record<string, never>;
export type MlModelsPluginStart = Record<string, never>;
