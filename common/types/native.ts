import type { FunctionName, ModelFormat, PredictFunction } from '../ml_commons';
import type { ModelConfig } from './model';
import type { PredictBody, PredictResponse } from './predict';

/**
 * The native inference API (`/api/ml-models/native/*`): a sidecar process on the Dashboards server
 * runs ONNX models from ML Commons-format zips with onnxruntime, answering in ML Commons' shapes.
 */

/**
 * `POST /native/predict/{functionName}/{sha256}`: ML Commons' predict body, plus the model_config
 * that decides post-processing. Without one, the config stored with the cached zip is used
 * (learnt at register time or suggested at inspect time), else ML Commons' defaults.
 */
export interface NativePredictBody extends PredictBody {
  model_config?: ModelConfig;
}

/**
 * Added by native inference next to ML Commons' fields (which stay as ML Commons answers them):
 * per document, its token count before truncation, and whether it was cut to `max_length`.
 */
export interface NativeTokenInfo {
  token_counts: number[];
  max_length: number;
  truncated: boolean[];
}

export interface NativePredictResponse extends PredictResponse {
  native?: NativeTokenInfo;
}

/** `GET /native/models`: a zip in the native cache, most recently used first. */
export interface NativeCachedModel {
  sha256: string;
  size_bytes: number;
  /** How it arrived: `inspect` (checked zip) or `upload` (a chunk upload through this server). */
  source?: 'inspect' | 'upload';
  /** ML Commons' function name, registered or suggested at inspect time. */
  function_name?: FunctionName;
  model_config?: ModelConfig;
  /** From the zip's mtime, refreshed on use (at most once a minute). */
  last_used_at: string;
}

export interface NativeModelsResponse {
  models: NativeCachedModel[];
}

export interface NativeTensorInfo {
  name: string;
  /** ORT element type, e.g. `int64`, `float32`. */
  type: string;
  /** Symbolic dimensions (e.g. `batch`, `sequence`) stay strings. */
  shape: Array<number | string>;
}

export interface NativeZipEntry {
  name: string;
  size_bytes: number;
  compressed_bytes: number;
}

export type NativeProblemSeverity = 'error' | 'warning';

export interface NativeProblem {
  /** Machine-readable, e.g. `missing_tokenizer`, `token_type_ids_mismatch`. */
  code: string;
  severity: NativeProblemSeverity;
  message: string;
}

/** What inspecting a zip found: enough to prefill the register form. */
export interface NativeInspectResult {
  sha256: string;
  size_bytes: number;
  /** Model format from the file at the zip root; undefined when there is none. */
  format?: ModelFormat;
  files: NativeZipEntry[];
  inputs: NativeTensorInfo[];
  outputs: NativeTensorInfo[];
  /** The hidden size of output 0 (`[B,S,H]` or `[B,H]`), when static. */
  embedding_dimension?: number;
  /** True when an output is `[B, V]` with V the tokenizer's vocabulary size (a sparse encoder). */
  sparse_vocab_output: boolean;
  vocab_size?: number;
  /** Tokens per document after truncation (tokenizer.json's, else 512, never more). */
  max_length?: number;
  problems: NativeProblem[];
  /** No model_config for a sparse encoder (it needs none). */
  suggested: { function_name: FunctionName; model_format: ModelFormat; model_config?: ModelConfig };
  /** Whether the zip is now in the native cache (predict by its sha256 works). */
  cached: boolean;
}

export interface NativeLoadedModel {
  sha256: string;
  format: ModelFormat;
  worker: number;
  loaded_at: string;
  last_used_at: string;
  predictions: number;
  load_ms: number;
  /** Growth of the sidecar's resident memory while this model loaded (an estimate). */
  rss_delta_bytes: number;
}

export interface NativeStatus {
  enabled: boolean;
  running: boolean;
  /** Being started (first use, or again after it stopped); requests wait for it. */
  starting: boolean;
  pid?: number;
  restarts: number;
  /** Worker threads replaced inside the running sidecar after they died. */
  worker_restarts: number;
  last_exit?: string;
  /** Resident memory of the whole sidecar process. */
  rss_bytes?: number;
  workers: number;
  models: NativeLoadedModel[];
  queue: { waiting: number; in_flight: number; max: number };
  /** `dir` only without an auth plugin (one user, who runs the server). */
  cache: { dir?: string; bytes: number; max_bytes: number; entries: number };
  zip_limit: NativeZipLimit;
}

/** The largest zip native inspect takes, and the setting that makes it so. */
export interface NativeZipLimit {
  bytes: number;
  setting: string;
}

/** Predict functions the sidecar serves (sparse_tokenize zips carry no model to run). */
export const NATIVE_PREDICT_FUNCTIONS = ['text_embedding', 'sparse_encoding', 'text_similarity'] as const;
export type NativePredictFunction = typeof NATIVE_PREDICT_FUNCTIONS[number] & PredictFunction;
