/** Body of ML Commons' `_predict/{function}` for text inputs. */
export interface PredictBody {
  text_docs: string[];
  /** text_similarity only. */
  query_text?: string;
  return_number?: boolean;
  target_response?: string[];
  parameters?: { content_type?: 'query' | 'passage'; [key: string]: unknown };
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
