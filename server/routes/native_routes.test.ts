import { promises as fs, readdirSync, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { NativeInspectResult, NativeModelsResponse, NativePredictResponse, NativeStatus, PredictResponse } from '../../common/types';
import { RouteTestHost, silentLogger, startRouteTestHost } from '../../test/mocks/route_test_host';
import { procNetRows, socketInodes } from '../../test/support/proc_sockets';
import { compileSidecar } from '../sidecar/__tests__/compile_sidecar';
import { createNativeRuntime, NativeRuntime } from '../sidecar/native_runtime';
import { shortestFloat32Text } from '../sidecar/reply_json';
import type { NativeConfig } from '../config';
import yazl from 'yazl';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

jest.setTimeout(60000);
const API = '/api/ml-models/native';
const octet = { 'content-type': 'application/octet-stream' };
const entry = compileSidecar();
const tinyBert = fixtures.loadFixture('tiny-bert');
const sparse = fixtures.loadFixture('tiny-sparse');
const long = 'word '.repeat(600);

async function host(config: Partial<NativeConfig> = {}, backoffMs = 50, cancelGraceMs?: number): Promise<{ t: RouteTestHost; rt: NativeRuntime; close(): Promise<void> }> {
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-native-'));
  const rt = createNativeRuntime({ cacheDir, intraOpThreads: 1, ...config }, silentLogger, { entry, backoffMs, cancelGraceMs });
  const t = await startRouteTestHost({ native: rt });
  return {
    t,
    rt,
    async close() {
      await t.close();
      await rt.stop();
      await fs.rm(cacheDir, { recursive: true, force: true });
    },
  };
}

const inspect = (t: RouteTestHost, file: string) => t.call('POST', `${API}/inspect`, { raw: readFileSync(file), headers: octet });

function zipOf(files: Record<string, Buffer | string>): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (b: Buffer) => parts.push(b));
    // A copy on an ArrayBuffer of its own: what fetch's body type takes.
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
    zip.outputStream.on('error', reject);
  });
}

