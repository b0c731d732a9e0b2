import { isTerminalTaskState } from '../../common/ml_commons';
import type { Task } from '../../common/types';
import type { TaskApi } from '../apis';
import { defaultSleep as sleep } from '../lib/sleep';

/** ML Commons' own clients poll tasks this often. */
export const TASK_POLL_MS = 2000;

export const isTerminal = (task: Task): boolean => isTerminalTaskState(task.state);

/**
 * Reads the task every `everyMs` until it reaches a terminal state and resolves with it; `onUpdate`
 * sees every intermediate read (CREATED, RUNNING). Rejects with an AbortError once `signal` aborts.
 */
export async function pollTask(
  tasks: TaskApi,
  taskId: string,
  { signal, everyMs = TASK_POLL_MS, onUpdate }: { signal: AbortSignal; everyMs?: number; onUpdate?: (task: Task) => void }
): Promise<Task> {
  for (;;) {
    const task = await tasks.get(taskId, signal);
    if (signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    onUpdate?.(task);
    if (isTerminal(task)) return task;
    await sleep(everyMs, signal);
  }
}
