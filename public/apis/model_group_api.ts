import { routePath } from '../../common/routes';
import type {
  ModelGroup,
  ModelGroupCreateBody,
  ModelGroupCreateResponse,
  ModelGroupSearchParams,
  ModelGroupUpdateBody,
  Page,
} from '../../common/types';
import type { HttpSetup } from '../../types/osd';
import { toQuery } from './query';

export class ModelGroupApi {
  constructor(private readonly http: HttpSetup) {}

  search(params: ModelGroupSearchParams, signal?: AbortSignal): Promise<Page<ModelGroup>> {
    return this.http.get<Page<ModelGroup>>(routePath('modelGroups'), { query: toQuery(params), signal });
  }

  get(groupId: string, signal?: AbortSignal): Promise<ModelGroup> {
    return this.http.get<ModelGroup>(routePath('modelGroup', { groupId }), { signal });
  }

  create(body: ModelGroupCreateBody): Promise<ModelGroupCreateResponse> {
    return this.http.post<ModelGroupCreateResponse>(routePath('modelGroupCreate'), { body: JSON.stringify(body) });
  }

  update(groupId: string, body: ModelGroupUpdateBody): Promise<{ status: string }> {
    return this.http.put<{ status: string }>(routePath('modelGroupUpdate', { groupId }), { body: JSON.stringify(body) });
  }

  delete(groupId: string): Promise<{ result?: string }> {
    return this.http.delete<{ result?: string }>(routePath('modelGroupDelete', { groupId }));
  }
}
