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
});
