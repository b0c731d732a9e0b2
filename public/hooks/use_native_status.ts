import type { NativeStatus } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

/** The sidecar on this Dashboards server, read while `open` (nothing is asked before). */
export function useNativeStatus(open: boolean) {
  const apis = useApis();
  return useRequest<NativeStatus>(open ? (signal) => apis.native.status(signal) : undefined, [open]);
}
