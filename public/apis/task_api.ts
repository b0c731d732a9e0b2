import { routePath } from '../../common/routes';
import type { Page, Task, TaskSearchParams } from '../../common/types';
import type { HttpSetup } from '../../types/osd';
import { toQuery } from './query';

export class TaskApi {
  constructor(private readonly http: HttpSetup) {}

  search(params: TaskSearchParams, signal?: AbortSignal): Promise<Page<Task>> {
    return this.http.get<Page<Task>>(routePath('tasks'), { query: toQuery(params), signal });
  }

  get(taskId: string, signal?: AbortSignal): Promise<Task> {
    return this.http.get<Task>(routePath('task', { taskId }), { signal });
  }

  delete(taskId: string): Promise<{ result?: string }> {
    return this.http.delete<{ result?: string }>(routePath('taskDelete', { taskId }));
  }
}
