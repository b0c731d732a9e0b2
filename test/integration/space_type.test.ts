import type { Model, PredictResponse } from '../../common/types';
import { api, CLUSTER_VERSION, clusterAtLeast, loadFixture, ok, opensearch, uploadInChunks, waitForModelState, waitForTask } from './helpers';

jest.setTimeout(300000);

/**
 * `model_config.additional_config.space_type`, which the semantic field (3.1+) needs of a local
 * TEXT_EMBEDDING model: stored on 3.1+, refused before anything is made on an older cluster
 * (2.19.6 would accept the model and drop it without a word).
 */
describe('the semantic-field space type (additional_config)', () => {
  const tinyBert = loadFixture('tiny-bert');
  const name = `it-space-type-${Date.now()}`;
  const withSpace = (space_type: string) => ({ ...tinyBert.model_config, additional_config: { space_type } });
  let groupId: string;
  let modelId: string | undefined;

  beforeAll(async () => {
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: `${name}-group` } })).model_group_id;
  });
  afterAll(async () => {
    if (modelId) {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED'], 60000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId });
    }
    await api('DELETE', 'modelGroupDelete', { groupId });
  });

  (clusterAtLeast(3, 1) ? it : it.skip)(`is stored as sent, kept by an update, and the model deploys and predicts (${CLUSTER_VERSION})`, async () => {
    modelId = (await uploadInChunks(tinyBert, { name, model_group_id: groupId, model_config: withSpace('InnerProduct') })).modelId;
    await waitForModelState(modelId, ['REGISTERED'], 30000);
    // As ML Commons itself returns it, in k-NN's spelling.
    const raw = await opensearch('GET', `/_plugins/_ml/models/${modelId}`);
    expect(raw.model_config.additional_config).toEqual({ space_type: 'innerproduct' });

    await ok('PUT', 'modelUpdate', { modelId }, { body: { model_config: withSpace('l2') } });
    const updated = await ok<Model>('GET', 'model', { modelId });
    expect(updated.model_config?.additional_config).toEqual({ space_type: 'l2' });

    expect((await waitForTask((await ok('POST', 'modelDeploy', { modelId })).task_id)).state).toBe('COMPLETED');
    const res = await ok<PredictResponse>('POST', 'predict', { functionName: 'text_embedding', modelId }, { body: { text_docs: ['a space type'] } });
    expect(res.inference_results[0].output?.[0]?.data).toHaveLength(tinyBert.model_config!.embedding_dimension as number);
  });

  (clusterAtLeast(3, 1) ? it.skip : it)(`is refused before anything is registered or changed (${CLUSTER_VERSION})`, async () => {
    const res = await api('POST', 'modelRegisterMeta', {}, {
      body: {
        name,
        function_name: 'TEXT_EMBEDDING',
        model_group_id: groupId,
        model_format: 'ONNX',
        model_content_hash_value: tinyBert.sha256,
        model_content_size_in_bytes: tinyBert.size_bytes,
        total_chunks: 1,
        model_config: withSpace('cosinesimil'),
      },
    });
    expect([res.status, res.body.message]).toEqual([
      400,
      `[model_config.additional_config]: needs OpenSearch 3.1 or later; ${CLUSTER_VERSION} would accept the model and silently drop it (space_type included)`,
    ]);
    expect((await ok('GET', 'models', {}, { query: { model_group_id: groupId } })).total).toBe(0);

    // An update of an existing model is refused alike, and leaves its config as it was.
    modelId = (await uploadInChunks(tinyBert, { name, model_group_id: groupId })).modelId;
    await waitForModelState(modelId, ['REGISTERED'], 30000);
    const update = await api('PUT', 'modelUpdate', { modelId }, { body: { model_config: withSpace('l2') } });
    expect(update.status).toBe(400);
    expect((await ok<Model>('GET', 'model', { modelId })).model_config).toEqual({ ...tinyBert.model_config, framework_type: 'SENTENCE_TRANSFORMERS', pooling_mode: 'MEAN' });
  });
});
