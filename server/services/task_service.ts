import type { Page, Task, TaskSearchParams } from '../../common/types';
import { ML_API, MlService, SearchResponse, seg, totalOf } from './ml_api';
import { buildTaskSearch } from './queries';

type StoredTask = Omit<Task, 'id'>;

export class TaskService extends MlService {
  async search(params: TaskSearchParams): Promise<Page<Task>> {
    const res = await this.send<SearchResponse<StoredTask>>('POST', `${ML_API}/tasks/_search`, buildTaskSearch(params));
    return {
      total: totalOf(res),
      items: res.hits.hits.map((h) => ({ ...(h._source as StoredTask), id: h._id })),
    };
  }

  async get(taskId: string): Promise<Task> {
    const body = await this.send<StoredTask>('GET', `${ML_API}/tasks/${seg(taskId)}`);
    return { ...body, id: taskId };
  }

  delete(taskId: string): Promise<{ result?: string }> {
    return this.send('DELETE', `${ML_API}/tasks/${seg(taskId)}`);
  }
}
