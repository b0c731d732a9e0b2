import type { SparseEmbeddingFormat } from '../../common/ml_commons';
import type { ModelConfig, NativePredictFunction, PredictBody } from '../../common/types';

/** Where a playground run goes. `both` runs the same body on the cluster and natively. */
export type PlaygroundTarget = 'cluster' | 'native' | 'both';

/** One run of the playground: enough to send it, show it as a snippet, and run it again. */
export interface PlaygroundRequest {
  functionName: NativePredictFunction;
  target: PlaygroundTarget;
  /** Cluster side: the ML Commons model id. */
  modelId?: string;
  /** Native side: the SHA-256 of the zip in the native cache. */
  sha256?: string;
  /** What the user picked, for the recent-runs list. */
  label: string;
  /** ML Commons' predict body, identical on both sides. */
  body: PredictBody;
  /** Native side only: the cluster model's config, so both sides post-process alike. */
  modelConfig?: ModelConfig;
}

export interface PlaygroundOptions {
  /** ML Commons' default is true; false drops `data` from the tensors. */
  returnNumber: boolean;
  /** Tensor names to keep, e.g. `sentence_embedding`; empty keeps all. */
  targetResponse: string[];
  /** sparse_encoding: weights keyed by word (ML Commons' default) or by token id (3.2+). */
  sparseFormat: SparseEmbeddingFormat;
}

export const DEFAULT_OPTIONS: PlaygroundOptions = { returnNumber: true, targetResponse: [], sparseFormat: 'word' };

/** The options a recorded request was run with (a rerun shows them again). */
export function optionsOf(body: PredictBody): PlaygroundOptions {
  return { returnNumber: body.return_number !== false, targetResponse: body.target_response ?? [], sparseFormat: body.parameters?.sparse_embedding_format ?? 'word' };
}

/**
 * The predict body for a function: text_similarity takes the query apart and ignores filters
 * (ML Commons answers scores regardless), the others take `return_number`/`target_response` only
 * when they differ from ML Commons' defaults, so the snippet shows what matters.
 */
export function buildBody(functionName: NativePredictFunction, docs: string[], query: string, options: PlaygroundOptions): PredictBody {
  if (functionName === 'text_similarity') return { query_text: query, text_docs: docs };
  const body: PredictBody = { text_docs: docs };
  if (!options.returnNumber) body.return_number = false;
  if (options.targetResponse.length) body.target_response = options.targetResponse;
  // Only when asked: 2.19 refuses any parameters on sparse_encoding.
  if (functionName === 'sparse_encoding' && options.sparseFormat === 'token_id') body.parameters = { sparse_embedding_format: 'token_id' };
  return body;
}

/**
 * The fields of a cluster model's config native post-processing reads (the route refuses others).
 * ML Commons stores `framework_type` and `pooling_mode` upper-cased (`SENTENCE_TRANSFORMERS`,
 * `MEAN`); the native route takes them as they are registered, lower-case.
 */
export function nativeConfigOf(config: Record<string, unknown> | undefined): ModelConfig | undefined {
  if (!config || typeof config.model_type !== 'string') return undefined;
  const keys = ['model_type', 'embedding_dimension', 'framework_type', 'pooling_mode', 'normalize_result', 'model_max_length', 'query_prefix', 'passage_prefix', 'all_config'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (config[k] !== undefined && config[k] !== null) out[k] = config[k];
  for (const k of ['framework_type', 'pooling_mode']) if (typeof out[k] === 'string') out[k] = (out[k] as string).toLowerCase();
  return out as unknown as ModelConfig;
}
