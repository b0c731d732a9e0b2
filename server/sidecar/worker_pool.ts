import path from 'path';
import { Worker } from 'worker_threads';
import type { NativeLoadedModel } from '../../common/types';
import { NativeError, NativeFailure } from './native_error';
import type { Job, JobResult, SidecarSettings, WorkerData, WorkerReply } from './protocol';

interface Pending {
  id: number;
  job: Job;
  resolve(r: JobResult): void;
  reject(f: NativeFailure): void;
}

interface Slot {
  index: number;
  /** Undefined while a dead worker waits out its restart delay. */
  worker?: Worker;
  busy?: Pending;
  models: NativeLoadedModel[];
  startedAt: number;
  /** Set once the worker is being terminated: it takes no new job, and its loss is no crash. */
  retiring?: string;
  /** Ends the worker if its cancelled job still holds the thread when it fires. */
  graceTimer?: NodeJS.Timeout;
}

/** A worker that lived this long was healthy: its next restart is immediate again. */
const STABLE_MS = 30000;
const MAX_RESPAWN_DELAY_MS = 30000;
/** How long a cancelled job may keep its worker before the worker is terminated. */
const DEFAULT_CANCEL_GRACE_MS = 5000;

export interface WorkerPoolOptions {
  /** First delay before replacing a worker that died young; doubles per young death. */
  respawnDelayMs?: number;
  /** Where the pool reports what users cannot see otherwise; in the sidecar, its stderr (the server logs it). */
  log?: (line: string) => void;
}

