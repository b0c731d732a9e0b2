import { DATA_SOURCE_QUERY_PARAM, DEFAULT_PAGE_SIZE, ID_PATTERN, MAX_MODEL_SIZE_BYTES, MAX_PAGE_SIZE, MAX_RESULT_WINDOW, CHUNK_SIZE_BYTES, RESERVED_IDS, MAX_PREDICT_DOCS, MAX_PREDICT_TEXT_CHARS } from './constants';
import {
  ACCESS_MODES,
  FRAMEWORK_TYPES,
  FUNCTION_NAMES,
  KNN_SPACE_TYPES,
  MODEL_FORMATS,
  MODEL_STATES,
  POOLING_MODES,
  PREDICT_FUNCTIONS,
  SPARSE_EMBEDDING_FORMATS,
  TASK_STATES,
  TASK_TYPES,
} from './ml_commons';
import { MODEL_GROUP_SORT_FIELDS, MODEL_SORT_FIELDS, NATIVE_PREDICT_FUNCTIONS } from './types';
import {
  arrayOf,
  boolean,
  Check,
  integer,
  jsonText,
  object,
  oneOf,
  openObject,
  optional,
  queryInt,
  queryList,
  refine,
  string,
} from './schema';

/** Request validators for every route, shared with the browser's forms. */

export const id = () =>
  refine(string({ pattern: ID_PATTERN, patternMessage: 'must be 1-128 characters of letters, digits, "_" or "-"' }), (v) =>
    RESERVED_IDS.includes(v) ? { field: '', reason: `"${v}" is an ML Commons action, not an id` } : undefined
  );

const SHA256_HEX = /^[0-9a-f]{64}$/;
const name = () => string({ min: 1, max: 256 });
const description = () => optional(string({ max: 10000 }));
const paging = {
  from: optional(queryInt({ min: 0, max: MAX_RESULT_WINDOW - 1 })),
  size: optional(queryInt({ min: 1, max: MAX_PAGE_SIZE })),
};
/** ML Commons 2.19.6 answers a page past the result window with a 500 ("Result window is too large"): refuse it as the 400 it is. */
const withinResultWindow = <T extends { from?: number; size?: number }>(check: Check<T>) =>
  refine(check, ({ from = 0, size = DEFAULT_PAGE_SIZE }) =>
    from + size > MAX_RESULT_WINDOW ? { field: 'from', reason: `from + size must be at most ${MAX_RESULT_WINDOW} (got ${from + size}); narrow the search instead` } : undefined
  );
const dataSource = { [DATA_SOURCE_QUERY_PARAM]: optional(id()) };
const sortDirection = () => optional(oneOf(['asc', 'desc'] as const));
const accessFields = {
  access_mode: optional(oneOf(ACCESS_MODES)),
  backend_roles: optional(arrayOf(string({ min: 1, max: 256 }), { max: 100 })),
  add_all_backend_roles: optional(boolean()),
};

export const dataSourceQuery = object(dataSource);

export const modelGroupParams = object({ groupId: id() });
export const modelParams = object({ modelId: id() });
export const taskParams = object({ taskId: id() });
export const chunkParams = object({
  modelId: id(),
  chunkNumber: queryInt({ min: 0, max: Math.ceil(MAX_MODEL_SIZE_BYTES / CHUNK_SIZE_BYTES) - 1 }),
});
export const predictParams = object({ functionName: oneOf(PREDICT_FUNCTIONS), modelId: id() });

export const modelGroupSearchQuery = withinResultWindow(
  object({
    ...dataSource,
    ...paging,
    search: optional(string({ max: 256 })),
    ids: optional(queryList(id(), { max: MAX_PAGE_SIZE })),
    sort_field: optional(oneOf(MODEL_GROUP_SORT_FIELDS)),
    sort_direction: sortDirection(),
  })
);

export const modelGroupCreateBody = object({ name: name(), description: description(), ...accessFields });
/** An update naming no field would still rewrite the document (a new _version) in ML Commons. */
const notEmpty = <T extends object>(check: Check<T>) =>
  refine(check, (v) => (Object.values(v).some((x) => x !== undefined) ? undefined : { field: '', reason: 'names no field to change' }));

/** ML Commons' group update skips a blank description and keeps the old one (checked on 2.19.6): refused, not ignored. */
const groupDescriptionChange = () =>
  optional(
    refine(string({ max: 10000 }), (v) =>
      v.trim() ? undefined : { field: '', reason: "cannot be cleared: ML Commons keeps a model group's description when the new one is blank; write a new one instead" }
    )
  );

