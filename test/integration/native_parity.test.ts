import { promises as fs } from 'fs';
import path from 'path';
import type { PredictResponse } from '../../common/types';
import { routePath } from '../../common/routes';
import { api, CLUSTER_VERSION, clusterAtLeast, cosine, HOST, loadFixture, ok, OPENSEARCH, until, uploadInChunks, waitForModelState, waitForTask, Fixture } from './helpers';

jest.setTimeout(900000);

/**
 * Native inference vs ML Commons on the same zip and model_config: every ONNX fixture is uploaded
 * through the plugin's chunk routes (which also puts it in the native cache on this server),
 * deployed, and predicted on the cluster and natively; then everything created is deleted.
 */
const DOCS = [
  'The cat sat on the mat.',
  'A man is playing a guitar.',
  'Café naïve résumé — accents, 東京 and punctuation!?',
  'OpenSearch supports neural search with vector embeddings.',
  'x',
  // Over 512 tokens: truncation must match.
  `${'the quick brown fox jumps over the lazy dog '.repeat(70)}end`,
];

interface Figures {
  fixture: string;
  config?: Record<string, unknown>;
  min_cosine?: number;
  max_abs_diff?: number;
  shape?: number[];
  native_shape?: number[];
  sparse_token_mismatches?: number;
  note?: string;
}
const results: Figures[] = [];

async function deploy(modelId: string) {
  const task = await waitForTask((await ok('POST', 'modelDeploy', { modelId })).task_id);
  expect(task.state).toBe('COMPLETED');
  await waitForModelState(modelId, ['DEPLOYED'], 60000);
}

async function cleanup(modelId: string) {
  await api('POST', 'modelUndeploy', { modelId });
  await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED', 'DEPLOY_FAILED'], 60000).catch(() => undefined);
  await api('DELETE', 'modelDelete', { modelId });
}

