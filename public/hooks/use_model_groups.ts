import type { ModelGroup, ModelGroupSearchParams, Page } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

export function useModelGroups(params: ModelGroupSearchParams) {
  const apis = useApis();
  return useRequest<Page<ModelGroup>>((signal) => apis.modelGroups.search(params, signal), [JSON.stringify(params)]);
}
