import { useMemo } from 'react';
import { MAX_PAGE_SIZE } from '../../common/constants';
import type { NativeModelsResponse } from '../../common/types';
import { useApis } from '../services';
import { useModels } from './use_models';
import { useRequest } from './use_request';

/**
 * What the playground can run: the cluster's models (deployed or not, so it can offer to deploy),
 * the first page by name or those whose name matches `search`, and the zips in the native cache.
 * A cluster model whose content hash is cached can also run natively.
 */
export function usePlaygroundModels(search?: string) {
  const apis = useApis();
  const cluster = useModels({ size: MAX_PAGE_SIZE, sort_field: 'name', sort_direction: 'asc', ...(search ? { search } : {}) });
  const native = useRequest<NativeModelsResponse>((signal) => apis.native.models(signal), []);
  const cached = useMemo(() => new Set((native.data?.models ?? []).map((m) => m.sha256)), [native.data]);
  return { cluster, native, cached };
}
