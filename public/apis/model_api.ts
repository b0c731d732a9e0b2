import { routePath } from '../../common/routes';
import type {
  DeployBody,
  DeployResponse,
  Model,
  ModelSearchParams,
  ModelUpdateBody,
  Page,
  UndeployResponse,
} from '../../common/types';
import type { HttpSetup } from '../../types/osd';
import { toQuery } from './query';

export class ModelApi {
  constructor(private readonly http: HttpSetup) {}

  search(params: ModelSearchParams, signal?: AbortSignal): Promise<Page<Model>> {
    return this.http.get<Page<Model>>(routePath('models'), { query: toQuery(params), signal });
  }

  get(modelId: string, signal?: AbortSignal): Promise<Model> {
    return this.http.get<Model>(routePath('model', { modelId }), { signal });
  }

  update(modelId: string, body: ModelUpdateBody): Promise<{ result?: string }> {
    return this.http.put<{ result?: string }>(routePath('modelUpdate', { modelId }), { body: JSON.stringify(body) });
  }

  delete(modelId: string): Promise<{ result?: string }> {
    return this.http.delete<{ result?: string }>(routePath('modelDelete', { modelId }));
  }

  deploy(modelId: string, body: DeployBody = {}): Promise<DeployResponse> {
    return this.http.post<DeployResponse>(routePath('modelDeploy', { modelId }), { body: JSON.stringify(body) });
  }

  undeploy(modelId: string): Promise<UndeployResponse> {
    return this.http.post<UndeployResponse>(routePath('modelUndeploy', { modelId }));
  }
}
