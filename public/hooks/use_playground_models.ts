import { useMemo } from 'react';
import { MAX_PAGE_SIZE } from '../../common/constants';
import type { Model, NativeModelsResponse } from '../../common/types';
import { useApis } from '../services';
import { useModels } from './use_models';
import { useRequest } from './use_request';

/**
 * What the playground can run: the cluster's models (deployed or not, so it can offer to deploy),
 * the first page by name or those whose name matches `search`, and the zips in the native cache.
 * A cluster model whose content hash is cached can also run natively (`nativeHashOf`).
 */
export function usePlaygroundModels(search?: string) {
  const apis = useApis();
  const cluster = useModels({ size: MAX_PAGE_SIZE, sort_field: 'name', sort_direction: 'asc', ...(search ? { search } : {}) });
  const native = useRequest<NativeModelsResponse>((signal) => apis.native.models(signal), []);
  const cached = useMemo(() => new Set((native.data?.models ?? []).map((m) => m.sha256)), [native.data]);
  return { cluster, native, cached };
}

/**
 * The cached zip a cluster model can run natively from, if any: its content hash is in the cache
 * and it is ONNX (a TorchScript zip is cached too, from its upload, but runs on the cluster only).
 */
export function nativeHashOf(model: Model, cached: Set<string>): string | undefined {
  const hash = model.model_content_hash_value;
  return hash && model.model_format !== 'TORCH_SCRIPT' && cached.has(hash) ? hash : undefined;
}
