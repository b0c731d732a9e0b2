import http from 'http';
import { startHttpHost } from './http_host';
import { RouterAdapter } from './router_adapter';

describe('the standalone HTTP host', () => {
  it("keeps an idle kept-alive socket open past node's 5 s default (it closes at about 6 s), as OSD does (120 s)", async () => {
    const host = await startHttpHost({ router: { handle: async () => false } as unknown as RouterAdapter });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status?: number; socket: unknown }>((resolve, reject) => {
        const req = http.get(`${host.url}/x`, { agent }, (res) => {
          const socket = res.socket;
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, socket }));
        });
        req.on('error', reject);
      });
    try {
      const first = await get();
      await new Promise((r) => setTimeout(r, 7000));
      const second = await get();
      expect([first.status, second.status]).toEqual([404, 404]);
      expect(first.socket).toBeTruthy();
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
      await host.close();
    }
  }, 15000);
});
