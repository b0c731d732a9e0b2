#!/usr/bin/env node
/**
 * `npm run bench:cluster`: text_embedding predict through the plugin's route vs the same call
 * straight to OpenSearch, in one run, interleaved, on the MiniLM-sized fixture.
 * Uses OPENSEARCH_URL, or starts the local OpenSearch for the run.
 */
import { promises as fs } from 'fs';
import { buildDevHost, buildPublic, buildServer } from '../scripts/build.mjs';
import { ensureFixtures, loadFixture } from '../scripts/fixtures/build.mjs';
import { findFreePort, startOpenSearch, stopOpenSearch } from '../scripts/opensearch.mjs';
import { machine, startHost, summarize, until, writeResult, writeSection } from './lib/harness.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PER_ROUND = Number(process.env.BENCH_REQUESTS || 60);
const CONCURRENCY = [1, 4];
const TEXTS = ['OpenSearch supports neural search with dense vectors.', 'A man is playing a guitar on the street.'];

async function json(url, init) {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok) throw new Error(`${init?.method || 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Setup straight against OpenSearch: register (chunked) and deploy; not measured. */
async function deployFixture(os, fx) {
  const zip = await fs.readFile(fx.zipPath);
  const total = Math.ceil(zip.length / 10000000);
  const { model_id: id } = await json(`${os}/_plugins/_ml/models/_register_meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `bench-cluster-${Date.now()}`,
      function_name: fx.function_name,
      model_format: fx.model_format,
      model_content_hash_value: fx.sha256,
      model_content_size_in_bytes: zip.length,
      total_chunks: total,
      model_config: fx.model_config,
    }),
  });
  for (let n = 0; n < total; n++) {
    await json(`${os}/_plugins/_ml/models/${id}/upload_chunk/${n}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: zip.subarray(n * 10000000, Math.min((n + 1) * 10000000, zip.length)),
    });
  }
  const { task_id } = await json(`${os}/_plugins/_ml/models/${id}/_deploy`, { method: 'POST' });
  const task = await until(async () => {
    const t = await json(`${os}/_plugins/_ml/tasks/${task_id}`);
    return ['COMPLETED', 'FAILED', 'COMPLETED_WITH_ERROR'].includes(t.state) ? t : undefined;
  }, 'deploy');
  if (task.state !== 'COMPLETED') throw new Error(`deploy failed: ${task.error}`);
  return id;
}

async function cleanup(os, id) {
  const groupId = (await json(`${os}/_plugins/_ml/models/${id}`)).model_group_id;
  await fetch(`${os}/_plugins/_ml/models/${id}/_undeploy`, { method: 'POST' });
  await until(async () => (await json(`${os}/_plugins/_ml/models/${id}`)).model_state !== 'DEPLOYED', 'undeploy', 30000);
  await fetch(`${os}/_plugins/_ml/models/${id}`, { method: 'DELETE' });
  await until(async () => (await fetch(`${os}/_plugins/_ml/model_groups/${groupId}`, { method: 'DELETE' })).status !== 409, 'group delete', 30000);
}

/** `count` requests with `concurrency` in flight; returns per-request latencies and wall time. */
async function load(url, headers, count, concurrency) {
  const body = JSON.stringify({ text_docs: TEXTS.slice(0, 1) });
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const s = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body });
        if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - s);
      }
    })
  );
  return { latencies, wallMs: performance.now() - t0 };
}

async function main() {
  await ensureFixtures(['minilm']);
  const fx = loadFixture('minilm');
  let os = process.env.OPENSEARCH_URL;
  let stopLocal = async () => {};
  if (!os) {
    const port = await findFreePort();
    os = (await startOpenSearch({ port, log: () => {} })).url;
    stopLocal = () => stopOpenSearch({ port, log: () => {} });
  }
  await buildServer();
  await buildPublic();
  await buildDevHost();
  const host = await startHost({ opensearchUrl: os, port: await findFreePort() });
  const id = await deployFixture(os, fx);
  try {
    const targets = {
      plugin: { url: `${host.url}/api/ml-models/predict/text_embedding/${id}`, headers: { 'content-type': 'application/json', 'osd-xsrf': 'bench' } },
      direct: { url: `${os}/_plugins/_ml/_predict/text_embedding/${id}`, headers: { 'content-type': 'application/json' } },
    };
    // Warm both paths (JIT, connection pools, the model's first runs).
    for (const t of Object.values(targets)) await load(t.url, t.headers, 20, 1);
    const results = {};
    for (const c of CONCURRENCY) {
      const acc = { plugin: { lat: [], wall: 0, n: 0 }, direct: { lat: [], wall: 0, n: 0 } };
      for (let r = 0; r < ROUNDS; r++) {
        // Interleaved, order alternating, so drift on a shared 2-core box hits both sides alike.
        const order = r % 2 ? ['direct', 'plugin'] : ['plugin', 'direct'];
        for (const side of order) {
          const { latencies, wallMs } = await load(targets[side].url, targets[side].headers, PER_ROUND, c);
          acc[side].lat.push(...latencies);
          acc[side].wall += wallMs;
          acc[side].n += latencies.length;
        }
      }
      const plugin = summarize(acc.plugin.lat, acc.plugin.wall, acc.plugin.n);
      const direct = summarize(acc.direct.lat, acc.direct.wall, acc.direct.n);
      results[`concurrency_${c}`] = {
        plugin,
        direct,
        throughput_ratio: +(plugin.throughput_rps / direct.throughput_rps).toFixed(3),
        p50_overhead_ms: +(plugin.p50_ms - direct.p50_ms).toFixed(3),
        p95_overhead_ms: +(plugin.p95_ms - direct.p95_ms).toFixed(3),
      };
      console.log(`concurrency ${c}:`, JSON.stringify(results[`concurrency_${c}`]));
    }
    const out = { benchmark: 'cluster', model: `${fx.name} (${(fx.size_bytes / 1e6).toFixed(1)} MB zip, 384-d)`, rounds: ROUNDS, requests_per_round: PER_ROUND, machine: machine(), results };
    await writeResult('cluster', out);
    const rows = Object.entries(results).map(
      ([k, r]) =>
        `| ${k.replace('concurrency_', '')} | ${r.plugin.p50_ms} / ${r.plugin.p95_ms} | ${r.direct.p50_ms} / ${r.direct.p95_ms} | ${r.plugin.throughput_rps} | ${r.direct.throughput_rps} | **${r.throughput_ratio}** | ${r.p50_overhead_ms} |`
    );
    await writeSection(
      'Cluster predict through the plugin (`npm run bench:cluster`)',
      `text_embedding predict of one sentence on the MiniLM-sized fixture (6 layers, 384-d) deployed on the local OpenSearch ${'2.19'} node, through the plugin's route (standalone host, its own process) vs straight to OpenSearch, interleaved in one run: ${ROUNDS} rounds x ${PER_ROUND} requests per side and concurrency. Machine: ${out.machine.cores} cores, ${out.machine.cpu}, Node ${out.machine.node}; ${out.machine.date.slice(0, 10)}. Raw figures: \`bench/results/cluster.json\`.

| concurrency | plugin p50 / p95 ms | direct p50 / p95 ms | plugin req/s | direct req/s | throughput ratio | p50 overhead ms |
|---|---|---|---|---|---|---|
${rows.join('\n')}`
    );
  } finally {
    await cleanup(os, id).catch((e) => console.error(`cleanup: ${e.message}`));
    host.stop();
    await stopLocal();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
