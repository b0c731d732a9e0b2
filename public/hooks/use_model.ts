import type { Model, ModelGroup, ModelProfileResponse } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

export function useModel(modelId: string) {
  const apis = useApis();
  return useRequest<Model>((signal) => apis.models.get(modelId, signal), [modelId]);
}

export function useModelGroup(groupId: string | undefined) {
  const apis = useApis();
  return useRequest<ModelGroup>(groupId ? (signal) => apis.modelGroups.get(groupId, signal) : undefined, [groupId]);
}

/** Target, worker and per-node state of one model (`{}` when it runs nowhere). */
export function useModelProfile(modelId: string) {
  const apis = useApis();
  return useRequest<ModelProfileResponse>((signal) => apis.cluster.profileModel(modelId, signal), [modelId]);
}
