import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { silentLogger } from '../../test/mocks/route_test_host';
import { createNativeRuntime } from '../sidecar/native_runtime';
import { NativeService } from './native_service';

/** The sidecar is never started: its client is stubbed, so only what the service decides is tested. */
describe('NativeService.inspect', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-native-service-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('refuses a zip larger than the cache holds when cacheMaxBytes is below maxZipBytes, keeping the zips cached before', async () => {
    const rt = createNativeRuntime({ cacheDir: dir, cacheMaxBytes: 2000, maxZipBytes: 1e6 }, silentLogger);
    const run = jest.spyOn(rt.client, 'run').mockResolvedValue({ suggested: { function_name: 'TEXT_EMBEDDING' } } as never);
    try {
      const before = (await rt.cache.storeStream(Readable.from([Buffer.alloc(1000, 1)]), 1e6)).sha256;
      const service = new NativeService(rt);
      for (const declared of [undefined, 3000]) {
        const err = await service.inspect(Readable.from([Buffer.alloc(3000, 2)]), declared).catch((e) => e);
        expect({ status: err?.statusCode, code: err?.code, message: err?.message }).toEqual({
          status: 413,
          code: 'zip_too_large',
          message: 'The zip is larger than 2000 bytes (ml_models.native.cacheMaxBytes)',
        });
      }
      expect(run).not.toHaveBeenCalled();
      expect((await rt.cache.entries()).map((e) => e.sha256)).toEqual([before]);
    } finally {
      await rt.stop();
    }
  });
});
