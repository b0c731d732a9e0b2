import { promises as fs } from 'fs';
import path from 'path';
import type { PredictResponse } from '../../common/types';
import { api, CLUSTER_VERSION, clusterAtLeast, Fixture, loadFixture, ok, until, uploadInChunks, waitForModelState, waitForTask } from './helpers';

jest.setTimeout(600000);

/**
 * Captures real response shapes for the playground's component tests: each fixture registered
 * through the plugin's chunk routes, deployed, and predicted on the cluster (ML Commons 2.19) and
 * natively; the answers (2-3 inputs each) and ML Commons' own error bodies go to
 * test/fixtures/captured/*.json, committed so component tests never use invented shapes. Those
 * come from the 2.19 line the plugin ships for; a 3.x run writes its own under target/ (to compare).
 */
const OUT = clusterAtLeast(3, 0) ? path.resolve(__dirname, '..', '..', 'target', `captured-${CLUSTER_VERSION}`) : path.resolve(__dirname, '..', 'fixtures', 'captured');

const DENSE_DOCS = ['A man is playing a guitar.', 'Someone plays an instrument on stage.', 'The stock market fell sharply today.'];
const SPARSE_DOCS = ['the cat sat on the mat', 'a black cat and a dog'];
const SIMILARITY = { query_text: 'Someone plays an instrument', text_docs: ['The stock market fell sharply today.', 'A man is playing a guitar on stage.', 'A musician plays music.'] };

async function write(name: string, value: unknown) {
  await fs.mkdir(OUT, { recursive: true });
  await fs.writeFile(path.join(OUT, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
}

describe('capture predict responses from ML Commons and native inference', () => {
  const created: string[] = [];
  let groupId: string;

  beforeAll(async () => {
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: `it-capture-${Date.now()}` } })).model_group_id;
  });

  afterAll(async () => {
    for (const modelId of created) {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED', 'DEPLOY_FAILED'], 60000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId });
    }
    if (groupId) await until('group deleted', async () => ((await api('DELETE', 'modelGroupDelete', { groupId })).status === 409 ? undefined : true), 60000).catch(() => undefined);
  });

  async function register(f: Fixture) {
    const { modelId } = await uploadInChunks(f, { model_group_id: groupId });
    created.push(modelId);
    await waitForModelState(modelId, ['REGISTERED'], 60000);
    return modelId;
  }

  async function deploy(modelId: string) {
    const task = await waitForTask((await ok('POST', 'modelDeploy', { modelId })).task_id);
    expect(task.state).toBe('COMPLETED');
    await waitForModelState(modelId, ['DEPLOYED'], 60000);
  }

  async function native(fn: string, f: Fixture, body: object): Promise<PredictResponse> {
    let res = await api('POST', 'nativePredict', { functionName: fn, sha256: f.sha256 }, { body });
    if (res.status === 404) {
      await ok('POST', 'nativeInspect', {}, { raw: await fs.readFile(f.zipPath) });
      res = await api('POST', 'nativePredict', { functionName: fn, sha256: f.sha256 }, { body });
    }
    expect(res.status).toBe(200);
    return res.body;
  }

  it('text_embedding (glove-semantic): cluster, native, options, and the not-deployed and wrong-function errors', async () => {
    const f = loadFixture('glove-semantic');
    const modelId = await register(f);
    const notDeployed = await api('POST', 'predict', { functionName: 'text_embedding', modelId }, { body: { text_docs: ['x'] } });
    expect(notDeployed.status).toBeGreaterThanOrEqual(400);
    await deploy(modelId);
    const cluster = await ok<PredictResponse>('POST', 'predict', { functionName: 'text_embedding', modelId }, { body: { text_docs: DENSE_DOCS } });
    const nat = await native('text_embedding', f, { text_docs: DENSE_DOCS, model_config: f.model_config });
    const noNumbers = await ok('POST', 'predict', { functionName: 'text_embedding', modelId }, { body: { text_docs: DENSE_DOCS.slice(0, 1), return_number: false } });
    // ML Commons 2.19 runs a local model as its registered function whatever the path says.
    const wrongFunction = await api('POST', 'predict', { functionName: 'sparse_encoding', modelId }, { body: { text_docs: DENSE_DOCS.slice(0, 1) } });
    const long = `${'the quick brown fox jumps over the lazy dog '.repeat(70)}end`;
    const truncated = await native('text_embedding', f, { text_docs: ['short one', long] });
    expect(cluster.inference_results).toHaveLength(3);
    await write('text_embedding.cluster', cluster);
    await write('text_embedding.native', nat);
    await write('text_embedding.return_number_false.cluster', noNumbers);
    await write('text_embedding.native_truncated', { native: (truncated as { native?: unknown }).native });
    await write('errors.cluster', {
      not_deployed: { status: notDeployed.status, body: notDeployed.body },
      wrong_function: { status: wrongFunction.status, body: wrongFunction.body, model_algorithm: 'TEXT_EMBEDDING', function: 'sparse_encoding' },
    });
    await write('inspect.glove_semantic', (await ok('POST', 'nativeInspect', {}, { raw: await fs.readFile(f.zipPath) })));
  });

  it('sparse_encoding (tiny-sparse): cluster and native', async () => {
    const f = loadFixture('tiny-sparse');
    const modelId = await register(f);
    await deploy(modelId);
    const cluster = await ok<PredictResponse>('POST', 'predict', { functionName: 'sparse_encoding', modelId }, { body: { text_docs: SPARSE_DOCS } });
    const nat = await native('sparse_encoding', f, { text_docs: SPARSE_DOCS });
    expect(cluster.inference_results).toHaveLength(2);
    await write('sparse_encoding.cluster', cluster);
    await write('sparse_encoding.native', nat);
  });

  it('text_similarity (glove-cross, a cross-encoder-style ONNX model): cluster and native', async () => {
    const f = loadFixture('glove-cross');
    const modelId = await register(f);
    await deploy(modelId);
    const cluster = await ok<PredictResponse>('POST', 'predict', { functionName: 'text_similarity', modelId }, { body: SIMILARITY });
    const nat = await native('text_similarity', f, SIMILARITY);
    expect(cluster.inference_results).toHaveLength(3);
    await write('text_similarity.cluster', cluster);
    await write('text_similarity.native', nat);
  });
});
