import type { FrameworkType, FunctionName, KnnSpaceType, ModelFormat, PoolingMode } from '../../common/ml_commons';
import { Check, validate } from '../../common/schema';
import type { ModelConfig, ModelGroupCreateBody } from '../../common/types';
import { chunkCount } from '../../common/upload';
import { modelGroupCreateBody, modelRegistrationProblem, modelRegisterMetaBody, modelRegisterUrlBody, safeTextProblem, versionBefore } from '../../common/validators';
import { accessFields, accessProblem, CLUSTER_DEFAULT_ACCESS, GroupAccess } from './group_access';
import type { RegisterRequest } from './register_flow';
import type { ZipReport } from './zip_inspect';

/**
 * The register form as plain data, and its validation with the same validators the server runs
 * (`common/validators.ts`), so the browser shows exactly the message the route would answer,
 * next to the field it is about.
 */

export type SourceKind = 'file' | 'url';
export type GroupMode = 'existing' | 'new';

export interface RegisterFormValues {
  sourceKind: SourceKind;
  url: string;
  hash: string;
  name: string;
  description: string;
  groupMode: GroupMode;
  groupId: string;
  newGroupName: string;
  newGroupDescription: string;
  /** Sent only when the cluster has model access control on (ML Commons refuses it otherwise). */
  newGroupAccess: GroupAccess;
  function_name: FunctionName;
  model_format: ModelFormat | '';
  model_type: string;
  embedding_dimension: string;
  framework_type: FrameworkType | '';
  pooling_mode: PoolingMode | '';
  normalize_result: boolean;
  all_config: string;
  /** Stored as `additional_config.space_type` (TEXT_EMBEDDING on 3.1+ only, see spaceTypeApplies). */
  space_type: KnnSpaceType | '';
  deploy: boolean;
}

export type FormField = keyof RegisterFormValues | 'file';
export type FormErrors = Partial<Record<FormField, string>>;

export const INITIAL_VALUES: RegisterFormValues = {
  sourceKind: 'file',
  url: '',
  hash: '',
  name: '',
  description: '',
  groupMode: 'existing',
  groupId: '',
  newGroupName: '',
  newGroupDescription: '',
  newGroupAccess: CLUSTER_DEFAULT_ACCESS,
  function_name: 'TEXT_EMBEDDING',
  model_format: '',
  model_type: '',
  embedding_dimension: '',
  framework_type: '',
  pooling_mode: '',
  normalize_result: false,
  all_config: '',
  // The semantic field (3.1+) needs one; cosine suits any embedding, normalized or not.
  space_type: 'cosinesimil',
  deploy: false,
};

/** Where each request field is edited. */
const FIELD_OF_PATH: Record<string, FormField> = {
  name: 'name',
  description: 'description',
  function_name: 'function_name',
  model_format: 'model_format',
  model_content_hash_value: 'hash',
  url: 'url',
  model_group_id: 'groupId',
  model_content_size_in_bytes: 'file',
  total_chunks: 'file',
  model_config: 'model_type',
  'model_config.model_type': 'model_type',
  'model_config.embedding_dimension': 'embedding_dimension',
  'model_config.framework_type': 'framework_type',
  'model_config.pooling_mode': 'pooling_mode',
  'model_config.normalize_result': 'normalize_result',
  'model_config.all_config': 'all_config',
  'model_config.additional_config': 'space_type',
  'model_config.additional_config.space_type': 'space_type',
};

/** Valid values put in place of a reported one, so validation can go on to the next field. */
const STAND_INS: Record<string, unknown> = {
  name: 'x',
  model_format: 'ONNX',
  model_content_hash_value: '0'.repeat(64),
  url: 'http://stand-in',
  model_group_id: 'x',
  model_content_size_in_bytes: 1,
  total_chunks: 1,
  'model_config.model_type': 'x',
};

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let target = obj;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) return;
    target = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else target[last] = value;
}

/**
 * Every problem in `body`, not just the first: the shared validators stop at the first bad field,
 * so each reported field is replaced by a valid stand-in (or dropped) and validation runs again.
 */
export function collectErrors(check: Check<unknown>, body: Record<string, unknown>): Array<{ field: string; message: string }> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const out: Array<{ field: string; message: string }> = [];
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const r = validate(check, copy);
    if (r.ok) break;
    if (seen.has(r.field)) break;
    seen.add(r.field);
    out.push({ field: r.field, message: r.error });
    setPath(copy, r.field, STAND_INS[r.field]);
  }
  return out;
}

function parseInteger(text: string): number | string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/**
 * Whether the space type is sent: only TEXT_EMBEDDING models feed a semantic field, and a cluster
 * older than 3.1 would drop it. With the version unknown here it is sent, and the route refuses it
 * when it can read an older version.
 */
export function spaceTypeApplies(v: Pick<RegisterFormValues, 'function_name'>, clusterVersion?: string): boolean {
  return v.function_name === 'TEXT_EMBEDDING' && !(clusterVersion && versionBefore(clusterVersion, 3, 1));
}

