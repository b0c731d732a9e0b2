import type { ModelProfileResponse } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

/** Worker and target nodes of the given models; waits while `modelIds` is undefined or empty. */
export function useModelProfiles(modelIds: string[] | undefined) {
  const apis = useApis();
  const ids = modelIds && modelIds.length > 0 ? modelIds : undefined;
  return useRequest<ModelProfileResponse>(ids && ((signal) => apis.cluster.profileModels(ids, signal)), [ids?.join(',')]);
}
