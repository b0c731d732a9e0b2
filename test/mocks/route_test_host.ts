import { startHttpHost, HttpHost } from '../../dev/http_host';
import { RouterAdapter } from '../../dev/router_adapter';
import { registerRoutes } from '../../server/routes';
import type { NativeRuntime } from '../../server/sidecar/native_runtime';
import type { Logger, RequestHandlerContext } from '../../types/osd';
import { FakeTransport } from './fake_transport';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface RouteTestHost {
  transport: FakeTransport;
  router: RouterAdapter;
  host: HttpHost;
  /** Sends a request to the plugin as the browser's core.http would (xsrf header on). */
  call(method: string, path: string, init?: { body?: unknown; headers?: Record<string, string>; raw?: BodyInit }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The real routes behind the real adapter on a loopback port, with the transport faked: tests
 * go through HTTP, validation, xsrf and error mapping exactly as the browser would.
 */
export async function startRouteTestHost(
  opts: { dataSource?: RequestHandlerContext['dataSource']; native?: NativeRuntime } = {}
): Promise<RouteTestHost> {
  const transport = new FakeTransport();
  const router = new RouterAdapter({
    logger: silentLogger,
    createContext: () => ({
      core: { opensearch: { client: { asCurrentUser: { transport }, asInternalUser: { transport } } } },
      dataSource: opts.dataSource,
    }),
  });
  registerRoutes(router, { logger: silentLogger, native: opts.native });
  const host = await startHttpHost({ router });
  return {
    transport,
    router,
    host,
    async call(method, path, init = {}) {
      const headers: Record<string, string> = { 'osd-xsrf': 'test', ...(init.headers || {}) };
      let body: BodyInit | undefined = init.raw;
      if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['content-type'] = headers['content-type'] || 'application/json';
      }
      const res = await fetch(`${host.url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // keep text
      }
      return { status: res.status, body: parsed };
    },
    close: () => host.close(),
  };
}
