import path from 'path';
import { ROUTES } from '../common/routes';
import { RouterAdapter } from '../dev/router_adapter';
import { silentLogger } from '../test/mocks/route_test_host';
import { config, plugin } from './index';

describe('server plugin entry', () => {
  it('exports a config schema OSD accepts and validates its defaults', () => {
    expect((config.schema as unknown as { __isOsdConfigSchemaType: boolean }).__isOsdConfigSchemaType).toBe(true);
    expect(config.schema.validate({})).toMatchObject({ enabled: true, native: { enabled: true, maxQueue: 64, workers: 1 } });
    expect(() => config.schema.validate({ enabled: 'yes' })).toThrow(/\[enabled\]/);
  });

  it('registers every route of the shared contract exactly once, through one router', () => {
    const router = new RouterAdapter({ logger: silentLogger, createContext: () => ({} as never) });
    const createRouter = jest.fn(() => router);
    plugin({ config: { create: () => ({ subscribe: () => ({ unsubscribe() {} }) }) }, logger: { get: () => silentLogger } }).setup({
      http: { createRouter },
    });
    expect(createRouter).toHaveBeenCalledTimes(1);
    const registered = router.list().map((r) => `${r.method} ${r.path}`).sort();
    const expected = Object.values(ROUTES).map((r) => `${r.method} ${r.path}`).sort();
    expect(registered).toEqual(expected);
  });

  it("passes ml_models.native.* and OSD's path.data to native inference", async () => {
    // OSD's config observables replay their value synchronously on subscribe, as these do.
    const replay = <T>(value: T) => ({ subscribe: (cb: (v: T) => void) => (cb(value), { unsubscribe() {} }) });
    const native = config.schema.validate({ native: { maxQueue: 7, requestTimeoutMs: 1234 } }).native;
    const context = {
      config: { create: () => replay({ native }), legacy: { globalConfig$: replay({ path: { data: '/srv/osd-data' } }) } },
      logger: { get: () => silentLogger },
    };
    const router = new RouterAdapter({ logger: silentLogger, createContext: () => ({} as never) });
    const instance = plugin(context as never);
    instance.setup({ http: { createRouter: () => router } });
    const runtime = (instance as unknown as { native: { config: { maxQueue: number; requestTimeoutMs: number }; cache: { dir: string } } }).native;
    expect(runtime.config).toMatchObject({ maxQueue: 7, requestTimeoutMs: 1234, enabled: true });
    expect(runtime.cache.dir).toBe(path.join('/srv/osd-data', 'ml_models_native'));
    await instance.stop();
  });
});
