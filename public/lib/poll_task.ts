import { isTerminalTaskState } from '../../common/ml_commons';
import type { Task } from '../../common/types';
import type { TaskApi } from '../apis';
import { errorMessage, isTransientError } from '../apis/errors';
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
 * Reads the task every `everyMs` until it reaches a terminal state and resolves with it. A read
 * that fails on its own (network, 5xx, 429) is tried again at the next turn: the task goes on in
 * the cluster whatever one read answered. Rejects with an AbortError once `signal` aborts, with a
 * 4xx at once, and with a plain error once `timeoutMs` has passed.
 */
export async function pollTask(
  tasks: Pick<TaskApi, 'get'>,
  taskId: string,
  { signal, everyMs = TASK_POLL_MS, timeoutMs = TASK_TIMEOUT_MS, onUpdate, sleep = defaultSleep, now = Date.now }: PollTaskOptions
): Promise<Task> {
  const deadline = now() + timeoutMs;
  let last: Task | undefined;
  for (;;) {
    let failure: unknown;
    try {
      last = await tasks.get(taskId, signal);
    } catch (err) {
      if (signal.aborted || !isTransientError(err)) throw err;
      failure = err;
    }
    if (signal.aborted) throw abortError();
    if (!failure && last) {
      onUpdate?.(last);
      if (isTerminal(last)) return last;
    }
    if (now() > deadline) {
      const seen = failure ? `could not be read (${errorMessage(failure)})` : `is still ${last?.state}`;
      throw new Error(`Task ${taskId} ${seen} after ${Math.round(timeoutMs / 1000)} s; it goes on in the cluster, see the Tasks page.`);
    }
    await sleep(everyMs, signal);
  }
}
