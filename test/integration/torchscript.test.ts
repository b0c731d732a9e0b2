import type { PredictResponse } from '../../common/types';
import { api, cosine, loadFixture, ok, until, uploadInChunks, waitForModelState, waitForTask } from './helpers';

jest.setTimeout(300000);

const SENTENCES = ['A man is playing a guitar.', 'Someone plays a musical instrument.', 'The stock market fell sharply today.'];

/**
 * ML Commons' TORCH_SCRIPT path (DJL + libtorch) with modules traced by Debian's PyTorch 1.13.1.
 * They reuse the GloVe table of the ONNX fixture, so both formats must give the same vectors.
 */
describe('TorchScript models against a real ML Commons', () => {
  const fixtures = {
    onnx: loadFixture('glove-semantic'),
    hf: loadFixture('torchscript/glove-ts-hf'),
    st: loadFixture('torchscript/glove-ts-st'),
    sparse: loadFixture('torchscript/glove-ts-sparse'),
  };
  const ids: Record<string, string> = {};
  let groupId: string;

  beforeAll(async () => {
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: `it-torchscript-${Date.now()}` } })).model_group_id;
    for (const [key, fx] of Object.entries(fixtures)) {
      ids[key] = (await uploadInChunks(fx, { model_group_id: groupId })).modelId;
      await waitForModelState(ids[key], ['REGISTERED'], 30000);
      const task = await waitForTask((await ok('POST', 'modelDeploy', { modelId: ids[key] })).task_id);
      expect([key, task.state, task.error]).toEqual([key, 'COMPLETED', undefined]);
    }
  });

  afterAll(async () => {
    for (const id of Object.values(ids)) {
      await api('POST', 'modelUndeploy', { modelId: id });
      await waitForModelState(id, ['UNDEPLOYED'], 30000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId: id });
    }
    if (groupId) await until('group deleted', async () => ((await api('DELETE', 'modelGroupDelete', { groupId })).status === 409 ? undefined : true), 30000);
  });

  async function embed(key: string, extra: Record<string, unknown> = {}, shape = [100]): Promise<number[][]> {
    const res = await ok<PredictResponse>('POST', 'predict', { functionName: 'text_embedding', modelId: ids[key] }, { body: { text_docs: SENTENCES, ...extra } });
    return res.inference_results.map((r) => {
      const out = r.output!.find((o) => o.name === 'sentence_embedding')!;
      expect(out.shape).toEqual(shape);
      expect(out.data).toHaveLength(100);
      return out.data as number[];
    });
  }

  it('huggingface_transformers: ML Commons pools the token embeddings and matches the ONNX model', async () => {
    // ML Commons 2.19 keeps the batch axis on this path: shape [1, 100], where ONNX gives [100].
    const [onnx, hf] = [await embed('onnx'), await embed('hf', {}, [1, 100])];
    for (let i = 0; i < SENTENCES.length; i++) expect(cosine(onnx[i], hf[i])).toBeGreaterThan(0.9999);
    expect(cosine(hf[0], hf[1])).toBeGreaterThan(cosine(hf[0], hf[2]));
  });

  it('sentence_transformers: the module pools itself; target_response keeps sentence_embedding only', async () => {
    const res = await ok<PredictResponse>('POST', 'predict', { functionName: 'text_embedding', modelId: ids.st }, {
      body: { text_docs: SENTENCES.slice(0, 1), target_response: ['sentence_embedding'] },
    });
    expect(res.inference_results[0].output!.map((o) => o.name)).toEqual(['sentence_embedding']);
    const [onnx, st] = [await embed('onnx'), await embed('st', { target_response: ['sentence_embedding'] })];
    for (let i = 0; i < SENTENCES.length; i++) expect(cosine(onnx[i], st[i])).toBeGreaterThan(0.9999);
  });

  it('sparse encoding from a TorchScript module gives a token -> weight map', async () => {
    const res = await ok<PredictResponse>('POST', 'predict', { functionName: 'sparse_encoding', modelId: ids.sparse }, {
      body: { text_docs: ['the cat sat on the mat'] },
    });
    const map = res.inference_results[0].output![0].dataAsMap!.response![0];
    expect(Object.keys(map)).toEqual(expect.arrayContaining(['cat']));
  });
});
