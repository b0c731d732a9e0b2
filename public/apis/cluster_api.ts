import { routePath } from '../../common/routes';
import type { ModelProfileResponse, NodeProfileResponse, ReadinessResponse } from '../../common/types';
import type { HttpSetup } from '../../types/osd';
import { toQuery } from './query';

/** Cluster-level reads: readiness of the ML Commons settings and the per-node model profile. */
export class ClusterApi {
  constructor(private readonly http: HttpSetup) {}

  readiness(signal?: AbortSignal): Promise<ReadinessResponse> {
    return this.http.get<ReadinessResponse>(routePath('readiness'), { signal });
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
