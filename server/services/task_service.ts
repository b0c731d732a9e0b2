import type { Page, Task, TaskSearchParams } from '../../common/types';
import { ML_API, MlService, seg } from './ml_api';
import { buildTaskSearch } from './queries';

type StoredTask = Omit<Task, 'id'>;

export class TaskService extends MlService {
  search(params: TaskSearchParams): Promise<Page<Task>> {
    return this.searchPage<StoredTask>(`${ML_API}/tasks/_search`, buildTaskSearch(params));
  }

  get(taskId: string): Promise<Task> {
    return this.getWithId<StoredTask>(`${ML_API}/tasks/${seg(taskId)}`, taskId);
  }

  delete(taskId: string): Promise<{ result?: string }> {
    return this.send('DELETE', `${ML_API}/tasks/${seg(taskId)}`);
  }
}
