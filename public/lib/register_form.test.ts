import type { ZipReport } from './zip_inspect';
import { buildModelConfig, configAdvice, INITIAL_VALUES, RegisterFormValues, validateRegisterForm, valuesFromReport } from './register_form';

const GOOD_REPORT: ZipReport = {
  fileName: 'glove.zip',
  sizeBytes: 4238022,
  entries: [],
  modelFile: 'model.onnx',
  format: 'ONNX',
  problems: [],
  warnings: [],
  suggestion: { function_name: 'TEXT_EMBEDDING', model_type: 'bert', embedding_dimension: 100, framework_type: 'sentence_transformers', notes: [], warnings: [] },
};

const file = { size: 4238022, name: 'glove.zip' } as unknown as File;

function values(patch: Partial<RegisterFormValues> = {}): RegisterFormValues {
  return {
    ...INITIAL_VALUES,
    name: 'glove',
    groupId: 'g1',
    model_format: 'ONNX',
    model_type: 'bert',
    embedding_dimension: '100',
    framework_type: 'sentence_transformers',
    ...patch,
  };
}

describe('validateRegisterForm', () => {
  it('builds a request when everything is valid', () => {
    const { errors, request } = validateRegisterForm(values({ pooling_mode: 'mean', normalize_result: true, deploy: true }), { file, report: GOOD_REPORT });
    expect(errors).toEqual({});
    expect(request).toEqual({
      source: { kind: 'file', file },
      group: { kind: 'existing', id: 'g1' },
      model: {
        name: 'glove',
        function_name: 'TEXT_EMBEDDING',
        model_format: 'ONNX',
        model_config: {
          model_type: 'bert',
          embedding_dimension: 100,
          framework_type: 'sentence_transformers',
          pooling_mode: 'mean',
          normalize_result: true,
          additional_config: { space_type: 'cosinesimil' },
        },
      },
      deploy: true,
    });
  });

  it("reports every bad field with the shared validators' messages", () => {
    const { errors, request } = validateRegisterForm(
      values({ name: '', embedding_dimension: '0', all_config: '{not json', groupId: '' }),
      { file, report: GOOD_REPORT }
    );
    expect(request).toBeUndefined();
    expect(errors).toEqual({
      name: '[name]: must not be empty',
      embedding_dimension: '[model_config.embedding_dimension]: must be at least 1',
      all_config: expect.stringMatching(/^\[model_config\.all_config\]: must be valid JSON/),
      groupId: '[model_group_id]: choose a model group, or create a new one',
    });
  });

  it('says an embedding dimension that is not a whole number must be one, not that it "got [string]"', () => {
    for (const text of ['3.5', '1e3', '32px']) {
      const { errors, request } = validateRegisterForm(values({ embedding_dimension: text }), { file, report: GOOD_REPORT });
      expect(request).toBeUndefined();
      expect(errors).toEqual({ embedding_dimension: '[model_config.embedding_dimension]: must be a whole number, such as 384' });
    }
  });

  it('maps the cross-field rule to the missing config fields', () => {
    const { errors } = validateRegisterForm(values({ embedding_dimension: '', framework_type: '' }), { file, report: GOOD_REPORT });
    expect(errors.embedding_dimension).toBe('[model_config]: embedding_dimension and framework_type are required for TEXT_EMBEDDING models');
    expect(errors.framework_type).toBe(errors.embedding_dimension);
    const none = validateRegisterForm(values({ model_type: '', embedding_dimension: '', framework_type: '' }), { file, report: GOOD_REPORT });
    expect(none.errors.model_type).toBe('[model_config]: is required for TEXT_EMBEDDING models');
    const sparse = validateRegisterForm(values({ function_name: 'SPARSE_ENCODING', model_type: '', embedding_dimension: '', framework_type: '' }), { file, report: GOOD_REPORT });
    expect(sparse.errors).toEqual({});
  });

  it('on a cluster older than 3.1, needs embedding_dimension and framework_type in any function\'s config (it is read as a text-embedding one)', () => {
    const partial = values({ function_name: 'SPARSE_ENCODING', embedding_dimension: '', framework_type: '' });
    const old = validateRegisterForm(partial, { file, report: GOOD_REPORT, clusterVersion: '2.19.6' });
    expect(old.errors.embedding_dimension).toBe(
      '[model_config]: OpenSearch 2.19.6 reads a SPARSE_ENCODING model_config as a text-embedding one, so it needs embedding_dimension and framework_type too (or leave the whole model_config empty)'
    );
    expect(old.errors.framework_type).toBe(old.errors.embedding_dimension);
    expect(validateRegisterForm(partial, { file, report: GOOD_REPORT }).errors).toEqual({});
    const similarity = values({ function_name: 'TEXT_SIMILARITY', embedding_dimension: '', framework_type: '' });
    expect(validateRegisterForm(similarity, { file, report: GOOD_REPORT, clusterVersion: '3.1.0' }).errors).toEqual({});
    expect(validateRegisterForm(similarity, { file, report: GOOD_REPORT, clusterVersion: '2.19.6' }).errors.embedding_dimension).toMatch(/TEXT_SIMILARITY model_config as a text-embedding one, so it needs embedding_dimension and framework_type too$/);
    const empty = values({ function_name: 'SPARSE_ENCODING', model_type: '', embedding_dimension: '', framework_type: '' });
    expect(validateRegisterForm(empty, { file, report: GOOD_REPORT, clusterVersion: '2.19.6' }).errors).toEqual({});
  });

  it('takes a pasted hash in upper case (PowerShell prints it so) and sends it in lower case', () => {
    const byUrl = values({ sourceKind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: ` ${'AB'.repeat(32)} ` });
    const { errors, request } = validateRegisterForm(byUrl, {});
    expect(errors).toEqual({});
    expect(request?.source).toEqual({ kind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: 'ab'.repeat(32) });
  });

  it('on 3.1 and later, refuses the characters ML Commons refuses where it checks them, before anything is sent', () => {
    const rule = "letters, numbers, spaces and basic punctuation (.,!?():@-_'/\")";
    const fancy = values({ name: 'glove 🚀', description: 'Tiny BERT — fast & small', groupMode: 'new', newGroupName: 'team #1', newGroupDescription: 'ok: (plain)' });
    // A chunked upload: its name is not checked by ML Commons, its description is (when put back).
    expect(validateRegisterForm(fancy, { file, report: GOOD_REPORT, clusterVersion: '3.6.0' }).errors).toEqual({
      description: `[description]: OpenSearch 3.6.0 takes only ${rule} here, not "—" "&"`,
      newGroupName: `[name]: OpenSearch 3.6.0 takes only ${rule} here, not "#"`,
    });
    const byUrl = { ...fancy, sourceKind: 'url' as const, url: 'http://127.0.0.1:8000/m.zip', hash: 'a'.repeat(64) };
    expect(validateRegisterForm(byUrl, { clusterVersion: '3.6.0' }).errors.name).toBe(`[name]: OpenSearch 3.6.0 takes only ${rule} here, not "🚀"`);
    // 2.19 takes them all, and so does a form that does not know the version yet (the route checks).
    expect(validateRegisterForm(fancy, { file, report: GOOD_REPORT, clusterVersion: '2.19.6' }).errors).toEqual({});
    expect(validateRegisterForm(fancy, { file, report: GOOD_REPORT }).errors).toEqual({});
  });

  it('on 3.1 and later, refuses any model_config for a sparse encoder (it registers but never deploys there)', () => {
    const full = values({ function_name: 'SPARSE_ENCODING' });
    const msg = '[model_config]: OpenSearch 3.6.0 registers a SPARSE_ENCODING model with a model_config but cannot deploy it ("BaseModelConfig cannot be cast to TextEmbeddingModelConfig"): leave every model_config field empty';
    // On the fields that hold something: emptying them is the fix.
    expect(validateRegisterForm(full, { file, report: GOOD_REPORT, clusterVersion: '3.6.0' }).errors).toEqual({ model_type: msg, embedding_dimension: msg, framework_type: msg });
    const typeOnly = values({ function_name: 'SPARSE_ENCODING', embedding_dimension: '', framework_type: '' });
    expect(validateRegisterForm(typeOnly, { file, report: GOOD_REPORT, clusterVersion: '3.1.0' }).errors).toEqual({ model_type: msg.replace('3.6.0', '3.1.0') });
    const empty = values({ function_name: 'SPARSE_ENCODING', model_type: '', embedding_dimension: '', framework_type: '' });
    expect(validateRegisterForm(empty, { file, report: GOOD_REPORT, clusterVersion: '3.6.0' }).errors).toEqual({});
    // 2.19 deploys a complete one; similarity and embedding configs are fine on 3.x.
    expect(validateRegisterForm(full, { file, report: GOOD_REPORT, clusterVersion: '2.19.6' }).errors).toEqual({});
    expect(validateRegisterForm(values({ function_name: 'TEXT_SIMILARITY' }), { file, report: GOOD_REPORT, clusterVersion: '3.6.0' }).errors).toEqual({});
  });

  it('pooling_mode last_token and none need a 3.6 cluster, and say what an older one does', () => {
    expect(validateRegisterForm(values({ pooling_mode: 'last_token' }), { file, report: GOOD_REPORT, clusterVersion: '2.19.6' }).errors).toEqual({
      pooling_mode: '[model_config.pooling_mode]: last_token needs OpenSearch 3.6 or later; 2.19.6 registers it but fails to deploy it ("Unsupported pooling method")',
    });
    expect(validateRegisterForm(values({ pooling_mode: 'none' }), { file, report: GOOD_REPORT, clusterVersion: '3.5.0' }).errors.pooling_mode).toBe(
      '[model_config.pooling_mode]: none needs OpenSearch 3.6 or later; 3.5.0 refuses it ("Wrong pooling method")'
    );
    for (const mode of ['last_token', 'none'] as const) {
      expect(validateRegisterForm(values({ pooling_mode: mode }), { file, report: GOOD_REPORT, clusterVersion: '3.6.0' }).errors).toEqual({});
      expect(validateRegisterForm(values({ pooling_mode: mode }), { file, report: GOOD_REPORT }).errors).toEqual({});
    }
  });

  it('asks for model_type once any config field is set', () => {
    const { errors } = validateRegisterForm(values({ model_type: '' }), { file, report: GOOD_REPORT });
    expect(errors.model_type).toBe('[model_config.model_type]: must not be empty');
  });

  it('refuses a format that does not match the model file, and a zip with problems', () => {
    expect(validateRegisterForm(values({ model_format: 'TORCH_SCRIPT' }), { file, report: GOOD_REPORT }).errors.model_format).toBe(
      '[model_format]: the zip holds model.onnx, so the format must be ONNX'
    );
    const bad = { ...GOOD_REPORT, problems: [{ code: 'missing_tokenizer' as const, message: 'no tokenizer' }] };
    expect(validateRegisterForm(values(), { file, report: bad }).errors.file).toMatch(/nothing is sent until it is fixed/);
    expect(validateRegisterForm(values(), {}).errors.file).toBe('Choose a model zip.');
  });

  it('validates a new group with the group validator', () => {
    const { errors } = validateRegisterForm(values({ groupMode: 'new', newGroupName: '  ' }), { file, report: GOOD_REPORT });
    expect(errors.newGroupName).toBe('[name]: must not be empty');
    const ok = validateRegisterForm(values({ groupMode: 'new', newGroupName: 'embeddings', newGroupDescription: 'all' }), { file, report: GOOD_REPORT });
    expect(ok.request?.group).toEqual({ kind: 'new', body: { name: 'embeddings', description: 'all' } });
  });

  it("gives a new group the chosen access only where model access control is on (ML Commons refuses it otherwise)", () => {
    const pub = values({ groupMode: 'new', newGroupName: 'shared', newGroupAccess: { access: 'public', roles: [], allRoles: false } });
    expect(validateRegisterForm(pub, { file, report: GOOD_REPORT, accessControl: true }).request?.group).toEqual({ kind: 'new', body: { name: 'shared', access_mode: 'public' } });
    expect(validateRegisterForm(pub, { file, report: GOOD_REPORT }).request?.group).toEqual({ kind: 'new', body: { name: 'shared' } });
    const mine = values({ groupMode: 'new', newGroupName: 'team', newGroupAccess: { access: 'restricted', roles: [], allRoles: true } });
    expect(validateRegisterForm(mine, { file, report: GOOD_REPORT, accessControl: true }).request?.group).toEqual({
      kind: 'new',
      body: { name: 'team', access_mode: 'restricted', add_all_backend_roles: true },
    });
    const noRoles = values({ groupMode: 'new', newGroupName: 'team', newGroupAccess: { access: 'restricted', roles: [], allRoles: false } });
    expect(validateRegisterForm(noRoles, { file, report: GOOD_REPORT, accessControl: true }).errors).toEqual({ newGroupAccess: 'A restricted group needs backend roles, or "all my backend roles".' });
  });

  it('requires the hash for a URL (not the size, which ML Commons measures itself), and a URL ML Commons can fetch', () => {
    const { errors } = validateRegisterForm(values({ sourceKind: 'url', url: 'model.zip', hash: 'ABC' }), {});
    expect(errors).toEqual({
      url: '[url]: must be an http(s), ftp or file URL',
      hash: '[model_content_hash_value]: must be the lowercase hex SHA-256 of the zip (64 characters)',
    });
    const ok = validateRegisterForm(values({ sourceKind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: 'a'.repeat(64) }), {});
    expect(ok.request?.source).toEqual({ kind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: 'a'.repeat(64) });
    // Another zip dropped: until its hash is computed, the hash field may still be the previous zip's.
    const filled = values({ sourceKind: 'url', url: 'http://h/m.zip', hash: 'a'.repeat(64) });
    const hashing = validateRegisterForm(filled, { file: new Blob(['zip']), hashing: true });
    expect([hashing.request, hashing.errors.file]).toEqual([undefined, "The zip's SHA-256 is still being computed; the hash fills in when it is done."]);
  });
});

