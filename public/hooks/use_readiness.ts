import type { ReadinessResponse } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

export function useReadiness() {
  const apis = useApis();
  return useRequest<ReadinessResponse>((signal) => apis.cluster.readiness(signal), []);
}
