import type { Model, ModelSearchParams, Page } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

/** One page of models matching `params`; pass `undefined` to hold off fetching. */
export function useModels(params: ModelSearchParams | undefined) {
  const apis = useApis();
  return useRequest<Page<Model>>(params && ((signal) => apis.models.search(params, signal)), [JSON.stringify(params)]);
}
