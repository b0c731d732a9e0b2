/**
 * ML Commons vocabularies, as ML Commons spells them (see ml-commons `MLModelState`, `MLTaskState`,
 * `MLTaskType`, `FunctionName`, `MLModelFormat`, `TextEmbeddingModelConfig`).
 */

export const MODEL_STATES = [
  'REGISTERING',
  'REGISTERED',
  'DEPLOYING',
  'DEPLOYED',
  'PARTIALLY_DEPLOYED',
  'UNDEPLOYED',
  'DEPLOY_FAILED',
] as const;
export type ModelState = typeof MODEL_STATES[number];

/** States in which a model answers predictions on some node (and undeploy stops it). */
export const SERVING_STATES: readonly ModelState[] = ['DEPLOYED', 'PARTIALLY_DEPLOYED'];
/** States whose record says the model is loaded or being loaded: the Deployments page lists them. */
export const DEPLOYMENT_STATES: readonly ModelState[] = [...SERVING_STATES, 'DEPLOYING'];
/** States in which ML Commons refuses to delete a model. */
export const UNDELETABLE_MODEL_STATES: readonly ModelState[] = DEPLOYMENT_STATES;

export const TASK_STATES = [
  'CREATED',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'COMPLETED_WITH_ERROR',
  'CANCELLING',
  'EXPIRED',
  'UNREACHABLE',
] as const;
export type TaskState = typeof TASK_STATES[number];

export const TERMINAL_TASK_STATES: readonly TaskState[] = [
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'COMPLETED_WITH_ERROR',
  'EXPIRED',
  'UNREACHABLE',
];

/** Whether a task in `state` is over (it will not change again). */
export const isTerminalTaskState = (state: string | undefined): boolean => TERMINAL_TASK_STATES.includes(state as TaskState);

export const TASK_TYPES = ['REGISTER_MODEL', 'DEPLOY_MODEL', 'UNDEPLOY_MODEL', 'PREDICTION', 'TRAINING', 'EXECUTION'] as const;
export type TaskType = typeof TASK_TYPES[number];

/** Functions a custom local model can serve (upper case, as stored in `algorithm`). */
export const FUNCTION_NAMES = [
  'TEXT_EMBEDDING',
  'SPARSE_ENCODING',
  'SPARSE_TOKENIZE',
  'TEXT_SIMILARITY',
  'QUESTION_ANSWERING',
] as const;
export type FunctionName = typeof FUNCTION_NAMES[number];

/** Functions the predict route accepts, as they appear in `/_predict/{algorithm}/...` (lower case). */
export const PREDICT_FUNCTIONS = ['text_embedding', 'sparse_encoding', 'text_similarity', 'sparse_tokenize'] as const;
export type PredictFunction = typeof PREDICT_FUNCTIONS[number];

export const MODEL_FORMATS = ['ONNX', 'TORCH_SCRIPT'] as const;
export type ModelFormat = typeof MODEL_FORMATS[number];

/** Pooling modes as the `model_config` parser spells them (the docs' `weightedmean` is wrong). */
export const POOLING_MODES = ['mean', 'mean_sqrt_len', 'max', 'weighted_mean', 'cls', 'last_token', 'none'] as const;
export type PoolingMode = typeof POOLING_MODES[number];
export const isPoolingMode = (s: string): s is PoolingMode => (POOLING_MODES as readonly string[]).includes(s);

/**
 * How a sparse_encoding prediction keys its weights (`parameters.sparse_embedding_format`, 3.2+):
 * by decoded word (ML Commons' default, special tokens dropped) or by token id (every id).
 */
export const SPARSE_EMBEDDING_FORMATS = ['word', 'token_id'] as const;
export type SparseEmbeddingFormat = typeof SPARSE_EMBEDDING_FORMATS[number];

export const FRAMEWORK_TYPES = [
  'sentence_transformers',
  'huggingface_transformers',
  'huggingface_transformers_neuron',
] as const;
export type FrameworkType = typeof FRAMEWORK_TYPES[number];

/**
 * k-NN's space types (`SpaceType`, matched in any case). ML Commons 3.1+ stores one as
 * `model_config.additional_config.space_type`, which the `semantic` field type (neural-search 3.1+)
 * requires of a local TEXT_EMBEDDING model to build its vector field.
 */
export const KNN_SPACE_TYPES = ['l2', 'cosinesimil', 'innerproduct', 'l1', 'linf', 'hamming'] as const;
export type KnnSpaceType = typeof KNN_SPACE_TYPES[number];
/** The ones every 3.x engine indexes float embeddings with (l1/linf are nmslib's, refused from 3.0). */
export const EMBEDDING_SPACE_TYPES: readonly KnnSpaceType[] = ['cosinesimil', 'innerproduct', 'l2'];

export const ACCESS_MODES = ['public', 'private', 'restricted'] as const;
export type AccessMode = typeof ACCESS_MODES[number];

/** Cluster settings (prefix `plugins.ml_commons.`) that decide whether register and deploy work. */
export const READINESS_SETTINGS = [
  'allow_registering_model_via_url',
  'allow_registering_model_via_local_file',
  'only_run_on_ml_node',
  'native_memory_threshold',
  'jvm_heap_memory_threshold',
  'disk_free_space_threshold',
  'model_access_control_enabled',
  'allow_custom_deployment_plan',
  'trusted_url_regex',
  'max_model_on_node',
  'local_model.enabled',
] as const;
export type ReadinessSetting = typeof READINESS_SETTINGS[number];
export const ML_COMMONS_SETTINGS_PREFIX = 'plugins.ml_commons.';
