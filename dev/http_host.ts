import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { RouterAdapter } from './router_adapter';

/** OpenSearch Dashboards' default `server.keepaliveTimeout`. */
export const OSD_KEEPALIVE_TIMEOUT_MS = 120000;

export type Fallback = (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;

export interface HttpHost {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** An HTTP server on loopback that answers plugin routes first, then the fallbacks, then 404. */
export async function startHttpHost(opts: { router: RouterAdapter; port?: number; host?: string; fallbacks?: Fallback[] }): Promise<HttpHost> {
  const host = opts.host || '127.0.0.1';
  const server = createServer(async (req, res) => {
    try {
      if (await opts.router.handle(req, res)) return;
      for (const fallback of opts.fallbacks || []) {
        if (await fallback(req, res)) return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Not Found' }));
    } catch (err) {
      // Last line of defence: one bad request must never take the host down.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'An internal server error occurred.' }));
      console.error(err);
    }
  });
  // Chunk uploads of 10 MB over slow links must not hit node's default request timeout.
  server.requestTimeout = 0;
  // OSD's server.keepaliveTimeout default: a client reusing a socket idle for over node's 5 s
  // would otherwise race the server closing it ("socket hang up").
  server.keepAliveTimeout = OSD_KEEPALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
