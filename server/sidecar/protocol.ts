import type { NativeInspectResult, NativeLoadedModel, ModelConfig, NativePredictBody } from '../../common/types';
import type { NativeFailure } from './native_error';

/**
 * Messages between the Dashboards server and the sidecar process (Node IPC, advanced
 * serialization), and between the sidecar and its worker threads. Every request carries an id;
 * every reply names it.
 */

export interface SidecarSettings {
  workers: number;
  intraOpThreads: number;
  maxLoadedModels: number;
  maxBatchSize: number;
  /** How long a cancelled running job may hold its worker before the worker is terminated (default 5000). */
  cancelGraceMs?: number;
}

export interface PredictJob {
  kind: 'predict';
  sha256: string;
  zipPath: string;
  functionName: string;
  body: NativePredictBody;
  config?: ModelConfig;
}

export interface InspectJob {
  kind: 'inspect';
  sha256: string;
  zipPath: string;
  sizeBytes: number;
}

export type Job = PredictJob | InspectJob;

/** A predict job's result: the reply's JSON text, written in the worker (see reply_json.ts). */
export interface PredictReply {
  json: Uint8Array;
}
export type JobResult = PredictReply | Omit<NativeInspectResult, 'cached'>;

export interface SidecarStatusReply {
  pid: number;
  rss_bytes: number;
  workers: number;
  worker_restarts: number;
  waiting: number;
  running: number;
  models: NativeLoadedModel[];
}

/** Server -> sidecar. `cancel` drops a job that is still waiting (no reply of its own). */
export type SidecarRequest =
  | ({ id: number; type: 'job' } & { job: Job })
  | { id: number; type: 'status' }
  | { id: number; type: 'cancel'; target: number };

export type Reply<T> = { id: number; ok: true; result: T } | { id: number; ok: false; error: NativeFailure };

/**
 * Sidecar -> worker thread. `cancel` stops a running job at its next batch boundary (a single
 * onnxruntime run cannot be interrupted); the job then answers 504 `cancelled`. A worker whose
 * thread never gets to read it is terminated by the pool (`cancelGraceMs`).
 */
export type WorkerRequest = { jobId: number; job: Job } | { cancel: number };

/** Worker thread -> sidecar: the reply plus a snapshot of what the worker has loaded. */
export type WorkerReply = ({ jobId: number; ok: true; result: JobResult } | { jobId: number; ok: false; error: NativeFailure }) & {
  models: NativeLoadedModel[];
};

export interface WorkerData extends SidecarSettings {
  index: number;
}
