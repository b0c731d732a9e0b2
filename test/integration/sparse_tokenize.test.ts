import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import path from 'path';
import type { PredictResponse } from '../../common/types';
import { api, ok, until, uploadInChunks, waitForModelState, waitForTask } from './helpers';

jest.setTimeout(180000);

/**
 * The one zip without a model file ML Commons takes: a sparse tokenizer (tokenizer.json alone;
 * `verifyModelZipFile` exempts SPARSE_TOKENIZE). The browser's check lets it through for that
 * function only; here the cluster shows it registers, deploys and predicts.
 */
describe('a tokenizer-only zip as a sparse tokenizer', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { FIXTURES_DIR } = require('../../scripts/fixtures/fixtures.cjs');
  const zipPath = path.join(FIXTURES_DIR, 'bad', 'no-model.zip');
  const zip = readFileSync(zipPath);
  let groupId: string;
  let modelId: string | undefined;

  beforeAll(async () => {
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: `it-sparse-tokenize-${Date.now()}` } })).model_group_id;
  });
  afterAll(async () => {
    if (modelId) {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED'], 30000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId });
    }
    await until('the group to be deletable', async () => ((await api('DELETE', 'modelGroupDelete', { groupId })).status === 409 ? undefined : true), 30000);
  });

  it('registers by chunks with no model_config, deploys, and weighs each token 1 (no idf.json)', async () => {
    const fixture = {
      name: 'tokenizer-only',
      sha256: createHash('sha256').update(zip).digest('hex'),
      size_bytes: zip.length,
      function_name: 'SPARSE_TOKENIZE',
      model_format: 'TORCH_SCRIPT' as const,
      zipPath,
    };
    modelId = (await uploadInChunks(fixture, { model_group_id: groupId })).modelId;
    await waitForModelState(modelId, ['REGISTERED'], 30000);
    const task = await waitForTask((await ok('POST', 'modelDeploy', { modelId })).task_id);
    expect(task).toMatchObject({ state: 'COMPLETED' });
    const res = await ok<PredictResponse>('POST', 'predict', { functionName: 'sparse_tokenize', modelId }, { body: { text_docs: ['hello world'] } });
    expect(res.inference_results[0].output![0].dataAsMap!.response![0]).toEqual({ hello: 1, world: 1 });
  });
});
