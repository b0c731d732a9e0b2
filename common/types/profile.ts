export interface PredictRequestStats {
  count?: number;
  max?: number;
  min?: number;
  average?: number;
  p50?: number;
  p90?: number;
  p99?: number;
}

export interface NodeModelProfile {
  model_state?: string;
  predictor?: string;
  target_worker_nodes?: string[];
  worker_nodes?: string[];
  predict_request_stats?: PredictRequestStats;
  memory_size_estimation_cpu?: number;
  memory_size_estimation_gpu?: number;
}

/** `GET _plugins/_ml/profile/models?view=model`: per model, its target and worker nodes. */
export interface ModelProfileResponse {
  models?: Record<
    string,
    { target_worker_nodes?: string[]; worker_nodes?: string[]; nodes?: Record<string, NodeModelProfile> }
  >;
}

/** `view=node`: per node, the models it holds. */
export interface NodeProfileResponse {
  nodes?: Record<string, { models?: Record<string, NodeModelProfile>; tasks?: Record<string, unknown> }>;
}
