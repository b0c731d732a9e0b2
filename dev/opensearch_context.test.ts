import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { userOfRequest } from '../server/lib/current_user';
import { startHttpHost } from './http_host';
import { createOpenSearchContextFactory } from './opensearch_context';
import { RouterAdapter } from './router_adapter';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const ALICE = `Basic ${Buffer.from('alice:pw').toString('base64')}`;

/** A stand-in cluster answering authinfo as OpenSearch does with, or without, the Security plugin. */
async function fakeCluster(withSecurity: boolean, port = 0): Promise<{ url: string; authinfoCalls: () => number; close(): Promise<void> }> {
  let calls = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url !== '/_plugins/_security/authinfo') return json(404, {});
    calls++;
    // What 2.19 answers without the plugin: a 400, not a 404.
    if (!withSecurity) return json(400, { error: 'no handler found for uri [/_plugins/_security/authinfo] and method [GET]' });
    if (req.headers.authorization === ALICE) return json(200, { user_name: 'alice', backend_roles: [], roles: ['ml_full_access'] });
    res.writeHead(401, { 'www-authenticate': 'Basic realm="OpenSearch Security"' }).end('Unauthorized');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authinfoCalls: () => calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** The standalone host's wiring: a route answering with the user the plugin would see. */
async function hostOn(clusterUrl: string) {
  const os = createOpenSearchContextFactory(clusterUrl);
  const security = await os.detectSecurity();
  const router = new RouterAdapter({ logger: silent, createContext: os.createContext, authenticate: os.authenticate });
  router.get({ path: '/api/whoami', validate: false }, async (_ctx, request, response) => response.ok({ body: { user: userOfRequest(router.auth, request) ?? null } }));
  const host = await startHttpHost({ router });
  const whoami = async (authorization?: string) => {
    const res = await fetch(`${host.url}/api/whoami`, { headers: authorization ? { authorization } : {} });
    return { status: res.status, challenge: res.headers.get('www-authenticate'), body: res.status === 200 ? await res.json() : undefined };
  };
  return { security, whoami, close: async () => (await host.close(), await os.close()) };
}

describe('the standalone host under the Security plugin', () => {
  it("runs each request as the user its Authorization header names, from the cluster's authinfo, and refuses unknown callers with 401", async () => {
    const cluster = await fakeCluster(true);
    const h = await hostOn(cluster.url);
    try {
      expect(h.security).toBe(true);
      expect(await h.whoami(ALICE)).toEqual({ status: 200, challenge: null, body: { user: 'alice' } });
      // Asked again within the TTL: no second authinfo call.
      const before = cluster.authinfoCalls();
      expect((await h.whoami(ALICE)).body).toEqual({ user: 'alice' });
      expect(cluster.authinfoCalls()).toBe(before);
      expect(await h.whoami(`Basic ${Buffer.from('alice:wrong').toString('base64')}`)).toEqual({ status: 401, challenge: 'Basic realm="OpenSearch Security"', body: undefined });
      expect((await h.whoami()).status).toBe(401);
    } finally {
      await h.close();
      await cluster.close();
    }
  });

  it('without the plugin (authinfo answers 400) there is no user identity, and no authinfo call per request', async () => {
    const cluster = await fakeCluster(false);
    const h = await hostOn(cluster.url);
    try {
      expect(h.security).toBe(false);
      expect(await h.whoami(ALICE)).toEqual({ status: 200, challenge: null, body: { user: null } });
      expect(cluster.authinfoCalls()).toBe(1);
    } finally {
      await h.close();
      await cluster.close();
    }
  });

  it('a cluster unreachable at start leaves it undecided: 503 until the cluster answers, then its rules (never open to anyone meanwhile)', async () => {
    const port = await freePort();
    const h = await hostOn(`http://127.0.0.1:${port}`);
    let cluster: Awaited<ReturnType<typeof fakeCluster>> | undefined;
    try {
      expect(h.security).toBeUndefined();
      expect((await h.whoami()).status).toBe(503);
      cluster = await fakeCluster(true, port);
      expect((await h.whoami()).status).toBe(401);
      expect((await h.whoami(ALICE)).body).toEqual({ user: 'alice' });
    } finally {
      await h.close();
      await cluster?.close();
    }
  });
});