/** `model_config` from the form; undefined when the user set none of its fields. */
export function buildModelConfig(v: RegisterFormValues, clusterVersion?: string): ModelConfig | undefined {
  const cfg: Record<string, unknown> = {};
  if (v.model_type.trim()) cfg.model_type = v.model_type.trim();
  const dim = parseInteger(v.embedding_dimension);
  if (dim !== undefined) cfg.embedding_dimension = dim;
  if (v.framework_type) cfg.framework_type = v.framework_type;
  if (v.pooling_mode) cfg.pooling_mode = v.pooling_mode;
  if (v.normalize_result) cfg.normalize_result = true;
  if (v.all_config.trim()) cfg.all_config = v.all_config.trim();
  // Not a reason to send a config on its own: it rides along with the fields above.
  if (!Object.keys(cfg).length) return undefined;
  if (v.space_type && spaceTypeApplies(v, clusterVersion)) cfg.additional_config = { space_type: v.space_type };
  // model_type is required once any config is given; an empty string gets the validator's message.
  if (cfg.model_type === undefined) cfg.model_type = '';
  return cfg as unknown as ModelConfig;
}

export interface FormContext {
  file?: File | Blob;
  /** The inspection of `file` (file mode) or of the file dropped to compute the hash (URL mode). */
  report?: ZipReport;
  /** Whether the inspection is still running. */
  inspecting?: boolean;
  /** URL mode: the dropped zip's SHA-256 is still being computed (the hash field may be another zip's). */
  hashing?: boolean;
  /** The cluster's (oldest) OpenSearch version, when known: some model_config rules depend on it. */
  clusterVersion?: string;
  /** Whether the cluster has model access control on: only then may a new group say who may use it. */
  accessControl?: boolean;
}

export interface FormResult {
  errors: FormErrors;
  request?: RegisterRequest;
}

/** A pasted hash as ML Commons compares it: tools such as PowerShell's Get-FileHash print it in upper case. */
const pastedHash = (hash: string) => hash.trim().toLowerCase();

