import type { ModelGroup, ModelGroupCreateBody, ModelGroupCreateResponse, ModelGroupSearchParams, ModelGroupUpdateBody, Page } from '../../common/types';
import { ML_API, MlService, SearchResponse, seg, totalOf } from './ml_api';
import { buildModelGroupSearch } from './queries';

type StoredGroup = Omit<ModelGroup, 'id'>;

export class ModelGroupService extends MlService {
  async search(params: ModelGroupSearchParams): Promise<Page<ModelGroup>> {
    const res = await this.send<SearchResponse<StoredGroup>>('POST', `${ML_API}/model_groups/_search`, buildModelGroupSearch(params));
    return {
      total: totalOf(res),
      items: res.hits.hits.map((h) => ({ ...(h._source as StoredGroup), id: h._id })),
    };
  }

  async get(groupId: string): Promise<ModelGroup> {
    // The stored document carries no id of its own.
    const body = await this.send<StoredGroup>('GET', `${ML_API}/model_groups/${seg(groupId)}`);
    return { ...body, id: groupId };
  }

  create(body: ModelGroupCreateBody): Promise<ModelGroupCreateResponse> {
    return this.send('POST', `${ML_API}/model_groups/_register`, body);
  }

  update(groupId: string, body: ModelGroupUpdateBody): Promise<{ status: string }> {
    return this.send('PUT', `${ML_API}/model_groups/${seg(groupId)}`, body);
  }

  delete(groupId: string): Promise<{ result?: string }> {
    return this.send('DELETE', `${ML_API}/model_groups/${seg(groupId)}`);
  }
}
