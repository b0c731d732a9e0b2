import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Readable } from 'stream';
import { silentLogger } from '../../test/mocks/route_test_host';
import { NativeError } from '../sidecar/native_error';
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

  describe('a zip the sidecar could not inspect', () => {
    type Runtime = ReturnType<typeof createNativeRuntime>;
    /** Inspects a 1000-byte zip whose job fails as `fail` decides; says what it answered and what stayed cached. */
    async function inspectFailing(fail: (rt: Runtime, sha256: string) => NativeError) {
      const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
      jest.spyOn(rt.client, 'run').mockImplementation(async (job) => {
        throw fail(rt, job.sha256);
      });
      try {
        const err = await new NativeService(rt).inspect(Readable.from([Buffer.alloc(1000, 3)]), 1000).catch((e) => e);
        return { status: err?.statusCode, code: err?.code, cached: (await rt.cache.entries()).length };
      } finally {
        await rt.stop();
      }
    }

    it('is not kept when the sidecar finds it unusable (400), and its error passes through', async () => {
      const res = await inspectFailing(() => new NativeError(400, 'missing_model_file', "Can't find model file"));
      expect(res).toEqual({ status: 400, code: 'missing_model_file', cached: 0 });
    });

    it('is kept when the refusal says nothing about the zip (429 queue full)', async () => {
      const res = await inspectFailing(() => new NativeError(429, 'queue_full', 'The native inference queue is full'));
      expect(res).toEqual({ status: 429, code: 'queue_full', cached: 1 });
    });

    it('is kept while another request uses the same zip', async () => {
      // Another request (a predict on the same bytes, cached by an upload meanwhile) holds the zip
      // when this inspect's job fails.
      const res = await inspectFailing((rt, sha256) => {
        rt.cache.pin(sha256);
        return new NativeError(400, 'invalid_onnx', 'onnxruntime could not load model.onnx');
      });
      expect(res).toEqual({ status: 400, code: 'invalid_onnx', cached: 1 });
    });
  });
});