describe('zips the cluster takes for one path or function only', () => {
  const TOKENIZER_ONLY: ZipReport = {
    ...GOOD_REPORT,
    modelFile: undefined,
    format: undefined,
    tokenizerOnly: true,
    suggestion: { function_name: 'SPARSE_TOKENIZE', notes: [], warnings: [] },
  };
  const sparseTokenizer = values({ function_name: 'SPARSE_TOKENIZE', model_format: 'TORCH_SCRIPT', model_type: '', embedding_dimension: '', framework_type: '' });

  it('registers a zip without a model file as a sparse tokenizer only (ML Commons: "Can\'t find model file" otherwise)', () => {
    expect(validateRegisterForm(sparseTokenizer, { file, report: TOKENIZER_ONLY }).errors).toEqual({});
    expect(validateRegisterForm(values(), { file, report: TOKENIZER_ONLY }).errors).toEqual({
      function_name: 'The zip has no .onnx or .pt model file: only Sparse tokenize registers without one (ML Commons: "Can\'t find model file").',
    });
    expect(valuesFromReport(TOKENIZER_ONLY, INITIAL_VALUES)).toMatchObject({ function_name: 'SPARSE_TOKENIZE', model_format: 'TORCH_SCRIPT' });
    // A format the user chose stays.
    expect(valuesFromReport(TOKENIZER_ONLY, { ...INITIAL_VALUES, model_format: 'ONNX' }).model_format).toBeUndefined();
  });

  it('refuses model-named entries in folders for a URL registration (ML Commons counts them there), not for an upload', () => {
    const nested: ZipReport = { ...GOOD_REPORT, nestedModelFiles: ['__MACOSX/._model.onnx'] };
    expect(validateRegisterForm(values(), { file, report: nested }).errors).toEqual({});
    const url = values({ sourceKind: 'url', url: 'http://127.0.0.1:8000/m.zip', hash: 'a'.repeat(64) });
    expect(validateRegisterForm(url, { file, report: GOOD_REPORT }).errors).toEqual({});
    expect(validateRegisterForm(url, { file, report: nested }).errors.file).toMatch(/^__MACOSX\/\._model\.onnx: registering from a URL, ML Commons counts every entry ending in \.onnx or \.pt and fails/);
  });
});

