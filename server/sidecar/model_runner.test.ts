import { ModelRunner } from './model_runner';
import { NativeError } from './native_error';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

jest.setTimeout(30000);
const tinyBert = fixtures.loadFixture('tiny-bert');

// Runs (session.run) are tested through the sidecar process (native_routes.test.ts): in jest's
// realm onnxruntime refuses the Float32Arrays it is given. Checks before a run are tested here.
describe('ModelRunner on a real ONNX zip', () => {
  let runner: ModelRunner;
  beforeAll(async () => {
    runner = await ModelRunner.load(tinyBert.zipPath, { intraOpThreads: 1, maxBatchSize: 8 });
  });
  afterAll(() => runner.session.release());

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: NativeError) => ({ status: e.statusCode, code: e.code, message: e.message })
    );

  it("refuses a pooling_mode that is not ML Commons' (a config read back from an older cache entry is not validated)", async () => {
    const config = { model_type: 'bert', pooling_mode: 'weightedmean' };
    expect(await failure(runner.predict('text_embedding', { text_docs: ['x'] }, config))).toEqual({
      status: 400,
      code: 'invalid_config',
      message: expect.stringContaining('pooling_mode "weightedmean" is not one of mean, mean_sqrt_len'),
    });
  });
});
