import path from 'path';
import { WorkerPool } from './worker_pool';
import type { Job } from './protocol';

const FAKE = path.join(__dirname, '..', '..', 'test', 'mocks', 'fake_inference_worker.js');
/** `fake` reaches the fake worker through workerData (jest's process.env is not the one Worker copies). */
const settings = (fake?: string) => ({ workers: 1, intraOpThreads: 1, maxLoadedModels: 1, maxBatchSize: 8, fake });
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
    pool = new WorkerPool(settings('crash_on_job'), FAKE);
    for (let i = 1; i <= 3; i++) {
      expect(await outcome(pool.submit(i, job('x')))).toMatch(/^503 worker_crashed: The inference worker stopped \(boom in worker\)/);
      await sleep(200);
    }
    // Node reports one crash as 'error' and then 'exit'; answering both doubled the workers.
    expect(pool.status()).toMatchObject({ workers: 1, worker_restarts: 3, running: 0, waiting: 0 });
  });

  it('backs off a worker that cannot load, and tells waiting jobs why instead of leaving them to time out', async () => {
    pool = new WorkerPool(settings('fail_to_load'), FAKE, 50);
    const answer = outcome(pool.submit(1, job('x')));
    await sleep(1000);
    // Delays 0, 50, 100, 200, 400 ms: a handful of restarts in a second, not hundreds.
    expect(pool.status().worker_restarts).toBeGreaterThanOrEqual(3);
    expect(pool.status().worker_restarts).toBeLessThanOrEqual(6);
    expect(await answer).toMatch(/^503 worker_crashed: .*cannot load onnxruntime/);
  });

  it('serves jobs from a healthy worker', async () => {
    pool = new WorkerPool(settings(), FAKE);
    expect(await pool.submit(1, job('abc'))).toEqual({ echo: 'abc' });
  });
});
