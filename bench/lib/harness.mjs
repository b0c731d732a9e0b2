/** Small shared pieces of the benchmarks: the standalone host as a child process, stats, reports. */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function waitFor(url, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * The plugin as users run it: the built standalone host in its own process. `identity: 'none'` for
 * a host without a cluster (native routes only), which would otherwise wait for one to tell
 * whether it asks for a login.
 */
export async function startHost({ opensearchUrl, port, identity }) {
  const child = spawn(process.execPath, [path.join(ROOT, 'target', 'dev', 'standalone.js')], {
    env: { ...process.env, OPENSEARCH_URL: opensearchUrl, PORT: String(port), ...(identity ? { MLM_STANDALONE_IDENTITY: identity } : {}) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/status`);
  return { url, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

/** Polls `fn` (every `everyMs`) until it returns something truthy. */
export async function until(fn, what, ms = 180000, everyMs = 1000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latencies, wallMs, requests) {
  const s = [...latencies].sort((a, b) => a - b);
  return {
    requests,
    p50_ms: +percentile(s, 50).toFixed(3),
    p95_ms: +percentile(s, 95).toFixed(3),
    throughput_rps: +((requests / wallMs) * 1000).toFixed(2),
  };
}

export function machine() {
  return { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, date: new Date().toISOString() };
}

/** Replaces (or appends) one `## <title>` section of BENCHMARKS.md, leaving the others alone. */
export async function writeSection(title, body) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  let text = await fs.readFile(file, 'utf8').catch(() => '# Benchmarks\n\nEach benchmark measures the plugin side by side with its baseline in the same run; figures are ratios first.\n');
  const header = `## ${title}`;
  const start = text.indexOf(`${header}\n`);
  const section = `${header}\n\n${body.trim()}\n`;
  if (start < 0) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const next = text.indexOf('\n## ', start + header.length);
    text = `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
  }
  await fs.writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
}

export async function writeResult(name, data) {
  await fs.mkdir(path.join(ROOT, 'bench', 'results'), { recursive: true });
  await fs.writeFile(path.join(ROOT, 'bench', 'results', `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
}