describe('native routes over the router adapter, with a real sidecar', () => {
  let h: Awaited<ReturnType<typeof host>>;
  beforeAll(async () => {
    h = await host();
  });
  afterAll(() => h.close());

  it('inspect describes the zip, caches it, and suggests a model_config', async () => {
    const res = await inspect(h.t, tinyBert.zipPath);
    expect(res.status).toBe(200);
    const r = res.body as NativeInspectResult;
    expect(r).toMatchObject({
      sha256: tinyBert.sha256,
      size_bytes: tinyBert.size_bytes,
      format: 'ONNX',
      embedding_dimension: 32,
      sparse_vocab_output: false,
      vocab_size: 30522,
      max_length: 512,
      cached: true,
      suggested: { function_name: 'TEXT_EMBEDDING', model_format: 'ONNX', model_config: { model_type: 'bert', embedding_dimension: 32, pooling_mode: 'mean' } },
    });
    expect(r.files.map((f) => f.name)).toEqual(['tokenizer.json', 'model.onnx']);
    expect(r.inputs.map((i) => i.name)).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(r.outputs[0]).toEqual({ name: 'last_hidden_state', type: 'float32', shape: ['batch', 'sequence', 32] });
  });

  it('inspect recognises a sparse encoder (vocab-sized output) and its ML Commons input names', async () => {
    const r = (await inspect(h.t, sparse.zipPath)).body as NativeInspectResult;
    expect(r).toMatchObject({ sparse_vocab_output: true, suggested: { function_name: 'SPARSE_ENCODING' }, problems: [] });
    // No config: the only one that deploys on 2.19 and 3.x alike.
    expect(r.suggested.model_config).toBeUndefined();
  });

  it.each((fixtures.loadBadFixtures() as Array<{ name: string; reason: string; bad: boolean; path: string }>).filter((b) => b.bad).map((b) => [b.name, b] as const))(
    'inspect refuses %s with 400 naming the problem, and keeps nothing',
    async (_n, b) => {
      const res = await inspect(h.t, b.path);
      expect([res.status, res.body.attributes?.code]).toEqual([400, b.reason]);
      expect(res.body.message).toBeTruthy();
      const status = (await h.t.call('GET', `${API}/status`)).body as NativeStatus;
      expect(status.cache.entries).toBe(2);
    }
  );

  it('predicts text_embedding in ML Commons response shape; each document as if alone', async () => {
    const docs = ['hello world', 'the cat sat on the mat', long, 'a'];
    const body = { text_docs: docs, model_config: tinyBert.model_config };
    const batch = (await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body })).body as PredictResponse;
    expect(batch.inference_results).toHaveLength(4);
    for (let i = 0; i < docs.length; i++) {
      const alone = (await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { ...body, text_docs: [docs[i]] } })).body as PredictResponse;
      const a = alone.inference_results[0].output![0];
      const b = batch.inference_results[i].output![0];
      expect(a).toMatchObject({ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [32] });
      const diff = Math.max(...a.data!.map((x, k) => Math.abs(x - b.data![k])));
      expect(diff).toBeLessThan(1e-5);
    }
  });

  it('writes vectors as JSON with float32 numbers at their shortest, as ML Commons prints them', async () => {
    const res = await h.t.callText('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['hello world', 'a'], model_config: tinyBert.model_config } });
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/json; charset=utf-8');
    const data = (JSON.parse(res.text) as PredictResponse).inference_results.flatMap((r) => r.output![0].data!);
    expect(data).toHaveLength(64);
    // Each number is the shortest decimal of its float32: printing the float32 again gives it back.
    const numbers = res.text.match(/"data":\[([^\]]*)\]/g)!.flatMap((m) => m.slice(8, -1).split(','));
    expect(numbers).toHaveLength(64);
    numbers.forEach((t) => expect(shortestFloat32Text(Math.fround(Number(t)))).toBe(t));
    expect(Math.max(...numbers.map((t) => t.replace(/^-?0\.0*/, '').replace('.', '').length))).toBeLessThanOrEqual(9);
  });

  it('applies ML Commons\' result filters: return_number false drops data, target_response(_positions) keep tensors by name or index', async () => {
    const url = `${API}/predict/text_embedding/${tinyBert.sha256}`;
    const noNumbers = (await h.t.call('POST', url, { body: { text_docs: ['hello', 'a'], return_number: false } })).body as NativePredictResponse;
    expect(noNumbers.inference_results).toEqual([
      { output: [{ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [32] }] },
      { output: [{ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [32] }] },
    ]);
    const none = (await h.t.call('POST', url, { body: { text_docs: ['hello'], target_response: ['nope'] } })).body as NativePredictResponse;
    expect(none.inference_results).toEqual([{}]);
    expect(none.native!.token_counts).toEqual([3]);
    const named = (await h.t.call('POST', url, { body: { text_docs: ['hello'], target_response: ['sentence_embedding'] } })).body as NativePredictResponse;
    expect(named.inference_results[0].output![0].data).toHaveLength(32);
    const byPosition = (positions: number[]) => h.t.call('POST', url, { body: { text_docs: ['hello'], target_response_positions: positions, return_bytes: true } });
    expect(((await byPosition([0])).body as NativePredictResponse).inference_results[0].output![0].data).toHaveLength(32);
    expect(((await byPosition([1])).body as NativePredictResponse).inference_results).toEqual([{}]);
    const sparseNoNumbers = (await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['the cat'], return_number: false } })).body as PredictResponse;
    expect(Object.keys(sparseNoNumbers.inference_results[0].output![0].dataAsMap!.response![0]).length).toBeGreaterThan(0);
  });

  it('uses the config stored at inspect time when the body has none', async () => {
    const r = (await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['x'] } })).body as PredictResponse;
    const norm = Math.hypot(...r.inference_results[0].output![0].data!);
    expect(norm).toBeCloseTo(1, 5);
  });

  it('predicts sparse_encoding as token -> weight maps without special tokens', async () => {
    const r = (await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['the cat sat on the mat'] } })).body as PredictResponse;
    const out = r.inference_results[0].output![0];
    // Unnamed, as ML Commons answers for ONNX sparse models.
    expect(out.name).toBeUndefined();
    const map = out.dataAsMap!.response![0];
    expect(Object.keys(map)).toEqual(expect.arrayContaining(['cat', 'mat', 'sat']));
    expect(Object.keys(map).some((k) => k.startsWith('['))).toBe(false);
  });

  it('keys sparse weights by token id with sparse_embedding_format token_id (specials kept), as 3.6 does', async () => {
    const body = { text_docs: ['the cat sat'], parameters: { sparse_embedding_format: 'TOKEN_ID' } };
    const r = (await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body })).body as PredictResponse;
    const map = r.inference_results[0].output![0].dataAsMap!.response![0];
    expect(Object.keys(map).every((k) => /^\d+$/.test(k))).toBe(true);
    // [CLS] 101 and [SEP] 102 of the bert-base vocabulary; "cat" is 4937.
    expect(Object.keys(map)).toEqual(expect.arrayContaining(['101', '102', '4937']));
    const words = (await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['the cat sat'] } })).body as PredictResponse;
    expect(map['4937']).toBe(words.inference_results[0].output![0].dataAsMap!.response![0].cat);
  });

  it('answers 404 for a zip not in the cache, 400 for bad input, and TorchScript as cluster-only', async () => {
    const missing = await h.t.call('POST', `${API}/predict/text_embedding/${'0'.repeat(64)}`, { body: { text_docs: ['x'] } });
    expect([missing.status, missing.body.attributes?.code]).toEqual([404, 'model_not_cached']);
    const badHash = await h.t.call('POST', `${API}/predict/text_embedding/abc`, { body: { text_docs: ['x'] } });
    expect(badHash.status).toBe(400);
    const badFn = await h.t.call('POST', `${API}/predict/sparse_tokenize/${tinyBert.sha256}`, { body: { text_docs: ['x'] } });
    expect(badFn.status).toBe(400);
    const sim = await h.t.call('POST', `${API}/predict/text_similarity/${tinyBert.sha256}`, { body: { text_docs: ['x'] } });
    expect(sim.status).toBe(400);
    const json = await h.t.call('POST', `${API}/inspect`, { body: { a: 1 } });
    expect(json.status).toBe(415);
    let ts: { zipPath: string } | undefined;
    try {
      ts = fixtures.loadFixture('torchscript/glove-ts-hf');
    } catch {
      ts = undefined;
    }
    if (ts) {
      const r = (await inspect(h.t, ts.zipPath)).body as NativeInspectResult;
      expect(r).toMatchObject({ format: 'TORCH_SCRIPT', problems: [{ code: 'torchscript_cluster_only' }] });
      const p = await h.t.call('POST', `${API}/predict/text_embedding/${r.sha256}`, { body: { text_docs: ['x'] } });
      expect([p.status, p.body.message]).toEqual([400, expect.stringMatching(/TorchScript models run on the cluster only/)]);
    }
  });

  it('predict adds (next to ML Commons\' fields) token counts before truncation and which documents were cut', async () => {
    const r = (await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['hello world', long] } })).body as NativePredictResponse;
    expect(r.native).toEqual({ token_counts: [4, 602], max_length: 512, truncated: [false, true] });
    const s = (await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['the cat'] } })).body as NativePredictResponse;
    expect(s.native).toEqual({ token_counts: [4], max_length: 512, truncated: [false] });
  });

  it('models lists the cached zips, most recently used first, with what inspect learnt', async () => {
    const res = await h.t.call('GET', `${API}/models`);
    expect(res.status).toBe(200);
    const { models } = res.body as NativeModelsResponse;
    expect(models.map((m) => m.sha256)).toEqual(expect.arrayContaining([tinyBert.sha256, sparse.sha256]));
    const times = models.map((m) => Date.parse(m.last_used_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const bert = models.find((m) => m.sha256 === tinyBert.sha256)!;
    expect(bert).toMatchObject({ size_bytes: tinyBert.size_bytes, source: 'inspect', function_name: 'TEXT_EMBEDDING', model_config: { embedding_dimension: 32 } });
    expect(Date.parse(bert.last_used_at)).toBeGreaterThan(Date.now() - 600000);
    expect(models.find((m) => m.sha256 === sparse.sha256)).toMatchObject({ function_name: 'SPARSE_ENCODING' });
  });

  it('status reports the running sidecar, its memory, loaded models and the cache', async () => {
    const s = (await h.t.call('GET', `${API}/status`)).body as NativeStatus;
    expect(s).toMatchObject({ enabled: true, running: true, workers: 1, queue: { waiting: 0, in_flight: 0, max: 64 } });
    expect(s.rss_bytes).toBeGreaterThan(10e6);
    expect(s.models.map((m) => m.sha256)).toEqual(expect.arrayContaining([tinyBert.sha256, sparse.sha256]));
    expect(s.models[0].rss_delta_bytes).toBeGreaterThanOrEqual(0);
    // The browser reads it to refuse a larger zip before sending it.
    expect(s.zip_limit).toEqual({ bytes: 1024 * 1024 * 1024, setting: 'ml_models.native.maxZipBytes' });
  });

  it('the sidecar, having loaded and run models, holds no network socket: only its unnamed IPC channel', async () => {
    expect((await inspect(h.t, tinyBert.zipPath)).status).toBe(200);
    expect((await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['hello'] } })).status).toBe(200);
    const { pid } = (await h.t.call('GET', `${API}/status`)).body as NativeStatus;
    const sockets = socketInodes(pid as number);
    // The IPC channel to the server at least: a test that found nothing would prove nothing.
    expect(sockets.length).toBeGreaterThan(0);
    const network = new Set(['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6'].flatMap((t) => procNetRows(t).map((cols) => cols[9])));
    expect(sockets.filter((i) => network.has(i))).toEqual([]);
    // Every socket is a Unix one, and none is bound to a path or an abstract name others could reach.
    const unix = new Map(procNetRows('unix').map((cols) => [cols[6], cols[7] ?? '']));
    expect(sockets.map((i) => [i, unix.get(i)])).toEqual(sockets.map((i) => [i, '']));
  });
});

