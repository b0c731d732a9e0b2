import type { RequestHandlerContext, Transport } from '../../types/osd';
import { PluginHttpError } from './errors';

/**
 * The transport for one request: the current user's client, or the chosen data source's client
 * when a `data_source_id` is given and the optional `dataSource` plugin is present.
 */
export async function getTransport(context: RequestHandlerContext, dataSourceId?: string): Promise<Transport> {
  if (!dataSourceId) return context.core.opensearch.client.asCurrentUser.transport;
  if (!context.dataSource) {
    throw new PluginHttpError(
      400,
      '[data_source_id]: multiple data sources are not enabled on this OpenSearch Dashboards (data_source.enabled)',
      'data_source_id'
    );
  }
  const client = await context.dataSource.opensearch.getClient(dataSourceId);
  return client.transport;
}
