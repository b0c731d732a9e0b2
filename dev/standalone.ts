/**
 * The standalone host: serves the built server plugin through OSD's router semantics and a page
 * that loads the exact browser bundle that ships, for development and tests without OSD.
 * Run `npm start` (which builds first) rather than this file directly.
 */
import { promises as fs } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import path from 'path';
import type { Logger, PluginInitializerContext } from '../types/osd';
import { startHttpHost, HttpHost } from './http_host';
import { createOpenSearchContextFactory } from './opensearch_context';
import { RouterAdapter } from './router_adapter';

const PLUGIN_ID = 'mlModels';

function consoleLogger(prefix: string, quiet: boolean): Logger {
  const at = (level: string) => (message: string | Error) => {
    if (quiet && (level === 'debug' || level === 'info')) return;
    const text = message instanceof Error ? message.stack || message.message : message;
    (level === 'error' ? console.error : console.log)(`[${new Date().toISOString()}][${level}][${prefix}] ${text}`);
  };
  return { debug: () => {}, info: at('info'), warn: at('warn'), error: at('error') };
}

const STATIC: Record<string, { file: string; type: string }> = {
  [`/bundles/plugin/${PLUGIN_ID}/${PLUGIN_ID}.plugin.js`]: { file: `public/${PLUGIN_ID}.plugin.js`, type: 'application/javascript' },
  '/harness/shared_deps.js': { file: 'dev/shared_deps.js', type: 'application/javascript' },
  '/harness/harness.js': { file: 'dev/harness.js', type: 'application/javascript' },
  '/harness/eui_theme_light.css': { file: 'dev/eui_theme_light.css', type: 'text/css' },
};

function staticFiles(targetDir: string) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url || '/', 'http://127.0.0.1').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname === '/' || pathname === '/app' || pathname === '/app/') {
      res.writeHead(302, { location: `/app/${PLUGIN_ID}` }).end();
      return true;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return true;
    }
    if (pathname === '/api/status') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: { overall: { state: 'green' } } }));
      return true;
    }
    const entry = STATIC[pathname] || (pathname.startsWith('/app/') ? { file: 'dev/index.html', type: 'text/html; charset=utf-8' } : undefined);
    if (!entry) return false;
    const body = await fs.readFile(path.join(targetDir, entry.file));
    res.writeHead(200, { 'content-type': entry.type, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

export interface StandaloneOptions {
  port?: number;
  opensearchUrl: string;
  /** The `target/` folder written by `npm run build`. */
  targetDir?: string;
  quiet?: boolean;
  /**
   * OSD's `path.data`, where the native zip cache goes (`<dataDir>/ml_models_native`). Without it
   * the cache is a folder under the OS temp dir that every host on the machine shares.
   */
  dataDir?: string;
  /**
   * `cluster` (the default): user identities as the cluster's Security plugin gives them, if it has
   * one. `none`: no identities whatever the cluster, for a host serving native inference alone
   * (bench:native without a cluster).
   */
  identity?: 'cluster' | 'none';
}

/** `url` without its user and password, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

export async function startStandalone(opts: StandaloneOptions): Promise<HttpHost> {
  const targetDir = opts.targetDir || path.resolve(__dirname, '..');
  const logger = consoleLogger(`plugins.${PLUGIN_ID}`, !!opts.quiet);
  // The same server JS that ships in the zip, loaded the way OSD loads `<plugin>/server`.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const serverModule = require(path.join(targetDir, 'server', 'server'));
  const rawConfig = {};
  const config = serverModule.config.schema.validate(rawConfig, {}, 'ml_models');
  const replay = <T,>(value: T) => ({ subscribe: (cb: (v: T) => void) => (cb(value), { unsubscribe() {} }) });
  const initializerContext: PluginInitializerContext = {
    config: Object.assign({ create: <T,>() => replay(config as T) }, { legacy: { globalConfig$: replay({ path: { data: opts.dataDir } }) } }),
    logger: { get: () => logger },
  };
  const osContext = createOpenSearchContextFactory(opts.opensearchUrl);
  const identity = opts.identity ?? 'cluster';
  const security = identity === 'cluster' ? await osContext.detectSecurity() : false;
  if (security === undefined) {
    logger.warn(`OpenSearch (${redactUrl(opts.opensearchUrl)}) could not be reached at start: API requests answer 503 until it tells whether it asks for a login`);
  } else if (security) {
    logger.info('OpenSearch has the Security plugin: each request runs as the user its Authorization header names');
  }
  const router = new RouterAdapter({ logger, createContext: osContext.createContext, authenticate: identity === 'cluster' ? osContext.authenticate : undefined });
  const instance = serverModule.plugin(initializerContext);
  await instance.setup({ http: { createRouter: () => router, basePath: { serverBasePath: '' } } }, {});
  // As OSD's CoreStart: `http.auth` says who each request's user is (unknown without security).
  await instance.start({ http: { auth: router.auth } });
  const host = await startHttpHost({ router, port: opts.port, fallbacks: [staticFiles(targetDir)] });
  return {
    ...host,
    close: async () => {
      await instance.stop();
      await host.close();
      await osContext.close();
    },
  };
}

if (require.main === module) {
  const opensearchUrl = process.env.OPENSEARCH_URL;
  if (!opensearchUrl) {
    console.error('OPENSEARCH_URL is not set: run `npm start`, which starts a local OpenSearch, or set OPENSEARCH_URL=http://127.0.0.1:9200');
    process.exit(2);
  }
  const identity = process.env.MLM_STANDALONE_IDENTITY === 'none' ? 'none' : 'cluster';
  startStandalone({ port: Number(process.env.PORT || 5601), opensearchUrl, dataDir: process.env.MLM_DATA_DIR || undefined, identity })
    .then((host) => {
      console.log(`ML Models standalone host: ${host.url}/app/${PLUGIN_ID} (OpenSearch ${redactUrl(opensearchUrl)})`);
      const stop = () => host.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
