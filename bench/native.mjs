#!/usr/bin/env node
/**
 * `npm run bench:native`: text_embedding on the MiniLM-sized fixture, in one run:
 *  - through the plugin's native predict route (the built standalone host in its own process, so
 *    HTTP + validation + IPC to the sidecar + worker thread are all included);
 *  - raw onnxruntime-node in this process on the same model (same threads, tokenization and mean
 *    pooling included, no HTTP/IPC);
 *  - the same path cut short, to measure where the route's time goes: the sidecar's own worker
 *    thread (inference_worker.js) in this process, then the sidecar process through its client;
 *  - the cluster's predict through the plugin's route, when OPENSEARCH_URL is set.
 * Batches of 1, 8 and 32 sentences, sequential requests, each case run for BENCH_SECONDS.
 */
import '../scripts/lib/ort_no_telemetry.mjs';
import { createRequire } from 'module';
import { promises as fs } from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { buildDevHost, buildServer } from '../scripts/build.mjs';
import { ensureFixtures, loadFixture } from '../scripts/fixtures/build.mjs';
import { findFreePort } from '../scripts/opensearch.mjs';
import { encodeBatch, loadTokenizer } from '../scripts/fixtures/lib/runtime.mjs';
import { machine, ROOT, startHost, summarize, until, writeResult, writeSection } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const ort = require('onnxruntime-node');
const SECONDS = Number(process.env.BENCH_SECONDS || 4);
const BATCHES = [1, 8, 32];
const XSRF = { 'osd-xsrf': 'bench' };
const WORDS = 'search engine vector dense sparse model cluster node query passage music guitar river mountain city market'.split(' ');
// ~14 tokens each, all different, so no cache can help either side.
const sentence = (i) => `${Array.from({ length: 10 }, (_x, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ')} number ${i}.`;

