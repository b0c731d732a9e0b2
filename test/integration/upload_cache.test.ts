import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { createHash } from 'crypto';
import type { NativeModelsResponse, PredictResponse } from '../../common/types';
import { Client } from '@opensearch-project/opensearch';
import { ModelService } from '../../server/services/model_service';
import type { Transport } from '../../types/osd';
import { api, loadFixture, ok, OPENSEARCH, until, uploadInChunks, waitForModelState, waitForTask } from './helpers';

jest.setTimeout(120000);

/** The same zip with an archive comment: identical content, a SHA-256 no cache has seen. */
function withComment(zip: Buffer, comment: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || zip.readUInt16LE(eocd + 20) !== 0) throw new Error('expected a zip without a comment');
  const out = Buffer.concat([zip, Buffer.from(comment)]);
  out.writeUInt16LE(Buffer.byteLength(comment), eocd + 20);
  return out;
}

describe('a chunked upload through this server feeds the native cache', () => {
  it('caches the zip under its registered hash, so it runs natively without a second upload', async () => {
    const base = loadFixture('tiny-bert');
    const zip = withComment(await fs.readFile(base.zipPath), `upload-cache-test ${Date.now()}`);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-upload-cache-'));
    const zipPath = path.join(dir, 'model.zip');
    await fs.writeFile(zipPath, zip);
    const sha256 = createHash('sha256').update(zip).digest('hex');
    const fixture = { ...base, name: 'tiny-bert-commented', zipPath, sha256, size_bytes: zip.length };

    const before = await ok<NativeModelsResponse>('GET', 'nativeModels');
    expect(before.models.map((m) => m.sha256)).not.toContain(sha256);

    const { modelId } = await uploadInChunks(fixture, {});
    try {
      await waitForModelState(modelId, ['REGISTERED'], 30000);
      const cached = await until('the zip in the native cache', async () => {
        const list = await ok<NativeModelsResponse>('GET', 'nativeModels');
        return list.models.find((m) => m.sha256 === sha256);
      }, 20000, 250);
      expect(cached).toMatchObject({ source: 'upload', size_bytes: zip.length, function_name: 'TEXT_EMBEDDING' });
      // The registered config came along, so no model_config is needed in the request.
      const res = await ok<PredictResponse>('POST', 'nativePredict', { functionName: 'text_embedding', sha256 }, { body: { text_docs: ['hello world'] } });
      expect(res.inference_results[0].output![0].shape).toEqual([32]);
      // The question native access asks the cluster for users who did not send a zip (with the
      // Security plugin on): which of these hashes belong to a model it shows them, whose bytes
      // ML Commons has checked against that hash (at deploy).
      const client = new Client({ node: OPENSEARCH() });
      try {
        const service = new ModelService(client.transport as unknown as Transport);
        expect(Array.from(await service.visibleHashes([sha256]))).toEqual([]);
        await waitForTask((await ok('POST', 'modelDeploy', { modelId })).task_id);
        await waitForModelState(modelId, ['DEPLOYED'], 60000);
        // The model index is searched, which sees the DEPLOYED update after its next refresh (about 1 s).
        const shown = await until('the deployed model in a search', async () => {
          const hashes = Array.from(await service.visibleHashes([sha256, 'f'.repeat(64)]));
          return hashes.length ? hashes : undefined;
        }, 10000, 200);
        expect(shown).toEqual([sha256]);
      } finally {
        await client.close();
      }
    } finally {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED'], 60000).catch(() => undefined);
      const model = await ok('GET', 'model', { modelId });
      await api('DELETE', 'modelDelete', { modelId });
      await until('group deleted', async () => ((await api('DELETE', 'modelGroupDelete', { groupId: model.model_group_id })).status === 409 ? undefined : true), 30000);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