describe('form helpers', () => {
  it('prefills from the inspected zip, keeping a name the user typed', () => {
    expect(valuesFromReport(GOOD_REPORT, INITIAL_VALUES)).toEqual({
      model_format: 'ONNX',
      name: 'glove',
      function_name: 'TEXT_EMBEDDING',
      model_type: 'bert',
      embedding_dimension: '100',
      framework_type: 'sentence_transformers',
    });
    expect(valuesFromReport(GOOD_REPORT, { ...INITIAL_VALUES, name: 'mine' }).name).toBeUndefined();
  });

  it('keeps config the user typed where the zip suggests nothing', () => {
    const typed = values({ model_type: 'roberta', framework_type: 'huggingface_transformers', embedding_dimension: '384' });
    const patch = valuesFromReport({ ...GOOD_REPORT, suggestion: { function_name: 'TEXT_EMBEDDING', notes: [], warnings: [] } }, typed);
    expect(patch).toEqual({ model_format: 'ONNX', function_name: 'TEXT_EMBEDDING' });
    expect({ ...typed, ...patch }).toMatchObject({ model_type: 'roberta', framework_type: 'huggingface_transformers', embedding_dimension: '384' });
  });

  it('leaves model_config out when nothing is set (a space type alone is no reason to send one)', () => {
    expect(INITIAL_VALUES.space_type).toBe('cosinesimil');
    expect(buildModelConfig(INITIAL_VALUES)).toBeUndefined();
  });

  it('sends the space type for TEXT_EMBEDDING on 3.1+ or an unknown version, never on 2.19 or for other functions', () => {
    const spaceOf = (v: RegisterFormValues, version?: string) => buildModelConfig(v, version)?.additional_config;
    expect(spaceOf(values({ space_type: 'l2' }), '3.1.0')).toEqual({ space_type: 'l2' });
    expect(spaceOf(values(), undefined)).toEqual({ space_type: 'cosinesimil' });
    expect(spaceOf(values(), '2.19.6')).toBeUndefined();
    expect(spaceOf(values({ space_type: '' }), '3.6.0')).toBeUndefined();
    expect(spaceOf(values({ function_name: 'TEXT_SIMILARITY' }), '3.6.0')).toBeUndefined();
    // A sparse encoder on 3.6 must have no config at all: the default space type does not make one.
    expect(validateRegisterForm(values({ function_name: 'SPARSE_ENCODING', model_type: '', embedding_dimension: '', framework_type: '' }), { file, report: GOOD_REPORT, clusterVersion: '3.6.0' }).errors).toEqual({});
  });

  it('puts a space type that all_config repeats on the space type field', () => {
    const { errors } = validateRegisterForm(values({ all_config: '{"space_type":"l2"}' }), { file, report: GOOD_REPORT, clusterVersion: '3.6.0' });
    expect(errors).toEqual({ space_type: "[model_config.additional_config]: repeats all_config's space_type; ML Commons refuses a key in both" });
  });
});

describe('configAdvice', () => {
  it('warns on normalize_result with max pooling (any version) and none (3.6): ML Commons turns every value into 1 or -1', () => {
    expect(configAdvice({ function_name: 'TEXT_EMBEDDING', pooling_mode: 'max', normalize_result: true }).normalize_result).toMatch(/^With pooling max, ML Commons normalizes each value on its own, so every value becomes 1 or -1/);
    expect(configAdvice({ function_name: 'TEXT_EMBEDDING', pooling_mode: 'none', normalize_result: true }).normalize_result).toMatch(/^With pooling none/);
    expect(configAdvice({ function_name: 'TEXT_EMBEDDING', pooling_mode: 'max', normalize_result: false })).toEqual({});
    expect(configAdvice({ function_name: 'TEXT_EMBEDDING', pooling_mode: 'mean', normalize_result: true })).toEqual({});
    expect(configAdvice({ function_name: 'TEXT_EMBEDDING', pooling_mode: '', normalize_result: true })).toEqual({});
  });
});