async function json(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method || 'GET'} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const post = (url, body) => json(url, { method: 'POST', headers: { ...XSRF, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * The timed calls use node:http with one kept-alive socket: fetch (undici) adds about 0.7 ms of
 * its own per call on this box, which is the client's cost, not the route's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function timedPost(url, body) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method: 'POST', agent, headers: { ...XSRF, 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`POST ${url}: ${res.statusCode} ${text}`));
        else resolve(JSON.parse(text));
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

const ROUNDS = Number(process.env.BENCH_ROUNDS || 4);
/**
 * The whole route/raw/sidecar comparison is repeated: on a shared 2-core box one pass can land
 * a few percent either side of the typical ratio, so the report gives the spread and the median.
 */
const REPEATS = Number(process.env.BENCH_REPEATS || 3);
const ratiosOf = (rep) => Object.fromEntries(BATCHES.map((b) => [`batch_${b}`, +(rep.route.find((x) => x.batch === b).sentences_per_s / rep.raw.find((x) => x.batch === b).sentences_per_s).toFixed(3)]));
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
let sentenceNo = 0;

/**
 * Sequential calls to each side for SECONDS in all (after 5 warm-ups each), in ROUNDS slices that
 * alternate between the sides, so drift on a shared 2-core box hits every side alike. A side is a
 * call, or `{ call, inFlight }` for that many calls sent together, each with its own batch.
 */
async function measure(batch, sides) {
  const docs = () => Array.from({ length: batch }, () => sentence(sentenceNo++));
  const acc = {};
  const calls = {};
  for (const [name, side] of Object.entries(sides)) {
    const { call, inFlight = 1 } = typeof side === 'function' ? { call: side } : side;
    calls[name] = (d) => (inFlight === 1 ? call(d) : Promise.all([call(d), ...Array.from({ length: inFlight - 1 }, () => call(docs()))]));
    for (let w = 0; w < 5; w++) await calls[name](docs());
    acc[name] = { lat: [], wall: 0, inFlight };
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = Object.keys(sides);
    if (round % 2) order.reverse();
    for (const name of order) {
      const t0 = performance.now();
      while (performance.now() - t0 < (SECONDS * 1000) / ROUNDS) {
        const d = docs();
        const s = performance.now();
        await calls[name](d);
        acc[name].lat.push(performance.now() - s);
      }
      acc[name].wall += performance.now() - t0;
    }
  }
  return Object.fromEntries(
    Object.entries(acc).map(([name, { lat, wall, inFlight }]) => [
      name,
      { batch, ...summarize(lat, wall, lat.length), sentences_per_s: +((lat.length * inFlight * batch * 1000) / wall).toFixed(1) },
    ])
  );
}

async function main() {
  await ensureFixtures(['minilm']);
  const fx = loadFixture('minilm');
  await buildServer();
  await buildDevHost();
  const opensearchUrl = process.env.OPENSEARCH_URL;
  const host = await startHost({ opensearchUrl: opensearchUrl || 'http://127.0.0.1:9', port: await findFreePort(), identity: opensearchUrl ? undefined : 'none' });
  const api = `${host.url}/api/ml-models`;
  const out = { machine: machine(), fixture: { name: fx.name, sha256: fx.sha256, size_bytes: fx.size_bytes }, seconds_per_case: SECONDS, route: [], raw: [], worker: [], sidecar_direct: [], cluster: [] };
  try {
    // The plugin's native path: inspect caches the zip, then predict by its hash.
    const zip = await fs.readFile(fx.zipPath);
    const inspected = await json(`${api}/native/inspect`, { method: 'POST', headers: { ...XSRF, 'content-type': 'application/octet-stream' }, body: zip });
    const config = fx.model_config;
    const url = `${api}/native/predict/text_embedding/${inspected.sha256}`;
    const routeCall = (docs) => timedPost(url, { text_docs: docs, model_config: config });
    await routeCall([sentence(0)]);
    const status = await json(`${api}/native/status`);
    const model = status.models.find((m) => m.sha256 === fx.sha256);
    out.sidecar = { rss_bytes: status.rss_bytes, model_rss_delta_bytes: model?.rss_delta_bytes, model_load_ms: model?.load_ms, workers: status.workers };

    // Raw: the same model in this process, with the sidecar's own session options.
    const intra = Math.min(4, Math.max(1, Math.floor(os.cpus().length / 1)));
    const { sessionOptions } = require(path.join(ROOT, 'target', 'server', 'server', 'sidecar', 'model_runner.js'));
    const session = await ort.InferenceSession.create(await fs.readFile(fx.onnxPath), sessionOptions(intra));
    const tok = loadTokenizer(await fs.readFile(fx.tokenizerPath));
    const raw = async (docs) => {
      const enc = encodeBatch(tok, docs);
      const dims = [enc.B, enc.S];
      const feeds = {};
      for (const name of session.inputNames) {
        const role = name.replace(/^.*\./, '');
        feeds[name] = new ort.Tensor('int64', role === 'input_ids' ? enc.ids : role === 'attention_mask' ? enc.mask : enc.types, dims);
      }
      const res = await session.run(feeds);
      // Mean pooling + L2, as the route does, so both sides do the same work; written the way a
      // careful caller would (one pass per vector, Float32Array out), so the baseline is not slow.
      const t = res[session.outputNames[0]];
      const [B, S, H] = t.dims;
      const data = t.data;
      const vecs = [];
      for (let b = 0; b < B; b++) {
        const v = new Float64Array(H);
        let n = 0;
        for (let s = 0; s < S; s++) {
          if (!enc.mask[b * S + s]) continue;
          n++;
          const o = (b * S + s) * H;
          for (let h = 0; h < H; h++) v[h] += data[o + h];
        }
        let sq = 0;
        for (let h = 0; h < H; h++) sq += (v[h] / n) ** 2;
        const scale = 1 / n / Math.sqrt(sq);
        const vec = new Float32Array(H);
        for (let h = 0; h < H; h++) vec[h] = v[h] * scale;
        vecs.push(vec);
      }
      return vecs;
    };
    // The same sidecar code without HTTP (its client in this process): where the route's extra time goes.
    const { createNativeRuntime } = require(path.join(ROOT, 'target', 'server', 'server', 'sidecar', 'native_runtime.js'));
    const directCache = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-native-'));
    const quiet = { debug() {}, info() {}, warn() {}, error() {} };
    const direct = createNativeRuntime({ cacheDir: directCache }, quiet, {});
    // Parsed, as the route's client parses: the same reply minus HTTP.
    const sidecarCall = async (docs) => {
      const { json } = await direct.client.run({ kind: 'predict', sha256: fx.sha256, zipPath: fx.zipPath, functionName: 'text_embedding', body: { text_docs: docs }, config });
      return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
    };
    // The sidecar's worker thread itself, in this process: its tokenizing, run, pooling and JSON
    // writing, one thread hop each way, and the client's parse; no process hop, no HTTP.
    const worker = new Worker(path.join(ROOT, 'target', 'server', 'server', 'sidecar', 'inference_worker.js'), {
      workerData: { workers: 1, intraOpThreads: intra, maxLoadedModels: 1, maxBatchSize: 32, index: 0 },
    });
    const waiting = new Map();
    let jobId = 0;
    worker.on('message', (r) => {
      const w = waiting.get(r.jobId);
      waiting.delete(r.jobId);
      if (r.ok) w.resolve(r.result);
      else w.reject(new Error(r.error.message));
    });
    const workerCall = async (docs) => {
      const id = ++jobId;
      const { json } = await new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ jobId: id, job: { kind: 'predict', sha256: fx.sha256, zipPath: fx.zipPath, functionName: 'text_embedding', body: { text_docs: docs }, config } });
      });
      return JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8'));
    };
    const reps = [];
    for (let r = 0; r < REPEATS; r++) {
      const rep = { route: [], raw: [], worker: [], sidecar_direct: [] };
      for (const b of BATCHES) {
        // At 32, also the route with two requests in flight: how a Dashboards server serving two
        // users does. Raw has no such mode: onnxruntime-node's run holds its process's event loop.
        const paired = b === 32 ? { route_2: { call: routeCall, inFlight: 2 } } : {};
        const m = await measure(b, { route: routeCall, raw, worker: workerCall, sidecar: sidecarCall, ...paired });
        rep.route.push(m.route);
        rep.raw.push(m.raw);
        rep.worker.push(m.worker);
        rep.sidecar_direct.push(m.sidecar);
        if (m.route_2) rep.route_2_in_flight_batch_32 = m.route_2;
      }
      rep.ratios = ratiosOf(rep);
      rep.ratio_2_in_flight_batch_32 = +(rep.route_2_in_flight_batch_32.sentences_per_s / rep.raw.find((x) => x.batch === 32).sentences_per_s).toFixed(3);
      rep.p50_overhead_ms_batch_1 = +(rep.route[0].p50_ms - rep.raw[0].p50_ms).toFixed(3);
      reps.push(rep);
    }
    out.repeats = reps.map((r) => ({ ratios: r.ratios, p50_overhead_ms_batch_1: r.p50_overhead_ms_batch_1, ratio_2_in_flight_batch_32: r.ratio_2_in_flight_batch_32 }));
    // The table shows the repeat with the median batch-32 ratio; the spread is reported beside it.
    const typical = reps.find((r) => r.ratios.batch_32 === median(reps.map((x) => x.ratios.batch_32)));
    Object.assign(out, { route: typical.route, raw: typical.raw, worker: typical.worker, sidecar_direct: typical.sidecar_direct });
    await worker.terminate();
    await session.release();
    await direct.stop();
    await fs.rm(directCache, { recursive: true, force: true });
    out.raw_threads = intra;

    if (opensearchUrl) {
      // The cluster's predict via the plugin's route, same model (registered through the chunk routes).
      const total = Math.ceil(zip.length / 10000000);
      const meta = await post(`${api}/models/_register_meta`, {
        name: `bench-native-${Date.now()}`,
        function_name: 'TEXT_EMBEDDING',
        model_format: 'ONNX',
        model_content_hash_value: fx.sha256,
        model_content_size_in_bytes: zip.length,
        total_chunks: total,
        model_config: config,
      });
      const id = meta.model_id;
      try {
        for (let n = 0; n < total; n++) {
          await json(`${api}/models/${id}/chunk/${n}`, { method: 'POST', headers: { ...XSRF, 'content-type': 'application/octet-stream' }, body: zip.subarray(n * 10000000, Math.min((n + 1) * 10000000, zip.length)) });
        }
        await until(async () => (await json(`${api}/models/${id}`)).model_state === 'REGISTERED', 'REGISTERED');
        const { task_id } = await post(`${api}/models/${id}/_deploy`, {});
        await until(async () => ['COMPLETED', 'FAILED'].includes((await json(`${api}/tasks/${task_id}`)).state), 'deploy');
        for (const b of BATCHES) out.cluster.push((await measure(b, { cluster: (docs) => timedPost(`${api}/predict/text_embedding/${id}`, { text_docs: docs }) })).cluster);
      } finally {
        await post(`${api}/models/${id}/_undeploy`, {}).catch(() => undefined);
        await until(async () => (await json(`${api}/models/${id}`)).model_state !== 'DEPLOYED', 'undeploy', 60000).catch(() => undefined);
        await json(`${api}/models/${id}`, { method: 'DELETE', headers: XSRF }).catch(() => undefined);
      }
    }
  } finally {
    host.stop();
    agent.destroy();
  }

  const row = (b) => {
    const r = out.route.find((x) => x.batch === b);
    const w = out.raw.find((x) => x.batch === b);
    const c = out.cluster.find((x) => x.batch === b);
    const d = out.sidecar_direct.find((x) => x.batch === b);
    const t = out.worker.find((x) => x.batch === b);
    return `| ${b} | ${r.sentences_per_s} | ${w.sentences_per_s} | **${(r.sentences_per_s / w.sentences_per_s).toFixed(3)}** | ${r.p50_ms} | ${w.p50_ms} | ${(r.p50_ms - w.p50_ms).toFixed(3)} | ${t.p50_ms} (${(t.p50_ms - w.p50_ms).toFixed(3)}) | ${d.p50_ms} (${(d.p50_ms - w.p50_ms).toFixed(3)}) | ${c ? `${c.sentences_per_s} / ${c.p50_ms}` : '—'} |`;
  };
  // Where the route's extra time at batch 32 goes, as differences of p50s in the typical repeat.
  const p50At = (side, b) => out[side].find((x) => x.batch === b).p50_ms;
  const split = (b) => ({
    worker: +(p50At('worker', b) - p50At('raw', b)).toFixed(2),
    process: +(p50At('sidecar_direct', b) - p50At('worker', b)).toFixed(2),
    http: +(p50At('route', b) - p50At('sidecar_direct', b)).toFixed(2),
  });
  out.overhead_split_ms = Object.fromEntries(BATCHES.map((b) => [`batch_${b}`, split(b)]));
  const s32 = out.overhead_split_ms.batch_32;
  // Differences of p50s measured in separate slices: a share below zero is that noise, not a gain.
  const share = (ms) => (ms < 0 ? `nothing measurable (${ms} ms: the noise between slices)` : `**${ms} ms**`);
  out.ratios = ratiosOf(out);
  out.p50_overhead_ms_batch_1 = +median(out.repeats.map((r) => r.p50_overhead_ms_batch_1)).toFixed(3);
  const spread = (xs) => `${Math.min(...xs)}–${Math.max(...xs)} (median ${median(xs)})`;
  const r32 = out.repeats.map((r) => r.ratios.batch_32);
  const o1 = out.repeats.map((r) => r.p50_overhead_ms_batch_1);
  const r32x2 = out.repeats.map((r) => r.ratio_2_in_flight_batch_32);
  const verdict = (xs, ok) => (xs.every(ok) ? 'met in every repeat' : xs.some(ok) ? `met in ${xs.filter(ok).length} of ${xs.length} repeats` : 'not met');
  await writeResult('native', out);
  const m = out.machine;
  await writeSection(
    'Native inference (`npm run bench:native`)',
    `text_embedding (mean pooling + normalize) on the MiniLM-sized fixture (6 layers, H 384, random weights; sentences of ~14 tokens, all different) through the plugin's native predict route (a kept-alive node:http client) — the built standalone host in its own process: HTTP, validation, IPC to the sidecar process, a worker thread running onnxruntime-node ${ort.env.versions.node} with ${out.raw_threads} intra-op threads — vs raw onnxruntime-node in the benchmark's own process on the same model with the same session options (the sidecar's own \`sessionOptions\`, imported from its build; tokenization and pooling included on both sides)${out.cluster.length ? ", and vs the cluster's predict (ML Commons on the local OpenSearch 2.19 node) through the plugin's route" : ''}. Sequential requests, ${SECONDS} s per side and batch size after 5 warm-ups, the whole comparison repeated ${REPEATS} times, route, raw, the sidecar's worker thread in the benchmark's process and the sidecar process called without HTTP (its client in the benchmark's process) interleaved in ${ROUNDS} alternating slices. Machine: ${m.cores} cores, ${m.cpu}, Node ${m.node}; ${m.date.slice(0, 10)}. Raw figures: \`bench/results/native.json\`.

| batch | route sent/s | raw sent/s | throughput ratio (target ≥ 0.9 at 32) | route p50 ms | raw p50 ms | p50 overhead ms (target ≤ 1.5 at 1) | worker thread in process p50 ms (overhead) | sidecar without HTTP p50 ms (overhead) | cluster sent/s / p50 ms |
|---|---|---|---|---|---|---|---|---|---|
${BATCHES.map(row).join('\n')}

Sidecar resident memory with this model loaded: **${(out.sidecar.rss_bytes / 1048576).toFixed(0)} MB** (the model's share, measured as RSS growth while it loaded: ${(out.sidecar.model_rss_delta_bytes / 1048576).toFixed(0)} MB; load ${out.sidecar.model_load_ms} ms; ${out.sidecar.workers} worker).

Where the route's extra time goes at batch 32, measured in this run as differences of the p50s above: ${share(s32.worker)} in the worker thread itself (its tokenizing, run and pooling as raw's, plus writing the reply's JSON, float32 values at their shortest as ML Commons prints them, about 150 KB for 32 × 384, one thread hop each way, and the client's \`JSON.parse\`); ${share(s32.process)} for the sidecar being a separate process (the IPC both ways and its main thread's relay); ${share(s32.http)} for HTTP and the Dashboards server (reading and validating the request, forwarding the reply's bytes, which it never parses). The raw side returns Float32Arrays in its own process and pays none of it. Profiled on its own on a quiet box, the JSON writing takes 0.6–0.8 ms and the client's parse about 0.7 ms of the worker's share. The raw side pools in one pass per vector (as a careful caller would); with the spread/\`Math.hypot\` pooling used before 2026-11-25 it took 1.7 ms more per batch of 32.

Over ${REPEATS} repeats of the whole comparison in this run (the table shows the median one): throughput ratio at batch 32 ${spread(r32)}, target ≥ 0.9 — ${verdict(r32, (x) => x >= 0.9)}; p50 overhead at batch 1 ${spread(o1)} ms, target ≤ 1.5 ms — ${verdict(o1, (x) => x <= 1.5)}.

Not the target's measure, which is one request at a time: with **two requests of 32 in flight** (two users, or one client sending its next batch before the last answer), the route delivered ${spread(r32x2)} × raw's sequential throughput over the repeats (raw onnxruntime-node cannot overlap runs in one process: its \`session.run\` holds the event loop until the run ends). ${
      median(r32x2) > median(r32) + 0.02
        ? "Overlapping one request's HTTP, IPC and JSON with the other's inference hides part of the route's extra time."
        : `That is no better than one request at a time (median ${median(r32)}): with ${m.cores} cores busy running the model, the route's extra time is CPU work (the reply's JSON, its copies across the process and HTTP), which overlapping requests cannot hide.`
    }`
  );
  console.log(JSON.stringify({ repeats: out.repeats, ratios: out.ratios, p50_overhead_ms_batch_1: out.p50_overhead_ms_batch_1, overhead_split_ms: out.overhead_split_ms, route: out.route, raw: out.raw, cluster: out.cluster, sidecar: out.sidecar }, null, 1));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