export function validateRegisterForm(v: RegisterFormValues, ctx: FormContext): FormResult {
  const errors: FormErrors = {};
  const add = (field: FormField, message: string) => {
    if (!errors[field]) errors[field] = message;
  };
  const addAll = (list: Array<{ field: string; message: string }>, fieldOf: (path: string) => FormField | undefined) => {
    for (const e of list) add(fieldOf(e.field) || 'name', e.message);
  };

  const modelConfig = buildModelConfig(v, ctx.clusterVersion);
  const common: Record<string, unknown> = {
    name: v.name.trim(),
    function_name: v.function_name,
    model_format: v.model_format || undefined,
    model_config: modelConfig,
  };
  if (v.description.trim()) common.description = v.description.trim();
  if (!v.model_format) add('model_format', '[model_format]: choose ONNX or TORCH_SCRIPT');
  // Text that is not a whole number reaches the shared validator as a string, whose message
  // ("expected an integer but got [string]") names a type the user never typed.
  if (typeof modelConfig?.embedding_dimension === 'string') add('embedding_dimension', '[model_config.embedding_dimension]: must be a whole number, such as 384');

  // The group is validated on its own: a new one is only an id after it is created.
  let groupBody: ModelGroupCreateBody | undefined;
  if (v.groupMode === 'existing') {
    if (!v.groupId) add('groupId', '[model_group_id]: choose a model group, or create a new one');
    else common.model_group_id = v.groupId;
  } else {
    groupBody = { name: v.newGroupName.trim() };
    if (v.newGroupDescription.trim()) groupBody.description = v.newGroupDescription.trim();
    if (ctx.accessControl) Object.assign(groupBody, accessFields(v.newGroupAccess));
    const groupField = (p: string): FormField => (p === 'name' ? 'newGroupName' : p === 'description' ? 'newGroupDescription' : 'newGroupAccess');
    addAll(collectErrors(modelGroupCreateBody as Check<unknown>, groupBody as unknown as Record<string, unknown>), groupField);
    const access = accessProblem(groupBody);
    if (access) add('newGroupAccess', access);
  }

  const report = ctx.report;
  const reportProblems = report?.problems.length ?? 0;
  let sizeBytes = 0;
  if (v.sourceKind === 'file') {
    if (!ctx.file) add('file', 'Choose a model zip.');
    else if (ctx.inspecting || !report) add('file', 'The zip is still being checked.');
    else if (reportProblems) add('file', `The zip has ${reportProblems === 1 ? 'a problem' : `${reportProblems} problems`} (listed below); nothing is sent until it is fixed.`);
    sizeBytes = ctx.file?.size ?? 0;
    const body = {
      ...common,
      model_content_hash_value: STAND_INS.model_content_hash_value,
      model_content_size_in_bytes: sizeBytes || 1,
      total_chunks: Math.max(1, chunkCount(sizeBytes)),
    };
    addAll(collectErrors(modelRegisterMetaBody as Check<unknown>, body), (p) => FIELD_OF_PATH[p]);
  } else {
    const body = { ...common, model_content_hash_value: pastedHash(v.hash), url: v.url.trim() };
    addAll(collectErrors(modelRegisterUrlBody as Check<unknown>, body), (p) => FIELD_OF_PATH[p]);
    if (ctx.file && ctx.inspecting) add('file', 'The zip is still being checked.');
    else if (ctx.file && ctx.hashing) add('file', "The zip's SHA-256 is still being computed; the hash fills in when it is done.");
    else if (ctx.file && reportProblems) add('file', 'The dropped zip has problems (listed below); ML Commons would reject it too.');
  }

  // Cross-field rules, with the cluster's version as the route applies them.
  const crossField = modelRegistrationProblem({ function_name: v.function_name, model_config: modelConfig }, ctx.clusterVersion);
  if (crossField) {
    const fields = crossField.fields.map((f) => FIELD_OF_PATH[`model_config.${f}`]).filter(Boolean);
    for (const f of fields.length ? fields : (['model_type'] as const)) add(f, crossField.message);
  }
  // Characters the cluster's version refuses, where the route checks them (a chunked upload's name
  // is never checked; its description goes through the update API after the last chunk).
  // [form field, the field's name in its request body, its text]
  const texts: Array<[FormField, string, string | undefined]> = [
    ['description', 'description', common.description as string | undefined],
    ['name', 'name', v.sourceKind === 'url' ? (common.name as string) : undefined],
    ['newGroupName', 'name', groupBody?.name],
    ['newGroupDescription', 'description', groupBody?.description],
  ];
  for (const [field, bodyField, text] of texts) {
    const problem = safeTextProblem({ [bodyField]: text }, ctx.clusterVersion);
    if (problem) add(field, problem.message);
  }
  if (report?.format && v.model_format && report.format !== v.model_format) {
    add('model_format', `[model_format]: the zip holds ${report.modelFile}, so the format must be ${report.format}`);
  }
  if (report?.tokenizerOnly && v.function_name !== 'SPARSE_TOKENIZE') {
    add('function_name', `The zip has no .onnx or .pt model file: only Sparse tokenize registers without one (ML Commons: "Can't find model file").`);
  }
  if (v.sourceKind === 'url' && report?.nestedModelFiles?.length) {
    add('file', `${report.nestedModelFiles.join(', ')}: registering from a URL, ML Commons counts every entry ending in .onnx or .pt and fails ("Find multiple model files, but expected only one"). Zip the files without that folder, or upload the zip instead.`);
  }

  if (Object.keys(errors).length) return { errors };
  const model = { ...common } as RegisterRequest['model'];
  delete (model as { model_group_id?: string }).model_group_id;
  const request: RegisterRequest = {
    source: v.sourceKind === 'file' ? { kind: 'file', file: ctx.file! } : { kind: 'url', url: v.url.trim(), hash: pastedHash(v.hash) },
    group: v.groupMode === 'existing' ? { kind: 'existing', id: v.groupId } : { kind: 'new', body: groupBody! },
    model,
    deploy: v.deploy,
  };
  return { errors, request };
}

/**
 * Advice on a config that registers and deploys but gives useless vectors (not blocking: it is
 * what ML Commons does, and native inference reproduces it): max pooling, and none on 3.6, keep
 * each row `[1, H]`, which normalize_result then scales value by value to 1 or -1.
 */
export function configAdvice(v: Pick<RegisterFormValues, 'function_name' | 'pooling_mode' | 'normalize_result'>): { normalize_result?: string } {
  if (v.function_name !== 'TEXT_EMBEDDING' || !v.normalize_result || (v.pooling_mode !== 'max' && v.pooling_mode !== 'none')) return {};
  return {
    normalize_result: `With pooling ${v.pooling_mode}, ML Commons normalizes each value on its own, so every value becomes 1 or -1 and the vectors lose what they held. Leave this off, or pool with mean.`,
  };
}

/** Form values implied by a freshly inspected zip: its format, and what its ONNX graph shows. */
export function valuesFromReport(report: ZipReport, current: RegisterFormValues): Partial<RegisterFormValues> {
  const patch: Partial<RegisterFormValues> = {};
  if (report.format) patch.model_format = report.format;
  // No model file to read a format from, and either works (checked on 2.19.6): the one ML
  // Commons' own sparse tokenizers carry.
  else if (report.tokenizerOnly && !current.model_format) patch.model_format = 'TORCH_SCRIPT';
  if (!current.name.trim()) {
    const base = report.fileName.replace(/\.zip$/i, '').trim();
    if (base) patch.name = base;
  }
  const s = report.suggestion;
  // Only what the graph shows: a field it says nothing about keeps what the user typed.
  if (s) {
    if (s.function_name) patch.function_name = s.function_name;
    if (s.model_type) patch.model_type = s.model_type;
    if (s.embedding_dimension !== undefined) patch.embedding_dimension = String(s.embedding_dimension);
    if (s.framework_type) patch.framework_type = s.framework_type;
  }
  return patch;
}
