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
import { DeletedNotifier } from './deleted_notifier';
import { toQuery } from './query';

export class ModelGroupApi {
  private readonly deleted = new DeletedNotifier();

  constructor(private readonly http: HttpSetup) {}

  /** Calls `listener` after each group this client deletes; returns the unsubscribe function. */
  onDeleted(listener: (groupId: string) => void): () => void {
    return this.deleted.subscribe(listener);
  }

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

  async delete(groupId: string): Promise<{ result?: string }> {
    const result = await this.http.delete<{ result?: string }>(routePath('modelGroupDelete', { groupId }));
    this.deleted.notify(groupId);
    return result;
  }
}