describe('sidecar faults', () => {
  // The sparse head's [B, S, 30522] decoder makes 40 long documents take seconds.
  const heavy = { text_docs: Array.from({ length: 40 }, (_x, i) => `${i} ${long}`) };

  it('kill -9 mid-request: the request fails with 503 and a clear message, the sidecar restarts, the next request works', async () => {
    // A restart 1 s after the crash: status is read in between.
    const h = await host({}, 1000);
    try {
      await inspect(h.t, sparse.zipPath);
      const pid = (await h.t.call('GET', `${API}/status`)).body.pid as number;
      const inFlight = h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: heavy });
      await new Promise((r) => setTimeout(r, 150));
      process.kill(pid, 'SIGKILL');
      const res = await inFlight;
      expect([res.status, res.body.attributes?.code]).toEqual([503, 'sidecar_crashed']);
      expect(res.body.message).toMatch(/stopped \(signal SIGKILL\).*restarts automatically/);
      expect((await h.t.call('GET', `${API}/status`)).body).toMatchObject({ running: false, starting: true, restarts: 1 });
      const again = await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['back'] } });
      expect(again.status).toBe(200);
      const s = (await h.t.call('GET', `${API}/status`)).body as NativeStatus;
      expect(s.pid).not.toBe(pid);
      expect(s.restarts).toBe(1);
      expect(s.last_exit).toMatch(/SIGKILL/);
    } finally {
      await h.close();
    }
  });

  it('a full queue answers 429 at once; a slow request times out with 504', async () => {
    const h = await host({ maxQueue: 1, requestTimeoutMs: 300 });
    try {
      // Warm up: on a busy machine the sidecar's start and first model load can outlast 300 ms;
      // the load goes on in the sidecar, so a later try finds the model loaded.
      let warm = await inspect(h.t, sparse.zipPath);
      for (let i = 0; i < 20 && warm.status === 504; i++) {
        await new Promise((r) => setTimeout(r, 250));
        warm = await inspect(h.t, sparse.zipPath);
      }
      expect(warm.status).toBe(200);
      const slow = h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: heavy });
      await new Promise((r) => setTimeout(r, 50));
      const rejected = await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['x'] } });
      expect([rejected.status, rejected.body.attributes?.code]).toEqual([429, 'queue_full']);
      const timedOut = await slow;
      expect([timedOut.status, timedOut.body.attributes?.code]).toEqual([504, 'timeout']);
    } finally {
      await h.close();
    }
  });

  it('a request that timed out stops at its next batch, so the one after it is served', async () => {
    const h = await host({ requestTimeoutMs: 2000, maxBatchSize: 2 });
    try {
      expect((await inspect(h.t, sparse.zipPath)).status).toBe(200);
      // Seconds of work in batches of 2; without the stop the worker would stay on it after its 504.
      const big = { text_docs: Array.from({ length: 120 }, (_x, i) => `${i} ${long}`) };
      const timedOut = await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: big });
      expect([timedOut.status, timedOut.body.attributes?.code]).toEqual([504, 'timeout']);
      const next = await h.t.call('POST', `${API}/predict/sparse_encoding/${sparse.sha256}`, { body: { text_docs: ['next'] } });
      expect(next.status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('a job stuck in a tokenizer\'s backtracking regex: 504, then its worker is replaced and the next request, for another model, is served', async () => {
    const h = await host({ requestTimeoutMs: 3000 }, 50, 300);
    try {
      // A user's tokenizer.json may hold any regex: @huggingface/tokenizers compiles it as a JS RegExp.
      const tok = JSON.parse(readFileSync(tinyBert.tokenizerPath, 'utf8'));
      tok.normalizer = { type: 'Sequence', normalizers: [{ type: 'Replace', pattern: { Regex: '(a+)+b' }, content: '' }, tok.normalizer] };
      const evil = await zipOf({ 'tokenizer.json': JSON.stringify(tok), 'model.onnx': readFileSync(tinyBert.onnxPath) });
      expect((await inspect(h.t, tinyBert.zipPath)).status).toBe(200);
      const described = await h.t.call('POST', `${API}/inspect`, { raw: evil, headers: octet });
      expect(described.status).toBe(200);
      const evilSha = (described.body as NativeInspectResult).sha256;
      const stuck = await h.t.call('POST', `${API}/predict/text_embedding/${evilSha}`, { body: { text_docs: ['a'.repeat(64)] } });
      expect([stuck.status, stuck.body.attributes?.code]).toEqual([504, 'timeout']);
      const next = await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['hello'] } });
      expect(next.status).toBe(200);
      const s = (await h.t.call('GET', `${API}/status`)).body as NativeStatus;
      expect(s).toMatchObject({ running: true, workers: 1, worker_restarts: 1, restarts: 0 });
      expect(s.models.map((m) => m.sha256)).toEqual([tinyBert.sha256]);
    } finally {
      await h.close();
    }
  });

  it('a zip removed from the cache folder after the server checked it answers 404, not a server error', async () => {
    const h = await host({ maxLoadedModels: 1 });
    try {
      expect((await inspect(h.t, tinyBert.zipPath)).status).toBe(200);
      // A predict: the server now knows the zip is there without looking for a minute.
      expect((await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['x'] } })).status).toBe(200);
      // Loading the sparse model unloads tiny-bert, so its next predict reads the zip again.
      expect((await inspect(h.t, sparse.zipPath)).status).toBe(200);
      await fs.rm(h.rt.cache.zipPath(tinyBert.sha256));
      const res = await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['x'] } });
      expect([res.status, res.body.attributes?.code]).toEqual([404, 'model_not_cached']);
      expect(res.body.message).not.toContain(h.rt.cache.dir);
    } finally {
      await h.close();
    }
  });
});

