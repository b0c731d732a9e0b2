/**
 * Integration suites run against a real OpenSearch with ML Commons (OPENSEARCH_URL, or one this
 * setup starts from the project's cache) and the plugin's real standalone host built from source.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function waitFor(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms (${last})`);
}

/**
 * Global setup and teardown run in the same process: this run's state stays there
 * (`globalThis`), so two runs side by side never stop each other's host.
 */
export default async function globalSetup(_globalConfig, projectConfig) {
  const project = projectConfig?.displayName?.name || projectConfig?.displayName;
  // The security suite drives the browser too.
  const browserSuite = project === 'e2e' || project === 'security';
  const { startOpenSearch, findFreePort } = await import(path.join(ROOT, 'scripts', 'opensearch.mjs'));
  const state = { startedOpenSearch: false };
  try {
    await prepare(state, { browserSuite, securitySuite: project === 'security' }, { startOpenSearch, findFreePort });
  } catch (err) {
    // Jest runs no teardown after a failed setup: leave nothing running behind.
    if (state.hostPid) process.kill(state.hostPid, 'SIGTERM');
    if (state.dataDir) await fs.rm(state.dataDir, { recursive: true, force: true }).catch(() => undefined);
    if (state.startedOpenSearch) {
      const { stopOpenSearch } = await import(path.join(ROOT, 'scripts', 'opensearch.mjs'));
      await stopOpenSearch({ port: state.opensearchPort });
    }
    throw err;
  }
  globalThis.__MLM_INTEGRATION_STATE__ = state;
}

async function prepare(state, { browserSuite, securitySuite }, { startOpenSearch, findFreePort }) {
  let opensearchUrl = process.env.OPENSEARCH_URL;
  // "user:password" of the cluster's admin, when it runs the Security plugin.
  let admin = process.env.MLM_OPENSEARCH_ADMIN;
  if (!opensearchUrl) {
    const port = await findFreePort();
    // OPENSEARCH_LINE=3 runs the suites against the 3.x line; the security suite needs the Security plugin.
    const line = securitySuite ? '2.19-security' : process.env.OPENSEARCH_LINE;
    const node = await startOpenSearch({ port, line, log: (m) => process.stderr.write(`[opensearch] ${m}\n`) });
    opensearchUrl = node.url;
    if (node.admin) admin = `${node.admin.username}:${node.admin.password}`;
    Object.assign(state, { startedOpenSearch: true, opensearchPort: port });
  }
  const adminHeaders = admin ? { authorization: `Basic ${Buffer.from(admin).toString('base64')}` } : {};
  if (securitySuite && (await fetch(`${opensearchUrl}/_plugins/_security/authinfo`, { headers: adminHeaders })).status !== 200) {
    throw new Error(`the security suite needs a cluster with the Security plugin and its admin in MLM_OPENSEARCH_ADMIN (user:password); ${opensearchUrl} is not one`);
  }

  const { buildServer, buildPublic, buildDevHost } = await import(path.join(ROOT, 'scripts', 'build.mjs'));
  await buildServer();
  // API suites never load the browser bundle; only the browser suite needs it fresh.
  if (browserSuite) await buildPublic();
  await buildDevHost();

  // Real model zips, built deterministically (skipped when up to date); minilm spans several chunks.
  const { ensureTestFixtures } = await import(path.join(ROOT, 'test', 'ensure_fixtures.mjs'));
  await ensureTestFixtures();

  const hostPort = await findFreePort();
  // This run's own data folder: its native cache starts empty and goes with the run.
  state.dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-test-data-'));
  const host = spawn(process.execPath, [path.join(ROOT, 'target', 'dev', 'standalone.js')], {
    env: { ...process.env, OPENSEARCH_URL: opensearchUrl, PORT: String(hostPort), MLM_DATA_DIR: state.dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: false,
  });
  state.hostPid = host.pid;
  const hostUrl = `http://127.0.0.1:${hostPort}`;
  await waitFor(`${hostUrl}/api/status`, 30000);

  process.env.OPENSEARCH_URL = opensearchUrl;
  process.env.MLM_URL = hostUrl;
  // Read synchronously by suites whose cases depend on the line (2.19 or 3.x).
  process.env.MLM_OPENSEARCH_VERSION = (await (await fetch(opensearchUrl, { headers: adminHeaders })).json()).version.number;
  if (admin) process.env.MLM_OPENSEARCH_ADMIN = admin;
}
