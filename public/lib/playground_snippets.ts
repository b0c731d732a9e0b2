import { routePath } from '../../common/routes';
import type { PlaygroundRequest } from './playground_request';

/**
 * The request a run sent, as text a user can paste: OpenSearch Dashboards' Dev Tools console and
 * curl for the cluster side; curl against this Dashboards server for the native side (it is this
 * plugin's route, which Dev Tools cannot reach). Host and credentials are placeholders.
 */

export const OPENSEARCH_PLACEHOLDER = 'https://localhost:9200';
export const CREDENTIALS_PLACEHOLDER = 'admin:<password>';

export function clusterPath(req: Pick<PlaygroundRequest, 'functionName' | 'modelId'>): string {
  return `/_plugins/_ml/_predict/${req.functionName}/${req.modelId ?? '<model_id>'}`;
}

/** Single-quoted for a POSIX shell: a quote inside becomes '\'' . */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function devToolsSnippet(req: PlaygroundRequest): string {
  return `POST ${clusterPath(req)}\n${JSON.stringify(req.body, null, 2)}`;
}

export function clusterCurl(req: PlaygroundRequest): string {
  return [
    `curl -X POST ${shellQuote(OPENSEARCH_PLACEHOLDER + clusterPath(req))}`,
    `  -u ${shellQuote(CREDENTIALS_PLACEHOLDER)} --insecure`,
    `  -H 'Content-Type: application/json'`,
    `  -d ${shellQuote(JSON.stringify(req.body))}`,
  ].join(' \\\n');
}

/** `dashboardsUrl`: this Dashboards server's origin and base path, as the page sees it. */
export function nativeCurl(req: PlaygroundRequest, dashboardsUrl: string): string {
  const body = req.modelConfig ? { ...req.body, model_config: req.modelConfig } : req.body;
  const path = routePath('nativePredict', { functionName: req.functionName, sha256: req.sha256 ?? '<sha256>' });
  return [
    `curl -X POST ${shellQuote(dashboardsUrl + path)}`,
    `  -u ${shellQuote(CREDENTIALS_PLACEHOLDER)}`,
    `  -H 'osd-xsrf: true' -H 'Content-Type: application/json'`,
    `  -d ${shellQuote(JSON.stringify(body))}`,
  ].join(' \\\n');
}
