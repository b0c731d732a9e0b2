import { startHttpHost, HttpHost } from '../../dev/http_host';
import { RouterAdapter } from '../../dev/router_adapter';
import { registerRoutes } from '../../server/routes';
import type { NativeRuntime } from '../../server/sidecar/native_runtime';
import { userOfRequest } from '../../server/lib/current_user';
import type { HttpAuth, Logger, RequestHandlerContext } from '../../types/osd';
import { FakeTransport } from './fake_transport';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

type CallInit = { body?: unknown; headers?: Record<string, string>; raw?: BodyInit };

export interface RouteTestHost {
  transport: FakeTransport;
  router: RouterAdapter;
  host: HttpHost;
  /** Sends a request to the plugin as the browser's core.http would (xsrf header on). */
  call(method: string, path: string, init?: CallInit): Promise<{ status: number; body: any }>;
  /** The same request, answered as the reply's text and content type (for what `call` parses away). */
  callText(method: string, path: string, init?: CallInit): Promise<{ status: number; text: string; contentType: string | null }>;
  close(): Promise<void>;
}

/**
 * The real routes behind the real adapter on a loopback port, with the transport faked: tests
 * go through HTTP, validation, xsrf and error mapping exactly as the browser would.
 */
export async function startRouteTestHost(
  opts: { dataSource?: RequestHandlerContext['dataSource']; native?: NativeRuntime; auth?: HttpAuth } = {}
): Promise<RouteTestHost> {
  const transport = new FakeTransport();
  const router = new RouterAdapter({
    logger: silentLogger,
    createContext: () => ({
      core: { opensearch: { client: { asCurrentUser: { transport }, asInternalUser: { transport } } } },
      dataSource: opts.dataSource,
    }),
  });
  registerRoutes(router, { logger: silentLogger, native: opts.native, userOf: (request) => userOfRequest(opts.auth, request) });
  const host = await startHttpHost({ router });
  const send = async (method: string, path: string, init: CallInit) => {
    const headers: Record<string, string> = { 'osd-xsrf': 'test', ...(init.headers || {}) };
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] = headers['content-type'] || 'application/json';
    }
    const res = await fetch(`${host.url}${path}`, { method, headers, body });
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
  };
  return {
    transport,
    router,
    host,
    callText: (method, path, init = {}) => send(method, path, init),
    async call(method, path, init = {}) {
      const { status, text } = await send(method, path, init);
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // keep text
      }
      return { status, body: parsed };
    },
    close: () => host.close(),
  };
}