export const modelGroupUpdateBody = notEmpty(
  object({
    name: optional(name()),
    description: groupDescriptionChange(),
    ...accessFields,
  })
);

export const modelSearchQuery = withinResultWindow(
  object({
    ...dataSource,
    ...paging,
    search: optional(string({ max: 256 })),
    states: optional(queryList(oneOf(MODEL_STATES), { max: MODEL_STATES.length })),
    functions: optional(queryList(oneOf(FUNCTION_NAMES), { max: FUNCTION_NAMES.length })),
    formats: optional(queryList(oneOf(MODEL_FORMATS), { max: MODEL_FORMATS.length })),
    model_group_id: optional(id()),
    sort_field: optional(oneOf(MODEL_SORT_FIELDS)),
    sort_direction: sortDirection(),
  })
);

export const modelConfig = object({
  model_type: string({ min: 1, max: 64 }),
  embedding_dimension: optional(integer({ min: 1, max: 65536 })),
  // ML Commons stores and returns these upper-cased (SENTENCE_TRANSFORMERS, MEAN) and takes either:
  // a config read from a model goes back as it is.
  framework_type: optional(oneOf(FRAMEWORK_TYPES, { ignoreCase: true })),
  pooling_mode: optional(oneOf(POOLING_MODES, { ignoreCase: true })),
  normalize_result: optional(boolean()),
  model_max_length: optional(integer({ min: 1, max: 1000000 })),
  query_prefix: optional(string({ max: 1000 })),
  passage_prefix: optional(string({ max: 1000 })),
  all_config: optional(jsonText()),
  additional_config: optional(openObject({ space_type: optional(oneOf(KNN_SPACE_TYPES, { ignoreCase: true })) }, { maxBytes: 10000 })),
});

const registerCommon = {
  name: name(),
  description: description(),
  function_name: optional(oneOf(FUNCTION_NAMES)),
  model_group_id: optional(id()),
  model_format: oneOf(MODEL_FORMATS),
  model_content_hash_value: string({ pattern: SHA256_HEX, patternMessage: 'must be the lowercase hex SHA-256 of the zip (64 characters)' }),
  model_config: optional(modelConfig),
  ...accessFields,
};

export const modelRegisterUrlBody = object({
  ...registerCommon,
  // ML Commons downloads the URL itself; the plugin's server never fetches it.
  url: string({ min: 1, max: 4096, pattern: /^(https?|ftp|file):\/\/\S+$/i, patternMessage: 'must be an http(s), ftp or file URL' }),
});

export const modelRegisterMetaBody = object({
  ...registerCommon,
  model_content_size_in_bytes: integer({ min: 1, max: MAX_MODEL_SIZE_BYTES }),
  total_chunks: integer({ min: 1, max: Math.ceil(MAX_MODEL_SIZE_BYTES / CHUNK_SIZE_BYTES) }),
});

export const modelUpdateBody = notEmpty(
  object({
    name: optional(name()),
    description: description(),
    model_group_id: optional(id()),
    is_enabled: optional(boolean()),
    model_config: optional(modelConfig),
  })
);

export const deployBody = object({ node_ids: optional(arrayOf(id(), { min: 1, max: 1000 })) });

export const taskSearchQuery = withinResultWindow(
  object({
    ...dataSource,
    ...paging,
    model_id: optional(id()),
    task_types: optional(queryList(oneOf(TASK_TYPES), { max: TASK_TYPES.length })),
    states: optional(queryList(oneOf(TASK_STATES), { max: TASK_STATES.length })),
    sort_direction: sortDirection(),
  })
);

const resultFilterFields = {
  return_number: optional(boolean()),
  return_bytes: optional(boolean()),
  target_response: optional(arrayOf(string({ min: 1, max: 256 }), { max: 32 })),
  target_response_positions: optional(arrayOf(integer({ min: 0, max: 1023 }), { max: 32 })),
};
const predictFields = {
  text_docs: arrayOf(string({ max: MAX_PREDICT_TEXT_CHARS }), { min: 1, max: MAX_PREDICT_DOCS }),
  query_text: optional(string({ min: 1, max: MAX_PREDICT_TEXT_CHARS })),
  ...resultFilterFields,
  result_filter: optional(object(resultFilterFields)),
  parameters: optional(
    object({
      content_type: optional(oneOf(['query', 'passage'] as const)),
      sparse_embedding_format: optional(oneOf(SPARSE_EMBEDDING_FORMATS, { ignoreCase: true })),
    })
  ),
};
export const predictBody = object(predictFields);

