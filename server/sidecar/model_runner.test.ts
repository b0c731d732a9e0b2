import { ModelRunner, sessionOptions } from './model_runner';
import { NativeError } from './native_error';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

jest.setTimeout(30000);
const tinyBert = fixtures.loadFixture('tiny-bert');

describe('session options', () => {
  it("free each run's memory: no arena keeping the largest run's peak (2.46 GB after 64 x 512 tokens on MiniLM)", () => {
    expect(sessionOptions(2)).toMatchObject({ intraOpNumThreads: 2, enableCpuMemArena: false, extra: { session: { force_spinning_stop: '1' } } });
  });
});

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

  it('refuses a model_type for which ML Commons would feed other inputs than the graph takes (the cluster fails "Input mismatch")', async () => {
    // tiny-bert takes token_type_ids: ML Commons sends them for bert and albert only.
    expect(await failure(runner.predict('text_embedding', { text_docs: ['x'] }, { model_type: 'distilbert' }))).toEqual({
      status: 400,
      code: 'model_type_inputs',
      message: expect.stringContaining('model_type distilbert: ML Commons sends only input_ids and attention_mask, but this graph also takes token_type_ids'),
    });
  });

  it('pooling_mode none returns each row of output 1 as [1, H], as ML Commons 3.6 does (so normalize_result gives signs)', async () => {
    const [first, second] = runner.session.outputNames;
    const rows = Float32Array.from([0.5, -2, 0, 3, -0.25, 1, 4, -1]);
    const run = jest.spyOn(runner.session, 'run').mockResolvedValue({ [first]: { dims: [2, 3, 4], data: new Float32Array(24) }, [second]: { dims: [2, 4], data: rows } } as never);
    try {
      // Both documents tokenize to the same length, so the batch keeps their order.
      const plain = await runner.predict('text_embedding', { text_docs: ['a', 'b'] }, { model_type: 'bert', pooling_mode: 'none' });
      expect(plain.inference_results.map((r) => [r.output![0].shape, Array.from(r.output![0].data as ArrayLike<number>)])).toEqual([
        [[1, 4], [0.5, -2, 0, 3]],
        [[1, 4], [-0.25, 1, 4, -1]],
      ]);
      const normalized = await runner.predict('text_embedding', { text_docs: ['a', 'b'] }, { model_type: 'bert', pooling_mode: 'none', normalize_result: true });
      expect(Array.from(normalized.inference_results[0].output![0].data as ArrayLike<number>)).toEqual([1, -1, 0, 1]);
    } finally {
      run.mockRestore();
    }
  });

  it('refuses an output that is not float32 as the model\'s fault (400), for every function, instead of failing with a 500', async () => {
    // As control.zip of the bad fixtures: an int64 [batch, sequence] output, which inspect accepts with warnings.
    const ints = (dims: number[]) => ({ dims, type: 'int64', data: new BigInt64Array(dims.reduce((a, b) => a * b, 1)) });
    const outputs = Object.fromEntries(runner.session.outputNames.map((n) => [n, ints([1, 3])]));
    const run = jest.spyOn(runner.session, 'run').mockResolvedValue(outputs as never);
    try {
      const cases: Array<[string, { text_docs: string[]; query_text?: string }]> = [
        ['text_embedding', { text_docs: ['x'] }],
        ['sparse_encoding', { text_docs: ['x'] }],
        ['text_similarity', { text_docs: ['x'], query_text: 'q' }],
      ];
      for (const [fn, body] of cases) {
        expect([fn, await failure(runner.predict(fn, body, { model_type: 'bert' }))]).toEqual([
          fn,
          { status: 400, code: 'unexpected_output', message: expect.stringContaining(`holds int64 values; native inference reads model outputs as float32`) },
        ]);
      }
    } finally {
      run.mockRestore();
    }
  });

  it('refuses pooling_mode none when output 1 is not one vector per document (it would be taken as it is)', async () => {
    // The session's run is replaced at its boundary: this checks what the runner does with a
    // [batch, sequence, hidden] output 1, which no fixture graph has.
    const [first, second] = runner.session.outputNames;
    const tensor = (dims: number[]) => ({ dims, data: new Float32Array(dims.reduce((a, b) => a * b, 1)) });
    const run = jest.spyOn(runner.session, 'run').mockResolvedValue({ [first]: tensor([1, 3, 32]), [second]: tensor([1, 3, 32]) } as never);
    try {
      expect(await failure(runner.predict('text_embedding', { text_docs: ['x'] }, { model_type: 'bert', pooling_mode: 'none' }))).toEqual({
        status: 400,
        code: 'unexpected_output',
        message: expect.stringContaining(`pooling_mode none takes output 1 "${second}" as it is, one vector per document, but its shape is [1, 3, 32]`),
      });
    } finally {
      run.mockRestore();
    }
  });
});
