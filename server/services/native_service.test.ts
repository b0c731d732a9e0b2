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
    const zip = () => Readable.from([Buffer.alloc(1000, 3)]);
    const cached = async (rt: ReturnType<typeof createNativeRuntime>) => (await rt.cache.entries()).map((e) => e.sha256);

    it('is not kept when the sidecar finds it unusable (400), and its error passes through', async () => {
      const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
      jest.spyOn(rt.client, 'run').mockRejectedValue(new NativeError(400, 'missing_model_file', "Can't find model file"));
      try {
        const err = await new NativeService(rt).inspect(zip(), 1000).catch((e) => e);
        expect([err?.statusCode, err?.code]).toEqual([400, 'missing_model_file']);
        expect(await cached(rt)).toEqual([]);
      } finally {
        await rt.stop();
      }
    });

    it('is kept when the refusal says nothing about the zip (429 queue full)', async () => {
      const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
      jest.spyOn(rt.client, 'run').mockRejectedValue(new NativeError(429, 'queue_full', 'The native inference queue is full'));
      try {
        const err = await new NativeService(rt).inspect(zip(), 1000).catch((e) => e);
        expect([err?.statusCode, err?.code]).toEqual([429, 'queue_full']);
        expect(await cached(rt)).toHaveLength(1);
      } finally {
        await rt.stop();
      }
    });

    it('is kept while another request uses the same zip', async () => {
      const rt = createNativeRuntime({ cacheDir: dir }, silentLogger);
      let other: (() => void) | undefined;
      // Another request (a predict on the same bytes, cached by an upload meanwhile) holds the zip
      // when this inspect's job fails.
      jest.spyOn(rt.client, 'run').mockImplementation(async (job) => {
        other = rt.cache.pin(job.sha256);
        throw new NativeError(400, 'invalid_onnx', 'onnxruntime could not load model.onnx');
      });
      try {
        const err = await new NativeService(rt).inspect(zip(), 1000).catch((e) => e);
        expect(err?.code).toBe('invalid_onnx');
        expect(await cached(rt)).toHaveLength(1);
        other?.();
      } finally {
        await rt.stop();
      }
    });
  });
});
