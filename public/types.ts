/** Optional plugins (`optionalPlugins` in the manifest); absent unless installed and enabled. */
export interface MlModelsSetupDeps {
  dataSource?: unknown;
  dataSourceManagement?: unknown;
}

export type MlModelsStartDeps = Record<string, unknown>;

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MlModelsPluginSetup {}
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MlModelsPluginStart {}
