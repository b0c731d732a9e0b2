#!/usr/bin/env node
/**
 * `npm test`: every suite, one after the other: type check, unit (server, public, and the app
 * mounted under React 18), integration
 * (real OpenSearch + ML Commons), browser end-to-end (real Chromium), then both again against the
 * 3.x line, then the security suite on 2.19 with the Security plugin. Ends with one line,
 * `N passed, N failed`, totalling all suites.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Every suite's processes inherit it: onnxruntime-node must never start its telemetry.
process.env.ORT_DISABLE_TELEMETRY = '1';
const RESULTS = path.join(ROOT, 'target', 'test-results');
mkdirSync(RESULTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...opts.env } });
  return { status: r.status === null ? 1 : r.status, seconds: ((Date.now() - t0) / 1000).toFixed(0) };
}

function jestSuite(name, project, extraArgs = [], resultName = project) {
  const out = path.join(RESULTS, `${resultName}.json`);
  const { status, seconds } = run(name, process.execPath, [
    path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
    '-c',
    'test/jest.config.js',
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${out}`,
    ...extraArgs,
  ]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed = r.numPassedTests;
    failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    skipped = r.numPendingTests + (r.numTodoTests || 0);
    if (r.numTotalTests === 0 && status === 0) failed += 1; // a suite that ran nothing is a failure here
  }
  if (status !== 0 && failed === 0) failed = 1; // setup failed before any test ran
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  summary.push(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)`);
}

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);

if (want('typecheck')) {
  const { status, seconds } = run('typecheck', process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
  totals[status === 0 ? 'passed' : 'failed'] += 1;
  summary.push(`typecheck: ${status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
}
if (want('unit')) {
  jestSuite('unit: server', 'server');
  jestSuite('unit: public', 'public');
  jestSuite('unit: app under React 18', 'react18');
}
if (want('pack')) {
  const { status, seconds } = run('pack + verify', process.execPath, [path.join(ROOT, 'scripts', 'pack.mjs'), '--osd-version', '2.19.2']);
  totals[status === 0 ? 'passed' : 'failed'] += 1;
  summary.push(`pack + verify: ${status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`);
}
/**
 * Runs `suites` against a local OpenSearch of `line` started for them, and stops it whatever
 * happens (a start that timed out may have left its JVM running).
 */
async function withLocalOpenSearch(line, suites) {
  const t0 = Date.now();
  const { startOpenSearch, stopOpenSearch, findFreePort } = await import('./opensearch.mjs');
  const port = await findFreePort();
  const label = line === '3' ? 'OpenSearch 3.x' : line === '2.19-security' ? 'OpenSearch with Security' : 'OpenSearch';
  try {
    const node = await startOpenSearch({ port, line, log: (m) => console.log(`[${label}] ${m}`) });
    summary.push(`local OpenSearch ${node.version} on ${node.url} ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    process.env.OPENSEARCH_URL = node.url;
    if (node.admin) process.env.MLM_OPENSEARCH_ADMIN = `${node.admin.username}:${node.admin.password}`;
    suites(node);
  } catch (err) {
    console.error(`Could not start the local ${label}: ${err.message}`);
    totals.failed += 1;
    summary.push(`local ${label}: FAILED to start (${err.message.split('\n')[0]})`);
  } finally {
    await stopOpenSearch({ port }).catch(() => undefined);
    delete process.env.OPENSEARCH_URL;
    delete process.env.MLM_OPENSEARCH_ADMIN;
  }
}

const clusterSuites = () => {
  if (want('integration')) jestSuite('integration (OpenSearch + ML Commons)', 'integration', ['--runInBand']);
  if (want('e2e')) jestSuite('e2e (Chromium)', 'e2e', ['--runInBand']);
};
if (process.env.OPENSEARCH_URL) {
  // A cluster given from outside is the one cluster tested (the security suite too, given its admin).
  clusterSuites();
  if (want('security') && process.env.MLM_OPENSEARCH_ADMIN) jestSuite('security (given OpenSearch + Security plugin)', 'security', ['--runInBand']);
} else {
  // One node for both cluster suites.
  if (want('integration') || want('e2e')) await withLocalOpenSearch('2.19', clusterSuites);
  // The same integration and browser suites against ML Commons 3.x (cases follow the cluster's
  // version): the manifest accepts data sources up to 3.x, and 3.x changed model_config and pooling.
  if (want('integration') || want('e2e')) {
    const { javaHomeFor } = await import('./opensearch.mjs');
    let java;
    try {
      java = javaHomeFor('3');
    } catch (err) {
      // Debian 12 has no JDK 21+; the machines this runs on carry Temurin's under /usr/lib/jvm.
      totals.skipped += 1;
      summary.push(`integration and e2e on OpenSearch 3.x: SKIPPED (${err.message})`);
    }
    if (java) {
      await withLocalOpenSearch('3', (node) => {
        if (want('integration')) jestSuite(`integration (OpenSearch ${node.version} + ML Commons)`, 'integration', ['--runInBand'], 'integration-3');
        if (want('e2e')) jestSuite(`e2e (Chromium, OpenSearch ${node.version})`, 'e2e', ['--runInBand'], 'e2e-3');
      });
    }
  }
  // Who the caller is and what each may do: a cluster with the Security plugin and its users.
  if (want('security')) {
    await withLocalOpenSearch('2.19-security', (node) => jestSuite(`security (OpenSearch ${node.version} + Security plugin)`, 'security', ['--runInBand']));
  }
}

console.log('\n=== summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