/** Native inference: models are addressed by the SHA-256 of their zip (the content-addressed cache key). */
export const nativePredictParams = object({
  functionName: oneOf(NATIVE_PREDICT_FUNCTIONS),
  sha256: string({ pattern: SHA256_HEX, patternMessage: 'must be the lowercase hex SHA-256 of the zip (64 characters)' }),
});
export const nativePredictBody = object({ ...predictFields, model_config: optional(modelConfig) });

export const profileModelsQuery = object({ ...dataSource, model_ids: optional(queryList(id(), { max: 100 })) });

/**
 * Cross-field rules of a local model registration. `clusterVersion` (when known) adds what that
 * version requires. Each was seen on real 2.19.6 and 3.6.0 nodes; where between them a rule starts
 * (3.1 for BaseModelConfig, 3.6 for the pooling modes) is read from ML Commons' history, not run:
 * - before 3.1, ML Commons reads every function's model_config as a text-embedding config, so a
 *   SPARSE_* or TEXT_SIMILARITY config without embedding_dimension and framework_type fails there
 *   ("embedding dimension is null"); from 3.1 those need nothing;
 * - from 3.1, a SPARSE_ENCODING model registered with any model_config never deploys
 *   ("BaseModelConfig cannot be cast to TextEmbeddingModelConfig", 3.6.0), while one without
 *   deploys on every version;
 * - pooling_mode last_token and none arrive in 3.6: 2.19 refuses none ("Wrong pooling method")
 *   and registers last_token but fails its deploy ("Unsupported pooling method");
 * - additional_config arrives in 3.1: 2.19.6 registers the model and drops it without a word.
 */
export function modelRegistrationProblem(
  body: { function_name?: string; model_config?: unknown },
  clusterVersion?: string
): { message: string; fields: string[] } | undefined {
  const fn = body.function_name || 'TEXT_EMBEDDING';
  const needsConfig = fn !== 'SPARSE_ENCODING' && fn !== 'SPARSE_TOKENIZE';
  if (needsConfig && !body.model_config) return { message: `[model_config]: is required for ${fn} models`, fields: [] };
  const cfg = body.model_config as Record<string, unknown> | undefined;
  const missing = cfg ? ['embedding_dimension', 'framework_type'].filter((f) => cfg[f] === undefined) : [];
  if (fn === 'TEXT_EMBEDDING' && missing.length) {
    return { message: '[model_config]: embedding_dimension and framework_type are required for TEXT_EMBEDDING models', fields: missing };
  }
  if (!clusterVersion) return modelConfigProblem(cfg);
  if (missing.length && versionBefore(clusterVersion, 3, 1)) {
    return {
      message: `[model_config]: OpenSearch ${clusterVersion} reads a ${fn} model_config as a text-embedding one, so it needs embedding_dimension and framework_type too${needsConfig ? '' : ' (or leave the whole model_config empty)'}`,
      fields: missing,
    };
  }
  if (cfg && fn === 'SPARSE_ENCODING' && !versionBefore(clusterVersion, 3, 1)) {
    return {
      message: `[model_config]: OpenSearch ${clusterVersion} registers a SPARSE_ENCODING model with a model_config but cannot deploy it ("BaseModelConfig cannot be cast to TextEmbeddingModelConfig"): leave every model_config field empty`,
      fields: Object.keys(cfg).filter((f) => cfg[f] !== undefined),
    };
  }
  return modelConfigProblem(cfg, clusterVersion);
}

/**
 * The rules of one model_config whatever its function (so an update, which names none, gets them
 * too); those that depend on the cluster's version only when `clusterVersion` is known.
 */
export function modelConfigProblem(cfg: Record<string, unknown> | undefined, clusterVersion?: string): { message: string; fields: string[] } | undefined {
  const duplicated = duplicatedConfigKeys(cfg);
  if (duplicated.length) {
    return { message: `[model_config.additional_config]: repeats all_config's ${duplicated.join(', ')}; ML Commons refuses a key in both`, fields: ['additional_config'] };
  }
  if (!clusterVersion) return undefined;
  const pooling = typeof cfg?.pooling_mode === 'string' ? cfg.pooling_mode.toLowerCase() : undefined;
  if ((pooling === 'last_token' || pooling === 'none') && versionBefore(clusterVersion, 3, 6)) {
    const effect = pooling === 'none' ? 'refuses it ("Wrong pooling method")' : 'registers it but fails to deploy it ("Unsupported pooling method")';
    return { message: `[model_config.pooling_mode]: ${pooling} needs OpenSearch 3.6 or later; ${clusterVersion} ${effect}`, fields: ['pooling_mode'] };
  }
  if (cfg?.additional_config !== undefined && versionBefore(clusterVersion, 3, 1)) {
    return {
      message: `[model_config.additional_config]: needs OpenSearch 3.1 or later; ${clusterVersion} would accept the model and silently drop it (space_type included)`,
      fields: ['additional_config'],
    };
  }
  return undefined;
}

