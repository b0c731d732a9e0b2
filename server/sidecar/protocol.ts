import type { ModelTensor, NativeInspectResult, NativeLoadedModel, NativeModelConfig, NativePredictBody, PredictResponse } from '../../common/types';
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
}

export interface PredictJob {
  kind: 'predict';
  sha256: string;
  zipPath: string;
  functionName: string;
  body: NativePredictBody;
  config?: NativeModelConfig;
}

export interface InspectJob {
  kind: 'inspect';
  sha256: string;
  zipPath: string;
  sizeBytes: number;
}

export type Job = PredictJob | InspectJob;
export type JobResult = PredictResponse | Omit<NativeInspectResult, 'cached'>;

export interface SidecarStatusReply {
  pid: number;
  rss_bytes: number;
  workers: number;
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

/** Sidecar -> worker thread. */
export type WorkerRequest = { jobId: number; job: Job };

/** Worker thread -> sidecar: the reply plus a snapshot of what the worker has loaded. */
export type WorkerReply = ({ jobId: number; ok: true; result: JobResult } | { jobId: number; ok: false; error: NativeFailure }) & {
  models: NativeLoadedModel[];
};

export interface WorkerData extends SidecarSettings {
  index: number;
}

/** Tensors cross the wire as Float32Array (see `embeddingTensor`); back to numbers for the JSON reply. */
export function plainTensorData<T extends { inference_results: Array<{ output: ModelTensor[] }> }>(res: T): T {
  for (const r of res.inference_results) {
    for (const o of r.output) if (o.data && ArrayBuffer.isView(o.data)) o.data = Array.from(o.data as unknown as Float32Array);
  }
  return res;
}
