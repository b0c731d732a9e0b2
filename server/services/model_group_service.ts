import type { ModelGroup, ModelGroupCreateBody, ModelGroupCreateResponse, ModelGroupSearchParams, ModelGroupUpdateBody, Page } from '../../common/types';
import { ML_API, MlService, seg } from './ml_api';
import { buildModelGroupSearch } from './queries';

type StoredGroup = Omit<ModelGroup, 'id'>;

export class ModelGroupService extends MlService {
  search(params: ModelGroupSearchParams): Promise<Page<ModelGroup>> {
    return this.searchPage<StoredGroup>(`${ML_API}/model_groups/_search`, buildModelGroupSearch(params));
  }

  get(groupId: string): Promise<ModelGroup> {
    return this.getWithId<StoredGroup>(`${ML_API}/model_groups/${seg(groupId)}`, groupId);
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
