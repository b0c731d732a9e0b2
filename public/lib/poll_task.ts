import { isTerminalTaskState } from '../../common/ml_commons';
import type { Task } from '../../common/types';
import type { TaskApi } from '../apis';
import { abortError } from './blob_slices';
import { defaultSleep, Sleep } from './sleep';

/** ML Commons' own clients poll tasks this often. */
export const TASK_POLL_MS = 2000;
/** ML Commons ends a task that idles for 600 s itself; waiting a little longer lets its verdict come first. */
export const TASK_TIMEOUT_MS = 660000;

export const isTerminal = (task: Task): boolean => isTerminalTaskState(task.state);

export interface PollTaskOptions {
  signal: AbortSignal;
  everyMs?: number;
  /** After this long without a terminal state, polling gives up (the task itself goes on). */
  timeoutMs?: number;
  /** Sees every read, intermediate ones (CREATED, RUNNING) included. */
  onUpdate?: (task: Task) => void;
  sleep?: Sleep;
  now?: () => number;
}

/**
 * Reads the task every `everyMs` until it reaches a terminal state and resolves with it. Rejects
 * with an AbortError once `signal` aborts, and with a plain error once `timeoutMs` has passed.
 */
export async function pollTask(
  tasks: Pick<TaskApi, 'get'>,
  taskId: string,
  { signal, everyMs = TASK_POLL_MS, timeoutMs = TASK_TIMEOUT_MS, onUpdate, sleep = defaultSleep, now = Date.now }: PollTaskOptions
): Promise<Task> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const task = await tasks.get(taskId, signal);
    if (signal.aborted) throw abortError();
    onUpdate?.(task);
    if (isTerminal(task)) return task;
    if (now() > deadline) {
      throw new Error(`Task ${taskId} is still ${task.state} after ${Math.round(timeoutMs / 1000)} s; it goes on in the cluster, see the Tasks page.`);
    }
    await sleep(everyMs, signal);
  }
}