/**
 * The sidecar's worker threads and the queue in front of them (FIFO). A job goes to an idle
 * worker that already holds its model when there is one. A worker that dies fails only its own
 * job and is replaced once, after a delay that doubles while replacements keep dying young (a
 * worker that cannot even load would otherwise be respawned in a tight loop). While no worker is
 * alive, waiting jobs fail at once with the reason instead of waiting for their timeout.
 * A cancelled job that keeps its thread past a grace period has its worker terminated, since a
 * cancel is only a message the worker reads once its thread is free.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** Deaths in a row of workers that did not live STABLE_MS; sets the next restart delay. */
  private youngDeaths = 0;
  /** Workers replaced since the pool started (status: `worker_restarts`). */
  restarts = 0;
  private readonly respawnDelayMs: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly settings: SidecarSettings,
    private readonly workerFile = path.join(__dirname, 'inference_worker.js'),
    opts: WorkerPoolOptions = {}
  ) {
    this.respawnDelayMs = opts.respawnDelayMs ?? 100;
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`));
    for (let i = 0; i < Math.max(1, settings.workers); i++) this.slots.push(this.spawn(i));
  }

  private spawn(index: number): Slot {
    const data: WorkerData = { ...this.settings, index };
    const slot: Slot = { index, models: [], startedAt: Date.now() };
    const worker = new Worker(this.workerFile, { workerData: data });
    slot.worker = worker;
    worker.on('message', (r: WorkerReply) => {
      const p = slot.busy;
      this.clearGrace(slot);
      slot.models = r.models;
      slot.busy = undefined;
      if (p && p.id === r.jobId) {
        if (r.ok) p.resolve(r.result);
        else p.reject(r.error);
      }
      this.dispatch();
    });
    // Node emits 'error' and then 'exit' for one crash: the first one replaces the worker.
    let gone = false;
    const lost = (why: string) => {
      if (gone || this.closed) return;
      gone = true;
      this.clearGrace(slot);
      slot.worker = undefined;
      slot.models = [];
      const p = slot.busy;
      slot.busy = undefined;
      if (slot.retiring) {
        // Its request already got its 504; this answer only frees the job's id in the sidecar.
        p?.reject({ status: 504, code: 'cancelled', message: slot.retiring });
      } else {
        p?.reject({ status: 503, code: 'worker_crashed', message: `The inference worker stopped (${why}) while running this request` });
        this.youngDeaths = Date.now() - slot.startedAt < STABLE_MS ? this.youngDeaths + 1 : 0;
        // Logged at 1, 2, 4, 8... deaths in a row: a worker that cannot load shows in the server's
        // log at once, without a line per retry for as long as it stays broken.
        if ((this.youngDeaths & (this.youngDeaths - 1)) === 0) {
          this.log(`worker ${index} stopped (${why})${this.youngDeaths > 1 ? `, ${this.youngDeaths} times in a row` : ''}; it is being replaced`);
        }
      }
      // Terminated on purpose: replaced at once, whatever the crash count says.
      const delay = slot.retiring || this.youngDeaths <= 1 ? 0 : Math.min(MAX_RESPAWN_DELAY_MS, this.respawnDelayMs * 2 ** (this.youngDeaths - 2));
      // A first death is replaced at once and the queue just waits; repeated ones say why now.
      if (delay > 0 && !this.slots.some((s) => s.worker)) this.failWaiting(why);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.closed) return;
        this.restarts++;
        this.slots[index] = this.spawn(index);
        this.dispatch();
      }, delay);
      this.timers.add(timer);
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    return slot;
  }

  private failWaiting(why: string) {
    for (const p of this.queue.splice(0)) {
      p.reject({ status: 503, code: 'worker_crashed', message: `No inference worker is running (the last one stopped: ${why}); it is being restarted. Retry shortly.` });
    }
  }

  submit(id: number, job: Job): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, job, resolve, reject: (f) => reject(NativeError.fromFailure(f)) });
      this.dispatch();
    });
  }

  /**
   * Drops a job that has not started; a running one is asked to stop after its current batch,
   * so a timed-out request does not keep the worker from the ones behind it. The worker reads
   * that request only when its thread is free: a job that never reaches a batch boundary (a
   * tokenizer's regex backtracking for hours) would hold it forever, so past the grace period
   * the worker is terminated and replaced.
   */
  cancel(id: number) {
    const i = this.queue.findIndex((p) => p.id === id);
    if (i >= 0) return this.queue.splice(i, 1)[0].reject({ status: 504, code: 'cancelled', message: 'cancelled' });
    const slot = this.slots.find((s) => s.busy?.id === id);
    const worker = slot?.worker;
    if (!slot || !worker || slot.graceTimer) return;
    worker.postMessage({ cancel: id });
    const graceMs = this.settings.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      slot.graceTimer = undefined;
      if (this.closed || slot.busy?.id !== id || slot.worker !== worker) return;
      slot.retiring = `The job did not stop within ${graceMs} ms of its cancellation: its worker thread was terminated and replaced`;
      this.log(`worker ${slot.index}: a cancelled job did not stop within ${graceMs} ms; terminating its thread`);
      // Its 'exit' event fails the job and starts the replacement (lost()).
      worker.terminate().catch(() => undefined);
    }, graceMs);
    slot.graceTimer = timer;
    this.timers.add(timer);
  }

  private clearGrace(slot: Slot) {
    if (!slot.graceTimer) return;
    clearTimeout(slot.graceTimer);
    this.timers.delete(slot.graceTimer);
    slot.graceTimer = undefined;
  }

  private dispatch() {
    while (this.queue.length) {
      const idle = this.slots.filter((s) => s.worker && !s.busy && !s.retiring);
      if (!idle.length) return;
      const next = this.queue.shift() as Pending;
      const slot = idle.find((s) => s.models.some((m) => m.sha256 === next.job.sha256)) || idle[0];
      slot.busy = next;
      slot.worker!.postMessage({ jobId: next.id, job: next.job });
    }
  }

  status() {
    return {
      workers: this.slots.filter((s) => s.worker).length,
      worker_restarts: this.restarts,
      waiting: this.queue.length,
      running: this.slots.filter((s) => s.busy).length,
      models: this.slots.flatMap((s) => s.models),
    };
  }

  async close() {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }
}
