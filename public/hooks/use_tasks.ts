import type { Page, Task, TaskSearchParams } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

export function useTasks(params: TaskSearchParams) {
  const apis = useApis();
  return useRequest<Page<Task>>((signal) => apis.tasks.search(params, signal), [JSON.stringify(params)]);
}