/** Keys in both all_config (JSON text) and additional_config, which ML Commons 3.1+ refuses. */
function duplicatedConfigKeys(cfg: Record<string, unknown> | undefined): string[] {
  const extra = cfg?.additional_config;
  if (typeof cfg?.all_config !== 'string' || !extra || typeof extra !== 'object') return [];
  let all: unknown;
  try {
    all = JSON.parse(cfg.all_config);
  } catch {
    return [];
  }
  if (!all || typeof all !== 'object' || Array.isArray(all)) return [];
  return Object.keys(extra).filter((k) => k in (all as object));
}

/**
 * ML Commons 3.1+ (`StringUtils.SAFE_INPUT_PATTERN`) refuses other characters in model group names
 * and descriptions (create, update), and in model names and descriptions on URL registration and
 * update (400 "... can only contain letters, numbers, spaces, and basic punctuation"); register_meta
 * is not checked. Java's `\s` is ASCII whitespace only, so a no-break space is refused too.
 */
const SAFE_TEXT_CHAR = /[\p{L}\p{N} \t\n\x0B\f\r.,!?():@\-_/'"]/u;
export const SAFE_TEXT_RULE = 'letters, numbers, spaces and basic punctuation (.,!?():@-_\'/")';

/** The distinct characters of `value` that ML Commons 3.1+ refuses, as they would be shown. */
export function unsafeCharacters(value: string): string[] {
  const bad = new Set<string>();
  for (const ch of value) if (!SAFE_TEXT_CHAR.test(ch)) bad.add(ch);
  // Invisible ones (no-break space, zero-width joiner, control characters) by their code point.
  return Array.from(bad, (ch) => (/[\p{Z}\p{C}]/u.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`));
}

/**
 * The first of `fields` (name -> text) that the cluster's version refuses for its characters;
 * nothing before 3.1 or when the version is unknown.
 */
export function safeTextProblem(fields: Record<string, string | undefined>, clusterVersion: string | undefined): { message: string; fields: string[] } | undefined {
  if (!clusterVersion || versionBefore(clusterVersion, 3, 1)) return undefined;
  for (const [field, value] of Object.entries(fields)) {
    const bad = value ? unsafeCharacters(value) : [];
    if (bad.length) {
      return { message: `[${field}]: OpenSearch ${clusterVersion} takes only ${SAFE_TEXT_RULE} here, not ${bad.slice(0, 8).join(' ')}${bad.length > 8 ? ' …' : ''}`, fields: [field] };
    }
  }
  return undefined;
}

/** Whether `version` ("2.19.6") is older than major.minor. */
export function versionBefore(version: string, major: number, minor: number): boolean {
  const [ma, mi] = version.split('.').map(Number);
  return ma < major || (ma === major && mi < minor);
}

export function checkPredict(functionName: string, body: { query_text?: string; parameters?: unknown }): string | undefined {
  if (functionName === 'text_similarity' && !body.query_text) return '[query_text]: is required for text_similarity';
  if (functionName !== 'text_similarity' && body.query_text !== undefined) {
    return `[query_text]: is only used by text_similarity, not ${functionName}`;
  }
  // Each parameter belongs to one function (2.19 parses `parameters` for text_embedding only, and
  // answers "unknown field [SPARSE_ENCODING]" otherwise; 3.2+ takes sparse_embedding_format too).
  const params = (body.parameters ?? {}) as { content_type?: unknown; sparse_embedding_format?: unknown };
  if (params.content_type !== undefined && functionName !== 'text_embedding') {
    return `[parameters.content_type]: is only used by text_embedding, not ${functionName}`;
  }
  if (params.sparse_embedding_format !== undefined && functionName !== 'sparse_encoding') {
    return `[parameters.sparse_embedding_format]: is only used by sparse_encoding, not ${functionName}`;
  }
  if (functionName !== 'text_embedding' && functionName !== 'sparse_encoding' && body.parameters !== undefined) {
    return `[parameters]: are not used by ${functionName}`;
  }
  return undefined;
}

export const readinessApplyBody = object({
  settings: object({
    allow_registering_model_via_url: optional(boolean()),
    allow_registering_model_via_local_file: optional(boolean()),
    only_run_on_ml_node: optional(boolean()),
    native_memory_threshold: optional(integer({ min: 0, max: 100 })),
    jvm_heap_memory_threshold: optional(integer({ min: 0, max: 100 })),
    allow_custom_deployment_plan: optional(boolean()),
  }),
});
