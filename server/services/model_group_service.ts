import type { ModelGroup, ModelGroupCreateBody, ModelGroupCreateResponse, ModelGroupSearchParams, ModelGroupUpdateBody, Page } from '../../common/types';
import { PluginHttpError } from '../lib/errors';
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

  /** ML Commons answers 200 `{result: "not_found"}` for a missing group; that is a 404 here, not a success. */
  async delete(groupId: string): Promise<{ result?: string }> {
    const res = await this.send<{ result?: string }>('DELETE', `${ML_API}/model_groups/${seg(groupId)}`);
    if (res?.result === 'not_found') throw new PluginHttpError(404, `Failed to find model group with the provided model group id: ${groupId}`);
    return res;
  }
}