async function nativePredict(fn: string, f: Fixture, config: Record<string, unknown> | undefined): Promise<PredictResponse> {
  let res = await api<PredictResponse>('POST', 'nativePredict', { functionName: fn, sha256: f.sha256 }, { body: { text_docs: DOCS, model_config: config } });
  if (res.status === 404) {
    // Not seen by this server's upload hook (e.g. another instance took chunks): inspect puts it in the cache.
    await ok('POST', 'nativeInspect', {}, { raw: await fs.readFile(f.zipPath) });
    res = await api<PredictResponse>('POST', 'nativePredict', { functionName: fn, sha256: f.sha256 }, { body: { text_docs: DOCS, model_config: config } });
  }
  if (res.status !== 200) throw new Error(`native predict answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

function compareDense(name: string, config: Record<string, unknown>, cluster: PredictResponse, native: PredictResponse): Figures {
  let minCos = 1;
  let maxDiff = 0;
  expect(native.inference_results).toHaveLength(cluster.inference_results.length);
  cluster.inference_results.forEach((r, i) => {
    const c = r.output!.find((o) => o.name === 'sentence_embedding')!;
    const n = native.inference_results[i].output!.find((o) => o.name === 'sentence_embedding')!;
    expect(n.shape).toEqual(c.shape);
    expect(n.data_type).toBe(c.data_type);
    const cos = cosine(c.data!, n.data!);
    // Sign vectors (max + normalize) can hold zeros: cosine is still defined for non-zero vectors.
    minCos = Math.min(minCos, Number.isNaN(cos) ? 1 : cos);
    c.data!.forEach((x, k) => (maxDiff = Math.max(maxDiff, Math.abs(x - n.data![k]))));
  });
  const fig = { fixture: name, config, min_cosine: minCos, max_abs_diff: maxDiff, shape: cluster.inference_results[0].output![0].shape, native_shape: native.inference_results[0].output![0].shape };
  results.push(fig);
  expect(minCos).toBeGreaterThanOrEqual(0.99999);
  expect(maxDiff).toBeLessThanOrEqual(1e-4);
  return fig;
}

describe(`native inference matches ML Commons ${CLUSTER_VERSION}`, () => {
  const created: string[] = [];
  let groupId: string;

  beforeAll(async () => {
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: `it-native-${Date.now()}` } })).model_group_id;
  });

  afterAll(async () => {
    for (const id of created) await cleanup(id).catch(() => undefined);
    await until('the group to be deletable', async () => {
      const res = await api('DELETE', 'modelGroupDelete', { groupId });
      return res.status === 409 ? undefined : res;
    }, 60000).catch(() => undefined);
    const out = path.resolve(__dirname, '..', '..', 'target', `native_parity-${CLUSTER_VERSION}.json`);
    await fs.mkdir(path.dirname(out), { recursive: true });
    await fs.writeFile(out, JSON.stringify(results, null, 2));
    // eslint-disable-next-line no-console
    console.log(JSON.stringify(results.map((r) => ({ ...r, config: JSON.stringify(r.config) })), null, 1));
  });

  async function registerDeployed(f: Fixture, config: Record<string, unknown> | undefined) {
    const { modelId } = await uploadInChunks({ ...f, model_config: config }, { model_group_id: groupId });
    created.push(modelId);
    await waitForModelState(modelId, ['REGISTERED'], 60000);
    await deploy(modelId);
    return modelId;
  }

  async function denseParity(name: string, config: Record<string, unknown>) {
    const f = loadFixture(name);
    const modelId = await registerDeployed(f, config);
    const cluster = await ok<PredictResponse>('POST', 'predict', { functionName: 'text_embedding', modelId }, { body: { text_docs: DOCS } });
    const native = await nativePredict('text_embedding', f, config);
    const fig = compareDense(name, config, cluster, native);
    await cleanup(modelId);
    return { fig, cluster, native };
  }

  it.each(['tiny-bert', 'glove-semantic', 'minilm'])('%s (text_embedding, its fixture config): cosine >= 0.99999, max |diff| <= 1e-4', async (name) => {
    await denseParity(name, loadFixture(name).model_config!);
  });

  it('tiny-sparse (sparse_encoding): the same tokens in the same order, weights within 1e-4', async () => {
    const f = loadFixture('tiny-sparse');
    const modelId = await registerDeployed(f, f.model_config);
    const cluster = await ok<PredictResponse>('POST', 'predict', { functionName: 'sparse_encoding', modelId }, { body: { text_docs: DOCS } });
    const native = await nativePredict('sparse_encoding', f, f.model_config);
    let mismatches = 0;
    let maxDiff = 0;
    cluster.inference_results.forEach((r, i) => {
      expect(native.inference_results[i].output!.map((o) => o.name)).toEqual(r.output!.map((o) => o.name));
      const c = r.output![0].dataAsMap!.response![0];
      const n = native.inference_results[i].output![0].dataAsMap!.response![0];
      expect(Object.keys(n).sort()).toEqual(Object.keys(c).sort());
      // Printed in the order of ML Commons' HashMap (JSON.parse puts integer-like keys first on both sides).
      expect(Object.keys(n)).toEqual(Object.keys(c));
      for (const k of Object.keys(c)) {
        if (!(k in n)) mismatches++;
        else maxDiff = Math.max(maxDiff, Math.abs(c[k] - n[k]));
      }
    });
    results.push({ fixture: 'tiny-sparse', config: f.model_config, max_abs_diff: maxDiff, sparse_token_mismatches: mismatches });
    expect(maxDiff).toBeLessThanOrEqual(1e-4);
    await cleanup(modelId);
  });

  // 3.2 added sparse_embedding_format; 2.19 answers "unknown field [SPARSE_ENCODING]" to it.
  (clusterAtLeast(3, 2) ? it : it.skip)('tiny-sparse keyed by token id (3.2+): the same ids, specials included, in the same printed order', async () => {
    const f = loadFixture('tiny-sparse');
    const modelId = await registerDeployed(f, f.model_config);
    const body = { text_docs: DOCS, parameters: { sparse_embedding_format: 'token_id' } };
    // Raw text from ML Commons itself and from the native route: any JSON.parse on the way (the
    // plugin's cluster route does one) puts integer-like keys in numeric order.
    const post = async (url: URL, headers: Record<string, string> = {}) => {
      const res = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return res.text();
    };
    const clusterText = await post(new URL(`/_plugins/_ml/_predict/sparse_encoding/${modelId}`, OPENSEARCH()));
    const nativeText = await post(new URL(routePath('nativePredict', { functionName: 'sparse_encoding', sha256: f.sha256 }), HOST()), { 'osd-xsrf': 'it' });
    const idKeys = (text: string) => [...text.matchAll(/"(\d+)":/g)].map((m) => m[1]);
    expect(idKeys(nativeText)).toEqual(idKeys(clusterText));
    expect(idKeys(clusterText)).toEqual(expect.arrayContaining(['101', '102']));
    let maxDiff = 0;
    const cluster = JSON.parse(clusterText) as PredictResponse;
    const native = JSON.parse(nativeText) as PredictResponse;
    cluster.inference_results.forEach((r, i) => {
      const c = r.output![0].dataAsMap!.response![0];
      const n = native.inference_results[i].output![0].dataAsMap!.response![0];
      for (const k of Object.keys(c)) maxDiff = Math.max(maxDiff, Math.abs(c[k] - n[k]));
    });
    results.push({ fixture: 'tiny-sparse', config: { sparse_embedding_format: 'token_id' }, max_abs_diff: maxDiff });
    expect(maxDiff).toBeLessThanOrEqual(1e-4);
    await cleanup(modelId);
  });

  const base = () => loadFixture('tiny-bert').model_config!;
  it.each([
    ['mean_sqrt_len', false],
    ['max', false],
    ['max', true],
    ['weighted_mean', false],
    ['cls', false],
    ['mean', false],
  ] as const)('tiny-bert pooling %s, normalize_result %s: same as the cluster', async (mode, normalize) => {
    const { native } = await denseParity('tiny-bert', { ...base(), pooling_mode: mode, normalize_result: normalize });
    if (mode === 'max' && normalize) {
      // ML Commons keeps max pooling's [1, H] shape and normalizes along the size-1 axis: signs.
      const v = native.inference_results[0].output![0];
      expect(v.shape).toEqual([1, 32]);
      expect(v.data!.every((x) => x === 1 || x === -1 || x === 0)).toBe(true);
    }
  });

  // ML Commons 3.6 added these two; older clusters refuse or cannot deploy them (common/validators.ts).
  (clusterAtLeast(3, 6) ? it.each : it.skip.each)([
    ['last_token', false],
    ['last_token', true],
    ['none', false],
    ['none', true],
  ] as const)('tiny-bert pooling %s (3.6+), normalize_result %s: same as the cluster', async (mode, normalize) => {
    const { native } = await denseParity('tiny-bert', { ...base(), pooling_mode: mode, normalize_result: normalize });
    // none takes output 1 (the graph's own [B, H] sentence_embedding) a row at a time, kept [1, H]
    // as max pooling's is, so normalizing it gives signs; last_token is one token's [H] state.
    const v = native.inference_results[0].output![0];
    expect(v.shape).toEqual(mode === 'none' ? [1, 32] : [32]);
    if (mode === 'none' && normalize) expect(v.data!.every((x) => x === 1 || x === -1 || x === 0)).toBe(true);
  });

  it('result filters (return_number, return_bytes, target_response, target_response_positions, also nested in result_filter) shape the reply as ML Commons does; similarity ignores them', async () => {
    /** The reply's structure: vectors by length, sparse maps by their sorted tokens, no native extras. */
    const outline = (res: PredictResponse) =>
      res.inference_results.map((r) =>
        r.output === undefined
          ? r
          : { output: r.output.map((t) => ({ ...t, data: t.data?.length, byte_buffer: t.byte_buffer && t.byte_buffer.order, dataAsMap: t.dataAsMap && Object.keys(t.dataAsMap.response![0]).sort() })) }
      );
    const cases: Array<[string, string, object[], object]> = [
      [
        'glove-semantic',
        'text_embedding',
        [
          { return_number: false },
          { target_response: ['nope'] },
          { target_response: ['sentence_embedding'] },
          { target_response_positions: [0] },
          { target_response_positions: [1] },
          { target_response: ['nope'], target_response_positions: [0] },
          { return_bytes: true },
          { return_bytes: true, return_number: false },
          { result_filter: {} },
          { result_filter: { return_number: false } },
          { result_filter: { target_response_positions: [1] } },
          { target_response: ['nope'], result_filter: { return_number: true } },
        ],
        { text_docs: DOCS.slice(0, 2) },
      ],
      ['tiny-sparse', 'sparse_encoding', [{ return_number: false }, { target_response: ['nope'] }, { target_response_positions: [0] }, { return_bytes: true }, { result_filter: { target_response: ['nope'] } }], { text_docs: DOCS.slice(0, 2) }],
      ['glove-cross', 'text_similarity', [{ return_number: false }, { target_response: ['nope'] }, { target_response_positions: [3] }, { return_bytes: false }], { query_text: 'music', text_docs: DOCS.slice(0, 2) }],
    ];
    for (const [name, fn, filters, input] of cases) {
      const f = loadFixture(name);
      const modelId = await registerDeployed(f, f.model_config);
      for (const filter of filters) {
        const body = { ...input, ...filter };
        const cluster = await ok<PredictResponse>('POST', 'predict', { functionName: fn, modelId }, { body });
        let res = await api<PredictResponse>('POST', 'nativePredict', { functionName: fn, sha256: f.sha256 }, { body: { ...body, model_config: f.model_config } });
        if (res.status === 404) {
          await ok('POST', 'nativeInspect', {}, { raw: await fs.readFile(f.zipPath) });
          res = await api<PredictResponse>('POST', 'nativePredict', { functionName: fn, sha256: f.sha256 }, { body: { ...body, model_config: f.model_config } });
        }
        expect(res.status).toBe(200);
        expect({ name, filter, reply: outline(res.body) }).toEqual({ name, filter, reply: outline(cluster) });
      }
      await cleanup(modelId);
    }
  });
});
