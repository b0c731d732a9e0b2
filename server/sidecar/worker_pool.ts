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
  worker: Worker;
  busy?: Pending;
  models: NativeLoadedModel[];
}

/**
 * The sidecar's worker threads and the queue in front of them (FIFO). A job goes to an idle
 * worker that already holds its model when there is one. A worker that dies fails only its own
 * job and is replaced.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(private readonly settings: SidecarSettings, private readonly workerFile = path.join(__dirname, 'inference_worker.js')) {
    for (let i = 0; i < Math.max(1, settings.workers); i++) this.slots.push(this.spawn(i));
  }

  private spawn(index: number): Slot {
    const data: WorkerData = { ...this.settings, index };
    const slot: Slot = { index, worker: new Worker(this.workerFile, { workerData: data }), models: [] };
    slot.worker.on('message', (r: WorkerReply) => {
      const p = slot.busy;
      slot.models = r.models;
      slot.busy = undefined;
      if (p && p.id === r.jobId) {
        if (r.ok) p.resolve(r.result);
        else p.reject(r.error);
      }
      this.dispatch();
    });
    const lost = (why: string) => {
      if (this.closed) return;
      const p = slot.busy;
      slot.busy = undefined;
      p?.reject({ status: 503, code: 'worker_crashed', message: `The inference worker stopped (${why}) while running this request` });
      this.slots[index] = this.spawn(index);
      this.dispatch();
    };
    slot.worker.on('error', (err) => lost(err.message));
    slot.worker.on('exit', (code) => lost(`exit code ${code}`));
    return slot;
  }

  submit(id: number, job: Job): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, job, resolve, reject: (f) => reject(NativeError.fromFailure(f)) });
      this.dispatch();
    });
  }

  /** Drops a job that has not started; a running onnxruntime call cannot be interrupted. */
  cancel(id: number) {
    const i = this.queue.findIndex((p) => p.id === id);
    if (i >= 0) this.queue.splice(i, 1)[0].reject({ status: 504, code: 'cancelled', message: 'cancelled' });
  }

  private dispatch() {
    while (this.queue.length) {
      const idle = this.slots.filter((s) => !s.busy);
      if (!idle.length) return;
      const next = this.queue.shift() as Pending;
      const slot = idle.find((s) => s.models.some((m) => m.sha256 === next.job.sha256)) || idle[0];
      slot.busy = next;
      slot.worker.postMessage({ jobId: next.id, job: next.job });
    }
  }

  status() {
    return {
      workers: this.slots.length,
      waiting: this.queue.length,
      running: this.slots.filter((s) => s.busy).length,
      models: this.slots.flatMap((s) => s.models),
    };
  }

  async close() {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
