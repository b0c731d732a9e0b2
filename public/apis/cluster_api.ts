import { routePath } from '../../common/routes';
import type { ModelProfileResponse, NodeProfileResponse, ReadinessApplyBody, ReadinessResponse } from '../../common/types';
import type { HttpSetup } from '../../types/osd';
import { toQuery } from './query';

/** Cluster level: readiness of the ML Commons settings (read and apply) and the per-node model profile. */
export class ClusterApi {
  constructor(private readonly http: HttpSetup) {}

  readiness(signal?: AbortSignal): Promise<ReadinessResponse> {
    return this.http.get<ReadinessResponse>(routePath('readiness'), { signal });
  }

  /**
   * Writes ML Commons settings as persistent cluster settings, as the current user: the cluster
   * itself decides whether they may (403 with its reason otherwise). Answers the new readiness.
   */
  applySettings(body: ReadinessApplyBody): Promise<ReadinessResponse> {
    return this.http.put<ReadinessResponse>(routePath('readinessApply'), { body: JSON.stringify(body) });
  }

  /** Without ids, profiles every model deployed anywhere in the cluster. */
  profileModels(modelIds?: string[], signal?: AbortSignal): Promise<ModelProfileResponse> {
    return this.http.get<ModelProfileResponse>(routePath('profileModels'), { query: toQuery({ model_ids: modelIds }), signal });
  }

  profileModel(modelId: string, signal?: AbortSignal): Promise<ModelProfileResponse> {
    return this.http.get<ModelProfileResponse>(routePath('profileModel', { modelId }), { signal });
  }

  profileNodes(signal?: AbortSignal): Promise<NodeProfileResponse> {
    return this.http.get<NodeProfileResponse>(routePath('profileNodes'), { signal });
  }
}
