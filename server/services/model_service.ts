import { PluginHttpError, readUpstreamError } from '../lib/errors';
import type { Readable } from 'stream';
import type {
  DeployResponse,
  Model,
  ModelRegisterMetaBody,
  ModelRegisterUrlBody,
  ModelSearchParams,
  ModelUpdateBody,
  Page,
  RegisterMetaResponse,
  RegisterUrlResponse,
  UndeployResponse,
  UploadChunkResponse,
} from '../../common/types';
import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { chunkCount, chunkRange } from '../../common/upload';
import { ML_API, MlService, seg } from './ml_api';
import { buildChunkSearch, buildHashSearch, buildModelSearch } from './queries';

type StoredModel = Omit<Model, 'id'>;

/**
 * ML Commons picks the `model_config` parser from `function_name` as already read, so
 * `function_name` must come first in the JSON it receives.
 */
export function functionNameFirst<T extends { function_name?: string }>(body: T): T {
  const { function_name: fn, ...rest } = body;
  return (fn === undefined ? rest : { function_name: fn, ...rest }) as T;
}

export class ModelService extends MlService {
  /**
   * Which of `hashes` belong to a deployed model this caller can see: ML Commons' search applies
   * the caller's model-group access, and a deploy proves the hash (see HASH_VERIFIED_STATES), so
   * this is the cluster's own answer to "may they use it".
   */
  async visibleHashes(hashes: string[]): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const page = await this.searchPage<{ model_content_hash_value?: string }>(`${ML_API}/models/_search`, buildHashSearch(hashes));
    return new Set(page.items.map((m) => m.model_content_hash_value).filter((h): h is string => !!h && hashes.includes(h)));
  }

  search(params: ModelSearchParams): Promise<Page<Model>> {
    return this.searchPage<StoredModel>(`${ML_API}/models/_search`, buildModelSearch(params));
  }

  get(modelId: string): Promise<Model> {
    return this.getWithId<StoredModel>(`${ML_API}/models/${seg(modelId)}`, modelId);
  }

  registerByUrl(body: ModelRegisterUrlBody): Promise<RegisterUrlResponse> {
    return this.send('POST', `${ML_API}/models/_register`, functionNameFirst(body));
  }

  registerMeta(body: ModelRegisterMetaBody): Promise<RegisterMetaResponse> {
    return this.send('POST', `${ML_API}/models/_register_meta`, functionNameFirst(body));
  }

  /**
   * ML Commons 2.19 stores a chunk for any model in any state, and a chunk sent to a registered
   * model replaces part of its content: the model drops back to REGISTERED and every later deploy
   * fails with "model content changed" (checked live). So a chunk goes up only while its model's
   * upload is under way, and only within the chunk count it was registered with.
   *
   * The last chunk turns the model REGISTERED whatever came before it (2.19.6 and 3.6.0): sent
   * before an earlier one, it leaves a registered model with chunks missing, which takes no more
   * chunks and fails every deploy. So it goes up only once every earlier chunk is stored. And a
   * chunk whose declared length (`declaredBytes`) is not its slice of the registered size would
   * only show at deploy, as a hash mismatch: refused before it is sent.
   */
  async checkChunkTarget(modelId: string, chunkNumber: number, declaredBytes?: number): Promise<void> {
    const model = await this.get(modelId);
    if (model.model_state !== 'REGISTERING') {
      throw new PluginHttpError(
        409,
        `Model ${modelId} is ${model.model_state ?? 'in no state'}: chunks are taken only while its upload is under way (REGISTERING). A chunk sent now would replace part of a registered model, which ML Commons would then refuse to deploy.`
      );
    }
    if (typeof model.total_chunks === 'number' && chunkNumber >= model.total_chunks) {
      throw new PluginHttpError(400, `Chunk ${chunkNumber} is beyond the ${model.total_chunks} chunks model ${modelId} was registered with (numbered from 0)`, 'chunkNumber');
    }
    const total = model.total_chunks;
    const size = model.model_content_size_in_bytes;
    if (declaredBytes !== undefined && typeof total === 'number' && typeof size === 'number' && chunkCount(size) === total) {
      const { start, end } = chunkRange(chunkNumber, size);
      const expected = end - start;
      if (declaredBytes !== expected) {
        throw new PluginHttpError(
          400,
          `Chunk ${chunkNumber} of model ${modelId} must be ${expected} bytes (a zip of ${size} bytes in ${total} chunks of ${CHUNK_SIZE_BYTES}), not ${declaredBytes}`,
          'chunkNumber'
        );
      }
    }
    if (typeof total === 'number' && total > 1 && chunkNumber === total - 1) {
      const page = await this.searchPage<{ chunk_number?: number }>(`${ML_API}/models/_search`, buildChunkSearch(modelId, total));
      const stored = new Set(page.items.map((c) => c.chunk_number));
      const missing = Array.from({ length: total - 1 }, (_x, i) => i).filter((i) => !stored.has(i));
      if (missing.length) {
        throw new PluginHttpError(
          409,
          `Chunk ${chunkNumber} is the last of model ${modelId}, and ML Commons registers the model when it arrives: send it after chunk${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''} (${missing.length} missing), or the model would be registered incomplete.`,
          'chunkNumber'
        );
      }
    }
  }

  /**
   * The chunk is raw zip bytes, yet OpenSearch core answers 406 to `application/octet-stream`:
   * ML Commons reads the body as bytes whatever the declared type, so it goes up as JSON.
   */
  uploadChunk(modelId: string, chunkNumber: number, chunk: Readable | Buffer): Promise<UploadChunkResponse> {
    return this.send('POST', `${ML_API}/models/${seg(modelId)}/upload_chunk/${seg(chunkNumber)}`, chunk, undefined, {
      headers: { 'content-type': 'application/json' },
      // A streamed body cannot be replayed, so a retry would send an empty chunk.
      maxRetries: 0,
    });
  }

  update(modelId: string, body: ModelUpdateBody): Promise<{ result?: string }> {
    return this.send('PUT', `${ML_API}/models/${seg(modelId)}`, body);
  }

  delete(modelId: string): Promise<{ result?: string }> {
    return this.send('DELETE', `${ML_API}/models/${seg(modelId)}`);
  }

  /**
   * ML Commons 2.19 starts a deploy of a model whose upload is still under way: the task fails
   * ("Fail to find model chunk"), the model turns DEPLOY_FAILED, and its upload can no longer
   * finish, since chunks are taken only in REGISTERING (checked live). So that deploy is refused.
   * A user allowed to deploy but not to read models (403) deploys as before.
   */
  async deploy(modelId: string, nodeIds?: string[]): Promise<DeployResponse> {
    const model = await this.get(modelId).catch((err) => (readUpstreamError(err)?.statusCode === 403 ? undefined : Promise.reject(err)));
    if (model?.model_state === 'REGISTERING') {
      throw new PluginHttpError(
        409,
        `Model ${modelId} is still being uploaded (REGISTERING): it can be deployed once all its chunks are in and it is REGISTERED. A deploy now would fail and leave the upload unable to finish.`
      );
    }
    return this.send('POST', `${ML_API}/models/${seg(modelId)}/_deploy`, nodeIds?.length ? { node_ids: nodeIds } : undefined);
  }

  /**
   * ML Commons cannot stop a deploy midway: an undeploy sent while the model is DEPLOYING answers
   * 200 `not_found`, and then (checked live) 2.19.6 leaves the deploy task RUNNING until its
   * timeout with the model UNDEPLOYED, or fails the deploy, while 3.6.0 finishes the deploy anyway.
   * So that undeploy is refused; one of a user who may not read models (403) goes as before.
   */
  async undeploy(modelId: string): Promise<UndeployResponse> {
    const model = await this.get(modelId).catch((err) => (readUpstreamError(err)?.statusCode === 403 ? undefined : Promise.reject(err)));
    if (model?.model_state === 'DEPLOYING') {
      throw new PluginHttpError(
        409,
        `Model ${modelId} is being deployed (DEPLOYING): ML Commons cannot stop a deploy midway, so undeploy it once the deploy has ended. An undeploy now would not stop it and could leave its deploy task running.`
      );
    }
    return this.send('POST', `${ML_API}/models/${seg(modelId)}/_undeploy`);
  }
}
