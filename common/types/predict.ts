import type { SparseEmbeddingFormat } from '../ml_commons';
/**
 * ML Commons' result filter: `return_number` false drops `data`; `target_response` keeps tensors
 * by name, `target_response_positions` by index (either match keeps one); `return_bytes` asks for
 * `byte_buffer`.
 */
export interface PredictResultFilter {
  return_number?: boolean;
  return_bytes?: boolean;
  target_response?: string[];
  target_response_positions?: number[];
}

/** Body of ML Commons' `_predict/{function}` for text inputs. */
export interface PredictBody extends PredictResultFilter {
  text_docs: string[];
  /** text_similarity only. */
  query_text?: string;
  /** The filter's fields nested; when present, ML Commons 2.19.6 ignores the top-level ones. */
  result_filter?: PredictResultFilter;
  /** content_type: text_embedding with prefixes; sparse_embedding_format: sparse_encoding, 3.2+. */
  parameters?: { content_type?: 'query' | 'passage'; sparse_embedding_format?: SparseEmbeddingFormat; [key: string]: unknown };
}

export interface ModelTensor {
  name?: string;
  data_type?: string;
  shape?: number[];
  data?: number[];
  byte_buffer?: { array: string; order: string };
  result?: string;
  dataAsMap?: { response?: Array<Record<string, number>>; [key: string]: unknown };
}

/** ML Commons' predict reply: one entry per input document. */
export interface PredictResponse {
  /** `output` is absent when a result filter (`target_response`) kept none of the tensors. */
  inference_results: Array<{ output?: ModelTensor[]; status_code?: number }>;
}
