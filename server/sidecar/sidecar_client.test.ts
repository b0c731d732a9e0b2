import childProcess from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import { silentLogger } from '../../test/mocks/route_test_host';
import type { Job } from './protocol';
import { SidecarClient } from './sidecar_client';

const FAKE = path.join(__dirname, '..', '..', 'test', 'mocks', 'fake_sidecar.js');
const settings = { workers: 1, intraOpThreads: 1, maxLoadedModels: 1, maxBatchSize: 8 };
const job = { kind: 'predict' } as unknown as Job;
const outcome = (p: Promise<unknown>) => p.then((r) => `ok ${(r as { pid: number }).pid}`, (e) => `${e.statusCode} ${e.code}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Live (not zombie) fake sidecars forked by this process. */
function liveSidecars(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z' && Number(ppid) === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(FAKE)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('the sidecar process lifecycle', () => {
  let dir: string;
  let client: SidecarClient | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mlm-sidecar-client-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    delete process.env.MLM_FAKE_COUNTER;
    delete process.env.MLM_FAKE_FAIL;
    delete process.env.MLM_FAKE_READY_MS;
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (backoffMs = 100) => new SidecarClient({ settings, logger: silentLogger, maxQueue: 10, requestTimeoutMs: 5000, entry: FAKE, backoffMs });
  /** The fake sidecar fails its first `failures` starts; returns how many starts it has seen. */
  const failFirstStarts = (failures: number) => {
    const counter = path.join(dir, 'starts');
    process.env.MLM_FAKE_COUNTER = counter;
    process.env.MLM_FAKE_FAIL = String(failures);
    return () => Number(readFileSync(counter, 'utf8'));
  };

  it('after two failed starts in a row runs one sidecar, not two, and stop() leaves none', async () => {
    process.env.MLM_FAKE_COUNTER = path.join(dir, 'starts');
    process.env.MLM_FAKE_FAIL = '2';
    client = start();
    expect(await outcome(client.run(job))).toBe('503 sidecar_unavailable');
    await sleep(250);
    const second = await outcome(client.run(job));
    await sleep(600);
    const third = await outcome(client.run(job));
    expect(third).toBe(`ok ${client.pid}`);
    expect([second, third].filter((r) => r.startsWith('ok')).length).toBeGreaterThan(0);
    expect(liveSidecars()).toEqual([client.pid]);
    await client.stop();
    await sleep(300);
    expect(liveSidecars()).toEqual([]);
  });

  it('a sidecar that never becomes ready is started again by the next request only, no sooner than the backoff', async () => {
    const starts = failFirstStarts(100000);
    client = start();
    expect(await outcome(client.run(job))).toBe('503 sidecar_unavailable');
    // With nobody asking, nothing is forked again (it was, every few hundred ms, forever).
    await sleep(1000);
    expect(starts()).toBe(1);
    expect([client.running, client.startingNow]).toEqual([false, false]);
    // A burst of requests shares one start.
    const burst = await Promise.all(Array.from({ length: 5 }, () => outcome(client!.run(job))));
    expect(burst).toEqual(Array(5).fill('503 sidecar_unavailable'));
    expect(starts()).toBe(2);
    // Right after that failure a request is refused at once; the first after the backoff (100 ms,
    // doubled once) starts it again.
    const t0 = Date.now();
    expect(await outcome(client.run(job))).toBe('503 sidecar_unavailable');
    expect(Date.now() - t0).toBeLessThan(150);
    expect(starts()).toBe(2);
    await sleep(250);
    expect(await outcome(client.run(job))).toBe('503 sidecar_unavailable');
    expect(starts()).toBe(3);
    expect(client.restarts).toBe(2);
    expect(liveSidecars()).toEqual([]);
  });

  it('after a failed start, requests before the next one are refused at once with why and when; the first after it starts one for all', async () => {
    const starts = failFirstStarts(1);
    client = start(1500);
    expect(await outcome(client.run(job))).toBe('503 sidecar_unavailable');
    const t0 = Date.now();
    const refused = await client.run(job).catch((e) => e);
    expect(Date.now() - t0).toBeLessThan(300);
    expect([refused.statusCode, refused.code]).toEqual([503, 'sidecar_unavailable']);
    // 2 s unless this box stalled for half a second since the failure.
    expect(refused.message).toMatch(/^The native inference process failed to start \(exit code 3\)\. It is tried again by the first native request in [12] s or later\.$/);
    expect(starts()).toBe(1);
    await sleep(1600 - (Date.now() - t0));
    const burst = await Promise.all(Array.from({ length: 3 }, () => outcome(client!.run(job))));
    expect(burst).toEqual(Array(3).fill(`ok ${client.pid}`));
    expect(starts()).toBe(2);
    expect(client.restarts).toBe(1);
  });

  it('a sidecar that cannot be spawned is refused at once, with the spawn error, until its backoff has passed', async () => {
    const realFork = childProcess.fork;
    const fork = jest
      .spyOn(childProcess, 'fork')
      .mockImplementation(((module: string, args: string[], options: childProcess.ForkOptions) => realFork(module, args, { ...options, execPath: '/nonexistent/node' })) as typeof childProcess.fork);
    try {
      client = start(1500);
      const first = await client.run(job).catch((e) => e);
      expect([first.code, first.message]).toEqual(['sidecar_unavailable', 'The native inference process could not start: spawn /nonexistent/node ENOENT']);
      const second = await client.run(job).catch((e) => e);
      expect(second.code).toBe('sidecar_unavailable');
      expect(second.message).toMatch(/^The native inference process failed to start \(spawn \/nonexistent\/node ENOENT\)\. It is tried again by the first native request in [12] s or later\.$/);
      expect(fork).toHaveBeenCalledTimes(1);
      await client.stop();
    } finally {
      fork.mockRestore();
    }
  });

  it('a request between the channel closing and the exit starts one sidecar, not two', async () => {
    process.env.MLM_FAKE_READY_MS = '300';
    client = start();
    const first = await outcome(client.run(job));
    const hungUp = outcome(client.run({ kind: 'hang_up' } as unknown as Job));
    await sleep(20);
    // The old process is disconnected but not yet exited: this request starts the next one.
    const next = client.run(job);
    expect(await hungUp).toBe('503 sidecar_crashed');
    const second = await outcome(next);
    expect(second).toMatch(/^ok /);
    expect(second).not.toBe(first);
    // Long enough for a second, backed-off restart to have forked and become ready.
    await sleep(800);
    expect(liveSidecars()).toEqual([client.pid]);
    expect(await outcome(client.run(job))).toBe(second);
  });

  it('stop() while the sidecar is still starting ends it and fails the waiting request', async () => {
    process.env.MLM_FAKE_READY_MS = '800';
    client = start();
    const answer = outcome(client.run(job));
    await sleep(300);
    expect(liveSidecars()).toHaveLength(1);
    await client.stop();
    expect(await answer).toMatch(/^503 sidecar_(stopped|unavailable)$/);
    await sleep(1000);
    expect(liveSidecars()).toEqual([]);
  });
});
