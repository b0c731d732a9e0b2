import path from 'path';
import { WorkerPool } from './worker_pool';
import type { Job } from './protocol';

const FAKE = path.join(__dirname, '..', '..', 'test', 'mocks', 'fake_inference_worker.js');
/** `fake` reaches the fake worker through workerData (jest's process.env is not the one Worker copies). */
const settings = (fake?: string, cancelGraceMs?: number) => ({ workers: 1, intraOpThreads: 1, maxLoadedModels: 1, maxBatchSize: 8, fake, cancelGraceMs });
const job = (sha256: string) => ({ kind: 'predict', sha256 } as unknown as Job);
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e) => `${e.statusCode} ${e.code}: ${e.message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the sidecar worker pool', () => {
  let pool: WorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('replaces a worker that crashed on a job exactly once, and fails only that job', async () => {
    pool = new WorkerPool(settings('crash_on_job'), FAKE, { log: () => undefined });
    for (let i = 1; i <= 3; i++) {
      expect(await outcome(pool.submit(i, job('x')))).toMatch(/^503 worker_crashed: The inference worker stopped \(boom in worker\)/);
      await sleep(200);
    }
    // Node reports one crash as 'error' and then 'exit'; answering both doubled the workers.
    expect(pool.status()).toMatchObject({ workers: 1, worker_restarts: 3, running: 0, waiting: 0 });
  });

  it('backs off a worker that cannot load, and tells waiting jobs why instead of leaving them to time out', async () => {
    const logged: string[] = [];
    pool = new WorkerPool(settings('fail_to_load'), FAKE, { respawnDelayMs: 50, log: (line) => logged.push(line) });
    const answer = outcome(pool.submit(1, job('x')));
    await sleep(1000);
    // Delays 0, 50, 100, 200, 400 ms: a handful of restarts in a second, not hundreds.
    expect(pool.status().worker_restarts).toBeGreaterThanOrEqual(3);
    expect(pool.status().worker_restarts).toBeLessThanOrEqual(6);
    expect(await answer).toMatch(/^503 worker_crashed: .*cannot load onnxruntime/);
    // The server's log says why (then again at 2, 4, 8... in a row, not once per retry).
    expect(logged[0]).toBe('worker 0 stopped (cannot load onnxruntime); it is being replaced');
    expect(logged[1]).toBe('worker 0 stopped (cannot load onnxruntime), 2 times in a row; it is being replaced');
  });

  it('replaces a worker whose cancelled job holds its thread past the grace period, so the next job is served', async () => {
    const logged: string[] = [];
    pool = new WorkerPool(settings(undefined, 200), FAKE, { log: (line) => logged.push(line) });
    await pool.submit(1, job('abc'));
    expect(pool.status().models).toEqual([{ sha256: 'abc' }]);
    // Spins without ever reading its messages, as a backtracking regex in a tokenizer does.
    const stuck = outcome(pool.submit(2, job('busy:forever')));
    const next = pool.submit(3, job('def'));
    await sleep(100);
    pool.cancel(2);
    expect(await stuck).toMatch(/^504 cancelled: .*did not stop within 200 ms/);
    // What the terminated worker had loaded is gone with it.
    expect(pool.status().models).toEqual([]);
    expect(await next).toEqual({ echo: 'def' });
    // Again at once: workers stopped on purpose are no crash loop, so the job waiting behind is
    // not failed with "no worker is running" while a backed-off replacement waits.
    const again = outcome(pool.submit(4, job('busy:forever')));
    const after = outcome(pool.submit(5, job('ghi')));
    await sleep(50);
    pool.cancel(4);
    expect(await again).toMatch(/^504 cancelled/);
    expect(await after).toBe('ok');
    expect(pool.status()).toMatchObject({ workers: 1, worker_restarts: 2, running: 0, waiting: 0 });
    expect(logged.join('\n')).toMatch(/worker 0: .*did not stop within 200 ms/);
  });

  it('keeps a worker whose cancelled job answers within the grace period', async () => {
    pool = new WorkerPool(settings(undefined, 600), FAKE);
    await pool.submit(1, job('warm'));
    const cancelled = pool.submit(2, job('busy:200'));
    await sleep(50);
    pool.cancel(2);
    expect(await cancelled).toEqual({ echo: 'busy:200' });
    // Still running when the cancelled job's grace period ends: it must not be stopped for it.
    expect(await pool.submit(3, job('busy:800'))).toEqual({ echo: 'busy:800' });
    expect(pool.status().worker_restarts).toBe(0);
  });

  it('serves jobs from a healthy worker', async () => {
    pool = new WorkerPool(settings(), FAKE);
    expect(await pool.submit(1, job('abc'))).toEqual({ echo: 'abc' });
  });
});
