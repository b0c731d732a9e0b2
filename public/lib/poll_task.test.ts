import type { Task } from '../../common/types';
import { httpError } from '../../test/mocks/public_http';
import type { TaskApi } from '../apis';
import { isTerminal, pollTask } from './poll_task';

const task = (state: string): Task => ({ id: 't1', task_type: 'DEPLOY_MODEL', state } as Task);

describe('pollTask', () => {
  it('reads until a terminal state, reporting each read, and leaves no abort listener behind', async () => {
    const states = ['CREATED', 'RUNNING', 'RUNNING', 'COMPLETED'];
    const tasks = { get: jest.fn(async () => task(states.shift() as string)) } as unknown as TaskApi;
    const controller = new AbortController();
    const added = jest.spyOn(controller.signal, 'addEventListener');
    const removed = jest.spyOn(controller.signal, 'removeEventListener');
    const seen: string[] = [];
    const done = await pollTask(tasks, 't1', { signal: controller.signal, everyMs: 1, onUpdate: (t) => seen.push(t.state as string) });
    expect(done.state).toBe('COMPLETED');
    expect(seen).toEqual(['CREATED', 'RUNNING', 'RUNNING', 'COMPLETED']);
    // A long deploy polls hundreds of times on one signal: each wait must take its listener back.
    expect(added).toHaveBeenCalledTimes(3);
    expect(removed).toHaveBeenCalledTimes(3);
  });

  it('stops with an AbortError when aborted while waiting', async () => {
    const tasks = { get: jest.fn(async () => task('RUNNING')) } as unknown as TaskApi;
    const controller = new AbortController();
    const polling = pollTask(tasks, 't1', { signal: controller.signal, everyMs: 10000 });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(polling).rejects.toMatchObject({ name: 'AbortError' });
    expect(isTerminal(task('RUNNING'))).toBe(false);
    expect(isTerminal(task('COMPLETED_WITH_ERROR'))).toBe(true);
  });

  it('gives up once timeoutMs has passed without a terminal state, saying the task goes on', async () => {
    const tasks = { get: jest.fn(async () => task('RUNNING')) } as unknown as TaskApi;
    let clock = 0;
    const sleep = jest.fn(async (ms: number) => {
      clock += ms;
    });
    const polling = pollTask(tasks, 't1', { signal: new AbortController().signal, everyMs: 2000, timeoutMs: 10000, sleep, now: () => clock });
    await expect(polling).rejects.toThrow('Task t1 is still RUNNING after 10 s; it goes on in the cluster, see the Tasks page.');
    // Reads at 0, 2, 4, 6, 8 and 10 s are within the deadline; the read at 12 s is past it.
    expect(tasks.get).toHaveBeenCalledTimes(7);
  });

  it('reads again after a read that failed on its own (network, 5xx), without reporting it', async () => {
    const answers: Array<Task | Error> = [task('RUNNING'), httpError(502, 'Bad Gateway'), new TypeError('Failed to fetch'), task('COMPLETED')];
    const tasks = {
      get: jest.fn(async () => {
        const next = answers.shift() as Task | Error;
        if (next instanceof Error) throw next;
        return next;
      }),
    } as unknown as TaskApi;
    const seen: string[] = [];
    const done = await pollTask(tasks, 't1', { signal: new AbortController().signal, everyMs: 1, onUpdate: (t) => seen.push(t.state as string) });
    expect(done.state).toBe('COMPLETED');
    expect(seen).toEqual(['RUNNING', 'COMPLETED']);
    expect(tasks.get).toHaveBeenCalledTimes(4);
  });

  it('stops at once on a 4xx, and names the last failure when reads fail until the deadline', async () => {
    const refused = { get: jest.fn(async () => Promise.reject(httpError(404, 'Task not found'))) } as unknown as TaskApi;
    await expect(pollTask(refused, 't1', { signal: new AbortController().signal, everyMs: 1 })).rejects.toMatchObject({ body: { statusCode: 404 } });
    expect(refused.get).toHaveBeenCalledTimes(1);

    const down = { get: jest.fn(async () => Promise.reject(httpError(503, 'Service Unavailable'))) } as unknown as TaskApi;
    let clock = 0;
    const sleep = async (ms: number) => {
      clock += ms;
    };
    await expect(pollTask(down, 't1', { signal: new AbortController().signal, everyMs: 2000, timeoutMs: 4000, sleep, now: () => clock })).rejects.toThrow(
      'Task t1 could not be read (Service Unavailable) after 4 s; it goes on in the cluster, see the Tasks page.'
    );
  });
});
