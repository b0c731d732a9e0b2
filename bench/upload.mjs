#!/usr/bin/env node
/**
 * `npm run bench:upload`: chunked registration of the MiniLM-sized fixture (~84 MB, 9 chunks)
 * through the plugin's chunk route vs the same chunks posted straight to OpenSearch, alternating
 * in one run; the Dashboards server's peak RSS growth while it streams the chunks; and SHA-256
 * speed in Chromium (the plugin's hash-wasm code) next to `sha256sum` on the same file.
 * Uses OPENSEARCH_URL, or starts the local OpenSearch for the run. Deletes what it registers.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import { buildDevHost, buildPublic, buildServer } from '../scripts/build.mjs';
import { ensureFixtures, loadFixture } from '../scripts/fixtures/build.mjs';
import { findFreePort, startOpenSearch, stopOpenSearch } from '../scripts/opensearch.mjs';
import { machine, startHost, until as untilEvery, writeResult, writeSection } from './lib/harness.mjs';

const until = (fn, what, ms = 60000) => untilEvery(fn, what, ms, 250);
import { browserHash } from './lib/upload_browser_hash.mjs';
import { sampleRss } from './lib/upload_rss.mjs';

const REPETITIONS = Number(process.env.BENCH_REPETITIONS || 4);
const CHUNK = 10000000; // CHUNK_SIZE_BYTES in common/constants.ts (this script runs without a TS loader)
const MB = 1e6;

async function json(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new Error(`${init?.method || 'GET'} ${url}: ${res.status} ${text}`);
  return body;
}

const jsonHeaders = { 'content-type': 'application/json' };

/** One chunked registration; only the chunk posts are timed (the meta call is identical on both sides). */
async function uploadOnce({ side, os, host, fx, zip, groupId, rssPid }) {
  const total = Math.ceil(zip.length / CHUNK);
  const meta = {
    name: `bench-upload-${side}-${Date.now()}`,
    function_name: fx.function_name,
    model_format: fx.model_format,
    model_group_id: groupId,
    model_content_hash_value: fx.sha256,
    model_content_size_in_bytes: zip.length,
    total_chunks: total,
    model_config: fx.model_config,
  };
  const { model_id: id } =
    side === 'plugin'
      ? await json(`${host}/api/ml-models/models/_register_meta`, { method: 'POST', headers: { ...jsonHeaders, 'osd-xsrf': 'bench' }, body: JSON.stringify(meta) })
      : await json(`${os}/_plugins/_ml/models/_register_meta`, { method: 'POST', headers: jsonHeaders, body: JSON.stringify(meta) });
  const sampler = side === 'plugin' ? await sampleRss(rssPid) : undefined;
  const t0 = performance.now();
  for (let n = 0; n < total; n++) {
    const body = zip.subarray(n * CHUNK, Math.min((n + 1) * CHUNK, zip.length));
    if (side === 'plugin') {
      await json(`${host}/api/ml-models/models/${id}/chunk/${n}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'osd-xsrf': 'bench' },
        body,
      });
    } else {
      await json(`${os}/_plugins/_ml/models/${id}/upload_chunk/${n}`, { method: 'POST', headers: jsonHeaders, body });
    }
  }
  const ms = performance.now() - t0;
  const memory = sampler ? await sampler.stop() : undefined;
  const state = await until(async () => {
    const m = await json(`${os}/_plugins/_ml/models/${id}`);
    return m.model_state === 'REGISTERED' ? m.model_state : undefined;
  }, `model ${id} REGISTERED`);
  await json(`${os}/_plugins/_ml/models/${id}`, { method: 'DELETE' });
  return { side, model_id: id, chunks: total, ms: +ms.toFixed(1), mb_per_s: +(zip.length / MB / (ms / 1000)).toFixed(2), state, memory };
}

async function main() {
  await ensureFixtures(['minilm']);
  const fx = loadFixture('minilm');
  await buildServer();
  await buildPublic();
  await buildDevHost();

  let os = process.env.OPENSEARCH_URL;
  let node;
  if (!os) {
    node = await startOpenSearch({ port: await findFreePort(), log: (m) => process.stderr.write(`[opensearch] ${m}\n`) });
    os = node.url;
  }
  const host = await startHost({ opensearchUrl: os, port: await findFreePort() });
  const { model_group_id: groupId } = await json(`${os}/_plugins/_ml/model_groups/_register`, {
    method: 'POST',
    headers: jsonHeaders,
    body: JSON.stringify({ name: `bench-upload-${Date.now()}`, description: 'npm run bench:upload (deleted at the end)' }),
  });
  try {
    const zip = await fs.readFile(fx.zipPath);
    // Warm-up on both sides (JIT, connections, index caches), not counted.
    await uploadOnce({ side: 'direct', os, host: host.url, fx, zip, groupId, rssPid: host.pid });
    await uploadOnce({ side: 'plugin', os, host: host.url, fx, zip, groupId, rssPid: host.pid });
    const runs = [];
    for (let i = 0; i < REPETITIONS; i++) {
      const order = i % 2 ? ['direct', 'plugin'] : ['plugin', 'direct'];
      for (const side of order) runs.push(await uploadOnce({ side, os, host: host.url, fx, zip, groupId, rssPid: host.pid }));
    }
    const median = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const plugin = runs.filter((r) => r.side === 'plugin');
    const direct = runs.filter((r) => r.side === 'direct');
    const pluginMbps = +median(plugin.map((r) => r.mb_per_s)).toFixed(2);
    const directMbps = +median(direct.map((r) => r.mb_per_s)).toFixed(2);
    const growthMax = Math.max(...plugin.map((r) => r.memory.growthBytes));

    // Hashing: the plugin's browser code in Chromium vs coreutils on the same (page-cached) file.
    const browser = await browserHash(fx.zipPath);
    const wrong = browser.runs.find((r) => r.hash !== fx.sha256);
    if (wrong) throw new Error(`browser hash ${wrong.hash} != ${fx.sha256}`);
    const sums = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const out = execFileSync('sha256sum', [fx.zipPath]).toString().split(/\s+/)[0];
      sums.push(performance.now() - t0);
      if (out !== fx.sha256) throw new Error('sha256sum disagrees with fixture.json');
    }
    const browserBest = Math.min(...browser.runs.map((r) => r.ms));
    const sumBest = Math.min(...sums);

    const result = {
      benchmark: 'upload',
      model: `${fx.name} (${zip.length} B zip, ${Math.ceil(zip.length / CHUNK)} chunks)`,
      repetitions: REPETITIONS,
      machine: machine(),
      upload: {
        plugin_mb_per_s_median: pluginMbps,
        direct_mb_per_s_median: directMbps,
        throughput_ratio: +(pluginMbps / directMbps).toFixed(3),
        target_ratio: 0.8,
        host_rss_growth_max_mb: +(growthMax / 1048576).toFixed(1),
        target_rss_growth_mb: 64,
        runs,
      },
      hashing: {
        browser_best_ms: +browserBest.toFixed(1),
        browser_mb_per_s: +(zip.length / MB / (browserBest / 1000)).toFixed(1),
        sha256sum_best_ms: +sumBest.toFixed(1),
        sha256sum_mb_per_s: +(zip.length / MB / (sumBest / 1000)).toFixed(1),
        browser_runs_ms: browser.runs.map((r) => +r.ms.toFixed(1)),
        sha256sum_runs_ms: sums.map((m) => +m.toFixed(1)),
        hash: fx.sha256,
      },
    };
    await writeResult('upload', result);
    const rows = runs
      .map((r) => `| ${r.side} | ${r.ms.toFixed(0)} | ${r.mb_per_s} | ${r.memory ? `${(r.memory.growthBytes / 1048576).toFixed(1)} (peak ${(r.memory.peakBytes / 1048576).toFixed(0)})` : '—'} |`)
      .join('\n');
    await writeSection(
      'Upload (`npm run bench:upload`)',
      `Chunked registration of the MiniLM-sized fixture (${(zip.length / MB).toFixed(1)} MB zip, ${Math.ceil(zip.length / CHUNK)} chunks of 10,000,000 bytes, sequential) to the local OpenSearch ${'2.19'} node: through the plugin's chunk route (standalone host in its own process, \`application/octet-stream\` in, the model's state read first, then streamed upstream as \`application/json\`) vs the same chunks posted straight to \`/_plugins/_ml/models/<id>/upload_chunk/<n>\`, alternating, ${REPETITIONS} repetitions per side after one warm-up each. Only the chunk posts are timed; every model is deleted after it reaches REGISTERED. Host memory: VmRSS of the host process sampled every 10 ms during the plugin-side uploads. Machine: ${result.machine.cores} cores, ${result.machine.cpu}, Node ${result.machine.node}; ${result.machine.date.slice(0, 10)}. Raw figures: \`bench/results/upload.json\`.

| | plugin | direct | ratio (target ≥ 0.8) |
|---|---|---|---|
| upload throughput, median MB/s | ${pluginMbps} | ${directMbps} | **${result.upload.throughput_ratio}** |

| Dashboards host RSS growth while uploading (max over runs) | target |
|---|---|
| **${result.upload.host_rss_growth_max_mb} MB** | ≤ 64 MB |

| run | ms | MB/s | host RSS growth MB |
|---|---|---|---|
${rows}

SHA-256 of the same zip (page-cached): the plugin's browser code (\`public/lib/sha256.ts\`: hash-wasm, 8 MB \`Blob.slice\` reads) in Chromium ${result.hashing.browser_mb_per_s} MB/s (best of ${browser.runs.length}: ${result.hashing.browser_best_ms} ms) vs \`sha256sum\` ${result.hashing.sha256sum_mb_per_s} MB/s (${result.hashing.sha256sum_best_ms} ms, process start included): **${(result.hashing.browser_mb_per_s / result.hashing.sha256sum_mb_per_s).toFixed(2)}×**. Both give \`${fx.sha256.slice(0, 16)}…\`.`
    );
    console.log(JSON.stringify({ upload: { ...result.upload, runs: undefined }, hashing: result.hashing }, null, 2));
  } finally {
    await until(async () => {
      const res = await fetch(`${os}/_plugins/_ml/model_groups/${groupId}`, { method: 'DELETE' });
      return res.status === 409 ? undefined : true;
    }, 'bench group deleted', 30000).catch((e) => console.error(e.message));
    host.stop();
    if (node) await stopOpenSearch(node);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
