import satisfies from 'semver/functions/satisfies';
import manifest from '../../opensearch_dashboards.json';
import type { DataSourceSavedObject, HttpFetchOptions, HttpSetup } from '../../types/osd';

/**
 * Multiple data sources in the browser: the cluster the pages talk to. `undefined` is the local
 * cluster (OSD's own `opensearch.hosts`); any other id is a `data-source` saved object, which
 * every cluster route takes as `data_source_id` (server/lib/client.ts).
 */
export type DataSourceId = string | undefined;

/** `http` whose every call carries `data_source_id` when one is chosen. */
export function withDataSource(http: HttpSetup, dataSourceId: DataSourceId): HttpSetup {
  if (!dataSourceId) return http;
  const scoped = (call: (path: string, options?: HttpFetchOptions) => Promise<unknown>) => (path: string, options: HttpFetchOptions = {}) =>
    call(path, { ...options, query: { ...(options.query || {}), data_source_id: dataSourceId } });
  return {
    fetch: scoped(http.fetch.bind(http)),
    get: scoped(http.get.bind(http)),
    post: scoped(http.post.bind(http)),
    put: scoped(http.put.bind(http)),
    delete: scoped(http.delete.bind(http)),
    basePath: http.basePath,
  } as HttpSetup;
}

/**
 * Whether the picker offers a data source: its OpenSearch version is one the manifest supports
 * and it runs every plugin the manifest requires (ML Commons), as OSD's own plugins filter.
 * A data source whose version or plugins are not recorded is left out, since nothing here could
 * work against it.
 */
export function isCompatibleDataSource(ds: DataSourceSavedObject): boolean {
  const version = ds.attributes?.dataSourceVersion;
  const plugins = ds.attributes?.installedPlugins ?? [];
  if (!version || !satisfies(version, manifest.supportedOSDataSourceVersions)) return false;
  return manifest.requiredOSDataSourcePlugins.every((p) => plugins.includes(p));
}