/** CPU time (ns) that every thread of `pid` has run, from the scheduler's own counters. */
function cpuNs(pid: number): number {
  return readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => {
    try {
      return sum + Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return sum; // a thread that ended between the listing and the read
    }
  }, 0);
}

describe('an idle sidecar', () => {
  it('uses no CPU once a prediction is answered: onnxruntime\'s threads stop spinning when the run ends', async () => {
    // Two intra-op threads, so there is a pool thread that could spin (with one there is none).
    const h = await host({ intraOpThreads: 2 });
    try {
      expect((await inspect(h.t, tinyBert.zipPath)).status).toBe(200);
      const pid = (await h.t.call('GET', `${API}/status`)).body.pid as number;
      const body = { text_docs: Array.from({ length: 16 }, (_x, i) => `document number ${i} ${long.slice(0, 300)}`) };
      let idleMs = Infinity;
      // The least of three tries, so a GC or a log line in one of them does not decide it.
      for (let i = 0; i < 3; i++) {
        expect((await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body })).status).toBe(200);
        const before = cpuNs(pid);
        await new Promise((r) => setTimeout(r, 300));
        idleMs = Math.min(idleMs, (cpuNs(pid) - before) / 1e6);
      }
      // Spinning threads burn tens of ms here; sleeping ones well under one.
      expect(idleMs).toBeLessThan(5);
    } finally {
      await h.close();
    }
  });
});

