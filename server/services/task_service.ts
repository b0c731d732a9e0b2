import type { Page, Task, TaskSearchParams } from '../../common/types';
import { PluginHttpError, readUpstreamError } from '../lib/errors';
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

  /**
   * ML Commons refuses to delete a running task with a 500 ("Task cannot be deleted in running
   * state"), the status of a server fault: answered as the 409 it is, with ML Commons' reason.
   */
  async delete(taskId: string): Promise<{ result?: string }> {
    try {
      return await this.send('DELETE', `${ML_API}/tasks/${seg(taskId)}`);
    } catch (err) {
      const upstream = readUpstreamError(err);
      if (upstream?.statusCode === 500 && (await this.get(taskId).catch(() => undefined))?.state === 'RUNNING') {
        throw new PluginHttpError(409, upstream.reason);
      }
      throw err;
    }
  }
}
