import { AccessMode, FrameworkType, FunctionName, KnnSpaceType, ModelFormat, ModelState, PoolingMode } from '../ml_commons';
import { PageParams, SortDirection } from './search';

/** `model_config` of a custom local model (ML Commons `TextEmbeddingModelConfig`). */
export interface ModelConfig {
  model_type: string;
  embedding_dimension?: number;
  framework_type?: FrameworkType | string;
  pooling_mode?: PoolingMode | string;
  normalize_result?: boolean;
  model_max_length?: number;
  query_prefix?: string;
  passage_prefix?: string;
  all_config?: string;
  /** 3.1+ only (2.19 accepts and drops it); `space_type` is what the semantic field reads. */
  additional_config?: { space_type?: KnnSpaceType | string; [key: string]: unknown };
}

/** A model (version) as ML Commons stores it, plus its id. Field names are ML Commons' own. */
export interface Model {
  id: string;
  name: string;
  model_group_id?: string;
  algorithm?: FunctionName | string;
  model_version?: string;
  model_format?: ModelFormat | string;
  model_state?: ModelState | string;
  model_content_hash_value?: string;
  model_content_size_in_bytes?: number;
  total_chunks?: number;
  model_config?: ModelConfig;
  description?: string;
  is_enabled?: boolean;
  created_time?: number;
  last_updated_time?: number;
  last_registered_time?: number;
  last_deployed_time?: number;
  last_undeployed_time?: number;
  planning_worker_node_count?: number;
  current_worker_node_count?: number;
  planning_worker_nodes?: string[];
  deploy_to_all_nodes?: boolean;
}

export const MODEL_SORT_FIELDS = [
  'name',
  'model_version',
  'model_state',
  'algorithm',
  'model_format',
  'created_time',
  'last_updated_time',
  'last_deployed_time',
] as const;
export type ModelSortField = typeof MODEL_SORT_FIELDS[number];

export interface ModelSearchParams extends PageParams {
  /** Matches the name (case-insensitive, substring) or the exact id. */
  search?: string;
  states?: readonly ModelState[];
  functions?: FunctionName[];
  formats?: ModelFormat[];
  model_group_id?: string;
  sort_field?: ModelSortField;
  sort_direction?: SortDirection;
}

/** Fields common to both registration paths. */
interface ModelRegisterCommon {
  name: string;
  description?: string;
  function_name?: FunctionName;
  model_group_id?: string;
  model_format: ModelFormat;
  model_content_hash_value: string;
  model_config?: ModelConfig;
  access_mode?: AccessMode;
  backend_roles?: string[];
  add_all_backend_roles?: boolean;
}

/** Register by URL: ML Commons downloads the zip itself; the hash is mandatory. */
export interface ModelRegisterUrlBody extends ModelRegisterCommon {
  url: string;
}

/** Register meta for a chunked upload. */
export interface ModelRegisterMetaBody extends ModelRegisterCommon {
  model_content_size_in_bytes: number;
  total_chunks: number;
}

export interface ModelUpdateBody {
  name?: string;
  description?: string;
  model_group_id?: string;
  is_enabled?: boolean;
  model_config?: ModelConfig;
}

export interface DeployBody {
  node_ids?: string[];
}

export interface RegisterUrlResponse {
  task_id: string;
  status: string;
}
export interface RegisterMetaResponse {
  model_id: string;
  status: string;
}
export interface UploadChunkResponse {
  status: string;
}
export interface DeployResponse {
  task_id: string;
  task_type?: string;
  status: string;
}
/** `{nodeId: {stats: {modelId: 'undeployed' | 'not_found'}}}` */
export type UndeployResponse = Record<string, { stats?: Record<string, string> }>;