describe("onnxruntime's own warnings", () => {
  it('do not reach the Dashboards log as errors: a graph with an unused initializer loads without a line logged', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { onnx } = require('onnx-proto');
    const model = onnx.ModelProto.decode(readFileSync(tinyBert.onnxPath));
    // The warning every such export gets: "Removing initializer 'unused_weight'. It is not used by any node".
    model.graph.initializer.push(onnx.TensorProto.create({ name: 'unused_weight', dataType: onnx.TensorProto.DataType.FLOAT, dims: [2], floatData: [1, 2] }));
    const zip = await zipOf({ 'tokenizer.json': readFileSync(tinyBert.tokenizerPath), 'model.onnx': Buffer.from(onnx.ModelProto.encode(model).finish()) });
    const logged: string[] = [];
    const logger = { ...silentLogger, warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) };
    const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-native-'));
    const rt = createNativeRuntime({ cacheDir, intraOpThreads: 1 }, logger, { entry });
    const t = await startRouteTestHost({ native: rt });
    try {
      const res = await t.call('POST', `${API}/inspect`, { raw: Buffer.from(zip), headers: octet });
      expect(res.status).toBe(200);
      const sha = res.body.sha256 as string;
      expect((await t.call('POST', `${API}/predict/text_embedding/${sha}`, { body: { text_docs: ['hello'] } })).status).toBe(200);
      // stderr is read asynchronously: give a line written during the load time to arrive.
      await new Promise((r) => setTimeout(r, 200));
      expect(logged.filter((l) => /onnxruntime|initializer/i.test(l))).toEqual([]);
    } finally {
      await t.close();
      await rt.stop();
      await fs.rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('no telemetry', () => {
  it('the sidecar runs onnxruntime with its telemetry off: nothing written under the home folder', async () => {
    const home = process.env.HOME;
    const tmpHome = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-home-'));
    // The sidecar inherits the server's environment; give it an empty home to watch.
    process.env.HOME = tmpHome;
    const h = await host();
    try {
      expect((await inspect(h.t, tinyBert.zipPath)).status).toBe(200);
      const res = await h.t.call('POST', `${API}/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['hello'] } });
      expect(res.status).toBe(200);
      const status = (await h.t.call('GET', `${API}/status`)).body as NativeStatus;
      const environ = readFileSync(`/proc/${status.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('ORT_DISABLE_TELEMETRY=1');
      // onnxruntime-node 1.30 with telemetry on writes a device id and an event queue here.
      await expect(fs.access(path.join(tmpHome, '.cache', 'Microsoft'))).rejects.toThrow();
    } finally {
      process.env.HOME = home;
      await h.close();
      await fs.rm(tmpHome, { recursive: true, force: true });
    }
  });
});
