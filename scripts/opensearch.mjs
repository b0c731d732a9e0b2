#!/usr/bin/env node
// Local single-node OpenSearch + job-scheduler + ML Commons, assembled from Maven Central: the 2.19
// line by default, or the 3.x line with --line 3 (OPENSEARCH_LINE=3), which runs on Java 21+, or
// 2.19 with the Security plugin (--line 2.19-security: demo certificates, admin SECURITY_ADMIN).
//
//   npm run opensearch -- start  [--port 9200] [--keep-data] [--heap 2g] [--line 2.19|2.19-security|3]
//   npm run opensearch -- stop   [--port 9200] [--clean]
//   npm run opensearch -- status [--port 9200]
//   npm run opensearch -- logs   [--port 9200] [--lines 80]
//
// Also importable: startOpenSearch / stopOpenSearch / statusOpenSearch / logsOpenSearch /
// findFreePort / checkReadableByOpenSearch. See docs/opensearch_local.md.
//
// Layout under <repo>/.cache/opensearch/ (git-ignored):
//   downloads/          artefacts from Maven Central, resolved.json = the chosen versions
//   home/<V>/           server + plugins, installed once per version, shared read-only by nodes
//   libtorch/<jni>/     libtorch.so + libdjl_torch.so for DJL (PYTORCH_LIBRARY_PATH)
//   nodes/<port>/       per-port config/, data/, logs/, tmp/, opensearch.pid (owned by the service user)
//
// Hard rules: bind 127.0.0.1 only; the JVM always runs with -Dai.djl.offline=true and
// -DOPT_OUT_TRACKING=true (without them DJL calls the cloud metadata address 169.254.169.254).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_LINE, lineOf, releaseLine, resolveArtifacts, run, withSecurity } from './lib/opensearch_artifacts.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.cache', 'opensearch');
export const JAVA_HOME = process.env.OPENSEARCH_JAVA_HOME || '/usr/lib/jvm/java-17-openjdk-amd64';

/**
 * The JDK a line runs on: 17 for 2.19 (it needs the Security Manager, gone from JDK 24), and for
 * 3.x (Java 21+) OPENSEARCH3_JAVA_HOME or the newest JDK 21+ under /usr/lib/jvm.
 */
export function javaHomeFor(line) {
  if (releaseLine(line) === DEFAULT_LINE) return JAVA_HOME;
  if (process.env.OPENSEARCH3_JAVA_HOME) return process.env.OPENSEARCH3_JAVA_HOME;
  const major = (d) => Number(d.match(/(?:^|-)(\d+)(?:[.-]|$)/)?.[1] ?? 0);
  let dirs = [];
  try {
    dirs = fs.readdirSync('/usr/lib/jvm').filter((d) => major(d) >= 21 && fs.existsSync(path.join('/usr/lib/jvm', d, 'bin', 'java')));
  } catch {
    /* no /usr/lib/jvm */
  }
  dirs.sort((a, b) => major(b) - major(a));
  if (!dirs.length) throw new Error('OpenSearch 3.x needs Java 21 or newer: none found under /usr/lib/jvm (set OPENSEARCH3_JAVA_HOME)');
  return path.join('/usr/lib/jvm', dirs[0]);
}
/** System user the server runs as when this script runs as root (OpenSearch refuses root). */
export const SERVICE_USER = 'mlmodels-os';
export const DEFAULT_PORT = 9200;
const DEFAULT_HEAP = '2g';
const HEALTH_TIMEOUT_MS = 180_000;
const OPTIONS_FILE = 'mlmodels.options';
const REQUIRED_JVM_FLAGS = ['-Dai.djl.offline=true', '-DOPT_OUT_TRACKING=true'];
const IS_ROOT = process.getuid?.() === 0;
/**
 * The Security line's built-in admin (its demo configuration). A test node on loopback: the
 * password only has to pass the plugin's strength check.
 */
export const SECURITY_ADMIN = Object.freeze({ username: 'admin', password: 'Loopback#Only-9xK-2026' });
const SECURITY_BLOCK = /^#{8} Start OpenSearch Security Demo Configuration #{8}$[\s\S]*?^#{8} End OpenSearch Security Demo Configuration #{8}$/m;
const basicAuth = ({ username, password }) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

// ---------------------------------------------------------------------------------------------
// small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nodeDirFor = (port) => path.join(CACHE_DIR, 'nodes', String(port));
const clusterNameFor = (port) => `mlmodels-${port}`;

function checkPort(port) {
  const p = Number(port);
  if (!Number.isInteger(p) || p < 1024 || p > 65535) throw new Error(`invalid port ${port} (expected 1024-65535)`);
  return p;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function httpJson(url, timeoutMs = 5000, headers = {}) {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

function readPid(nodeDir) {
  try {
    const pid = Number(fs.readFileSync(path.join(nodeDir, 'opensearch.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True only if pid is alive AND is the OpenSearch JVM of this node dir (guards against pid reuse). */
function isOurProcess(pid, nodeDir) {
  if (!pid) return false;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmd.includes('org.opensearch.bootstrap.OpenSearch') && cmd.includes(`-Dopensearch.path.conf=${path.join(nodeDir, 'config')}`);
  } catch {
    return false;
  }
}

function tailFile(file, lines) {
  try {
    const all = fs.readFileSync(file, 'utf8').split('\n');
    if (all.at(-1) === '') all.pop();
    return all.slice(-lines).join('\n');
  } catch {
    return null;
  }
}

function logTail(port, lines = 60) {
  const dir = path.join(nodeDirFor(port), 'logs');
  const parts = [];
  for (const f of [`${clusterNameFor(port)}.log`, 'startup.out']) {
    const t = tailFile(path.join(dir, f), lines);
    if (t) parts.push(`--- ${path.join(dir, f)} (last ${lines} lines) ---\n${t}`);
  }
  return parts.join('\n') || `(no log files in ${dir})`;
}

/** Exclusive lock (mkdir-based) around install steps so two concurrent starts don't race. */
async function withLock(name, fn, log) {
  const lock = path.join(CACHE_DIR, `.${name}.lock`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  let warned = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      let alive = false;
      if (owner) {
        try {
          process.kill(owner, 0);
          alive = true;
        } catch {
          /* dead */
        }
      }
      if (owner && !alive) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lock} (held by pid ${owner})`);
      if (!warned) log(`waiting for another process (pid ${owner}) holding ${lock} ...`);
      warned = true;
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

async function mustRun(cmd, args, opts, what) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}): ${cmd} ${args.join(' ')}\n${(r.stdout + r.stderr).slice(-3000)}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// install (once per version, cached)

/** Unzips the server, installs job-scheduler then ML Commons. Returns OPENSEARCH_HOME. */
async function ensureHome(resolved, log) {
  const security = withSecurity(resolved.line);
  const home = path.join(CACHE_DIR, 'home', security ? `${resolved.version}-security` : resolved.version);
  const marker = path.join(home, '.mlmodels-installed.json');
  if (fs.existsSync(marker)) {
    installReindexModule(home, resolved.version); // no-op when present (homes installed before it existed)
    return home;
  }
  const t0 = Date.now();
  const dl = path.join(CACHE_DIR, 'downloads');
  const work = path.join(CACHE_DIR, 'home', `.tmp-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  log(`Installing OpenSearch ${resolved.version} into ${home} ...`);
  await mustRun('unzip', ['-q', path.join(dl, resolved.files.server), '-d', work], {}, 'unzip of the server');
  const tmpHome = path.join(work, `opensearch-${resolved.version}`);
  const env = { ...cleanEnv(resolved.line), OPENSEARCH_PATH_CONF: path.join(tmpHome, 'config') };
  // job-scheduler first: ML Commons declares extended.plugins=opensearch-job-scheduler.
  for (const f of [resolved.files.jobScheduler, resolved.files.ml, ...(security ? [resolved.files.security] : [])]) {
    await mustRun(
      path.join(tmpHome, 'bin', 'opensearch-plugin'),
      ['install', '--batch', pathToFileURL(path.join(dl, f)).href],
      { env, cwd: tmpHome },
      `opensearch-plugin install ${f}`,
    );
  }
  installReindexModule(tmpHome, resolved.version);
  if (security) await installSecurityDemoConfig(tmpHome, env);
  fs.writeFileSync(path.join(tmpHome, '.mlmodels-installed.json'), JSON.stringify({ ...resolved, installedAt: new Date().toISOString() }, null, 2));
  fs.renameSync(tmpHome, home);
  fs.rmSync(work, { recursive: true, force: true });
  log(`  installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return home;
}

/**
 * Runs the Security plugin's own demo installer on the home's config: it writes the demo TLS
 * certificates for the transport layer, the security index's seed files (opensearch-security/)
 * with SECURITY_ADMIN's password hashed, and appends its settings to opensearch.yml. Node configs
 * are generated per start, so that block is kept in security.yml for writeNodeConfig, with TLS
 * off for HTTP (the node is on loopback; the plugin and tests speak plain HTTP).
 */
async function installSecurityDemoConfig(home, env) {
  const conf = env.OPENSEARCH_PATH_CONF;
  await mustRun(
    'bash',
    [path.join(home, 'plugins', 'opensearch-security', 'tools', 'install_demo_configuration.sh'), '-y', '-i', '-s'],
    { env: { ...env, OPENSEARCH_INITIAL_ADMIN_PASSWORD: SECURITY_ADMIN.password, JAVA_HOME: env.OPENSEARCH_JAVA_HOME }, cwd: home },
    'the Security plugin demo installer',
  );
  const block = fs.readFileSync(path.join(conf, 'opensearch.yml'), 'utf8').match(SECURITY_BLOCK)?.[0];
  if (!block) throw new Error(`the Security demo installer wrote no settings block into ${path.join(conf, 'opensearch.yml')}`);
  const settings = block.replace(/^plugins\.security\.ssl\.http\.enabled:.*$/m, 'plugins.security.ssl.http.enabled: false');
  if (!/^plugins\.security\.ssl\.http\.enabled: false$/m.test(settings)) throw new Error('the Security demo settings lack plugins.security.ssl.http.enabled');
  fs.writeFileSync(path.join(conf, 'security.yml'), `${settings}\n`);
}

/**
 * Assembles modules/reindex from the reindex-client jar and its runtime deps (see
 * resolveReindexModule): jars already in lib/ are skipped (jar hell), and no plugin-security.policy
 * is written, so remote reindex (outbound sockets) stays impossible; delete-by-query, update-by-query
 * and local reindex need no extra permission.
 */
function installReindexModule(home, version) {
  const modDir = path.join(home, 'modules', 'reindex');
  if (fs.existsSync(path.join(modDir, 'plugin-descriptor.properties'))) return;
  const jars = path.join(CACHE_DIR, 'downloads', `reindex-module-${version}`, 'jars');
  const artifactId = (f) => f.replace(/-\d[\w.-]*\.jar$/, '');
  const inLib = new Set(fs.readdirSync(path.join(home, 'lib')).filter((f) => f.endsWith('.jar')).map(artifactId));
  const tmp = `${modDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  for (const f of fs.readdirSync(jars)) {
    if (f.endsWith('.jar') && !inLib.has(artifactId(f))) fs.copyFileSync(path.join(jars, f), path.join(tmp, f));
  }
  fs.writeFileSync(
    path.join(tmp, 'plugin-descriptor.properties'),
    [
      'description=The Reindex module (assembled from Maven Central jars by scripts/opensearch.mjs)',
      `version=${version}`,
      'name=reindex',
      'classname=org.opensearch.index.reindex.ReindexPlugin',
      'java.version=11',
      `opensearch.version=${version}`,
      'extended.plugins=',
      'has.native.controller=false',
      '',
    ].join('\n'),
  );
  fs.renameSync(tmp, modDir);
}

/** Builds the PYTORCH_LIBRARY_PATH dir from the two jars: libtorch*.so + libdjl_torch.so. */
async function ensureLibtorch(resolved, log) {
  const flavor = resolved.libtorchFlavor;
  const dir = path.join(CACHE_DIR, 'libtorch', `${resolved.libtorchVersion}-${flavor}-${resolved.djlJniVersion}`);
  if (fs.existsSync(path.join(dir, 'libtorch.so')) && fs.existsSync(path.join(dir, 'libdjl_torch.so'))) return dir;
  const dl = path.join(CACHE_DIR, 'downloads');
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  log(`Extracting libtorch into ${dir} ...`);
  await mustRun('unzip', ['-q', '-j', '-o', path.join(dl, resolved.files.libtorch), `pytorch/${flavor}/linux-x86_64/*`, '-d', tmp], {}, 'libtorch extraction');
  await mustRun('unzip', ['-q', '-j', '-o', path.join(dl, resolved.files.djlJni), `jnilib/linux-x86_64/${flavor}/libdjl_torch.so`, '-d', tmp], {}, 'libdjl_torch extraction');
  for (const f of ['libtorch.so', 'libdjl_torch.so']) {
    if (!fs.existsSync(path.join(tmp, f))) throw new Error(`libtorch dir ${tmp} lacks ${f} after extraction`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return dir;
}

/** Creates the service user if missing (root only). */
async function ensureServiceUser(log) {
  if (!IS_ROOT) return null;
  const r = await run('id', ['-u', SERVICE_USER]);
  if (r.code !== 0) {
    log(`Creating system user ${SERVICE_USER} (OpenSearch refuses to run as root) ...`);
    await mustRun(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SERVICE_USER],
      {},
      `useradd ${SERVICE_USER}`,
    );
  }
  return SERVICE_USER;
}

/** Environment for the launcher: clean, so inherited JAVA_TOOL_OPTIONS / OPENSEARCH_JAVA_OPTS can't sneak flags in. */
function cleanEnv(line) {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    OPENSEARCH_JAVA_HOME: javaHomeFor(line),
  };
}

// ---------------------------------------------------------------------------------------------
// per-node configuration

function opensearchYml({ port, transportPort, nodeDir }) {
  return `# Generated by scripts/opensearch.mjs on every start; edits are overwritten.
cluster.name: ${clusterNameFor(port)}
node.name: mlmodels-node-${port}
discovery.type: single-node
network.host: 127.0.0.1
http.port: ${port}
transport.port: ${transportPort}
path.data: ${path.join(nodeDir, 'data')}
path.logs: ${path.join(nodeDir, 'logs')}
# Small/CI disks: never flip indices read-only or refuse allocation.
cluster.routing.allocation.disk.threshold_enabled: false
# ML Commons: a plain single node has no "ml" role, so allow data nodes to run models.
plugins.ml_commons.only_run_on_ml_node: false
# 100 turns the native-memory and heap circuit breakers off; the disk breaker defaults to 5GB free.
plugins.ml_commons.native_memory_threshold: 100
plugins.ml_commons.jvm_heap_memory_threshold: 100
plugins.ml_commons.disk_free_space_threshold: 100mb
plugins.ml_commons.allow_registering_model_via_url: true
# ML Commons' default pattern also admits file:// (the node would read its own disk): http(s) only.
plugins.ml_commons.trusted_url_regex: "^https?://.+"
plugins.ml_commons.allow_registering_model_via_local_file: true
plugins.ml_commons.allow_custom_deployment_plan: true
`;
}

/**
 * Writes nodes/<port>/config from the home's config: the stock jvm.options (with its relative
 * log/dump paths made absolute, since the home is shared), our opensearch.yml and our
 * jvm.options.d/mlmodels.options.
 */
function writeNodeConfig({ home, nodeDir, port, transportPort, libtorchDir, heap }) {
  const conf = path.join(nodeDir, 'config');
  fs.mkdirSync(path.join(conf, 'jvm.options.d'), { recursive: true });
  for (const f of fs.readdirSync(path.join(conf, 'jvm.options.d'))) fs.rmSync(path.join(conf, 'jvm.options.d', f), { recursive: true, force: true });
  fs.copyFileSync(path.join(home, 'config', 'log4j2.properties'), path.join(conf, 'log4j2.properties'));
  const logs = path.join(nodeDir, 'logs');
  const jvm = fs
    .readFileSync(path.join(home, 'config', 'jvm.options'), 'utf8')
    .replaceAll('file=logs/gc.log', `file=${logs}/gc.log`)
    .replaceAll('-Xloggc:logs/gc.log', `-Xloggc:${logs}/gc.log`)
    .replaceAll('-XX:HeapDumpPath=data', `-XX:HeapDumpPath=${path.join(nodeDir, 'data')}`)
    .replaceAll('-XX:ErrorFile=logs/', `-XX:ErrorFile=${logs}/`)
    // the stock -Xms1g/-Xmx1g would be overridden by mlmodels.options anyway; drop them to avoid confusion
    .replace(/^-Xm[sx]\S+$/gm, '');
  fs.writeFileSync(path.join(conf, 'jvm.options'), jvm);
  let yml = opensearchYml({ port, transportPort, nodeDir });
  const securityYml = path.join(home, 'config', 'security.yml');
  if (fs.existsSync(securityYml)) {
    // The Security home: its settings, its transport certificates and the security index's seed files.
    yml += fs.readFileSync(securityYml, 'utf8');
    for (const f of fs.readdirSync(path.join(home, 'config')).filter((x) => x.endsWith('.pem'))) fs.copyFileSync(path.join(home, 'config', f), path.join(conf, f));
    fs.cpSync(path.join(home, 'config', 'opensearch-security'), path.join(conf, 'opensearch-security'), { recursive: true });
  }
  fs.writeFileSync(path.join(conf, 'opensearch.yml'), yml);
  fs.writeFileSync(
    path.join(conf, 'jvm.options.d', OPTIONS_FILE),
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      // DJL loads this libtorch instead of downloading one (ML Commons starts the PyTorch engine even for ONNX).
      `-DPYTORCH_LIBRARY_PATH=${libtorchDir}`,
      // MANDATORY: no DJL downloads and no calls to 169.254.169.254.
      ...REQUIRED_JVM_FLAGS,
      '',
    ].join('\n'),
  );
}

/** Refuses to start unless the options file carries both DJL flags and nothing contradicts them. */
function assertOfflineFlags(nodeDir) {
  const conf = path.join(nodeDir, 'config');
  const optFile = path.join(conf, 'jvm.options.d', OPTIONS_FILE);
  const lines = fs.readFileSync(optFile, 'utf8').split('\n').map((l) => l.trim());
  const missing = REQUIRED_JVM_FLAGS.filter((f) => !lines.includes(f));
  if (missing.length) throw new Error(`refusing to start: ${optFile} lacks ${missing.join(' and ')}`);
  const files = [path.join(conf, 'jvm.options'), ...fs.readdirSync(path.join(conf, 'jvm.options.d')).map((f) => path.join(conf, 'jvm.options.d', f))];
  for (const f of files) {
    for (const l of fs.readFileSync(f, 'utf8').split('\n').map((x) => x.trim())) {
      const m = l.match(/^(?:\S+:)?(-Dai\.djl\.offline|-DOPT_OUT_TRACKING)=(.*)$/);
      if (m && m[2] !== 'true') throw new Error(`refusing to start: ${f} sets ${m[1]}=${m[2]}`);
    }
  }
}

async function chownR(target, user) {
  await mustRun('chown', ['-R', `${user}:${user}`, target], {}, `chown ${target}`);
}

// ---------------------------------------------------------------------------------------------
// public API

/**
 * Status of the node on `port`.
 * @returns {Promise<{running: boolean, url: string, port: number, pid: number|null,
 *   version?: string, health?: string, home?: string, nodeDir: string}>}
 */
export async function statusOpenSearch({ port = DEFAULT_PORT } = {}) {
  port = checkPort(port);
  const nodeDir = nodeDirFor(port);
  const url = `http://127.0.0.1:${port}`;
  const pid = readPid(nodeDir);
  const base = { running: false, url, port, pid: null, nodeDir };
  if (!isOurProcess(pid, nodeDir)) return base;
  let meta = {};
  try {
    meta = JSON.parse(fs.readFileSync(path.join(nodeDir, 'node.json'), 'utf8'));
  } catch {
    /* optional */
  }
  const out = { ...base, running: true, pid, home: meta.home, version: meta.version };
  const headers = authHeaders(meta.line);
  try {
    const root = await httpJson(`${url}/`, 3000, headers);
    if (root.status === 200) out.version = root.body.version?.number ?? out.version;
    const h = await httpJson(`${url}/_cluster/health`, 3000, headers);
    out.health = h.body?.status;
  } catch {
    out.health = 'unreachable'; // alive but HTTP not up yet (starting) or hung
  }
  return out;
}

/**
 * Starts (or reuses, if already running) the node on `port` and waits for yellow health.
 * @param {{port?: number, log?: (msg: string) => void, keepData?: boolean, heap?: string}} opts
 * @returns {Promise<{url: string, port: number, version: string, pid: number, home: string,
 *   transportPort: number, nodeDir: string, logFile: string, serviceUser: string|null,
 *   alreadyRunning: boolean, startSeconds: number, admin?: {username: string, password: string}}>}
 *   `admin` on the 2.19-security line: every request to that node needs credentials.
 */
export async function startOpenSearch({ port = DEFAULT_PORT, log = console.log, keepData = false, heap = DEFAULT_HEAP, line = DEFAULT_LINE } = {}) {
  port = checkPort(port);
  line = lineOf(line);
  const t0 = Date.now();
  const nodeDir = nodeDirFor(port);
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(nodeDir, 'logs', `${clusterNameFor(port)}.log`);

  if (!/^\d+[mg]$/.test(String(heap))) throw new Error(`invalid heap size ${heap} (expected e.g. 512m or 2g)`);
  const existing = await statusOpenSearch({ port });
  if (existing.running) {
    // Never hand out a JVM that lacks the offline flags (e.g. started by hand).
    const cmd = fs.readFileSync(`/proc/${existing.pid}/cmdline`, 'utf8').split('\0');
    const missing = REQUIRED_JVM_FLAGS.filter((f) => !cmd.includes(f));
    if (missing.length) throw new Error(`OpenSearch pid ${existing.pid} on port ${port} runs without ${missing.join(' ')}; stop it first`);
    const meta = JSON.parse(fs.readFileSync(path.join(nodeDir, 'node.json'), 'utf8'));
    if ((meta.line ?? DEFAULT_LINE) !== line) throw new Error(`port ${port} runs OpenSearch ${meta.version} (the ${meta.line ?? DEFAULT_LINE} line), not the ${line} line asked for; stop it first`);
    log(`OpenSearch already running on ${url} (pid ${existing.pid}); reusing it.`);
    await waitForHealth({ url, pid: existing.pid, nodeDir, port, line });
    return { ...meta, ...adminOf(line), url, port, pid: existing.pid, logFile, alreadyRunning: true, startSeconds: (Date.now() - t0) / 1000 };
  }
  if (!(await isPortFree(port))) throw new Error(`port ${port} on 127.0.0.1 is already in use by another process (not an OpenSearch started by this script)`);

  // Resolve + install under a lock: a concurrent start on another port may be doing the same.
  const { resolved, home, libtorchDir, serviceUser } = await withLock(
    'install',
    async () => {
      const resolved = { ...(await resolveArtifacts({ cacheDir: CACHE_DIR, log, line })), line };
      const home = await ensureHome(resolved, log);
      const libtorchDir = await ensureLibtorch(resolved, log);
      const serviceUser = await ensureServiceUser(log);
      return { resolved, home, libtorchDir, serviceUser };
    },
    log,
  );

  let transportPort = port + 100;
  if (transportPort > 65535 || !(await isPortFree(transportPort))) transportPort = await findFreePort();

  // Fresh node dir unless --keep-data: stale cluster state (models, tasks) would leak between runs.
  const keep = keepData && fs.existsSync(path.join(nodeDir, 'data'));
  if (!keep) fs.rmSync(nodeDir, { recursive: true, force: true });
  for (const d of ['config', 'data', 'logs', 'tmp']) fs.mkdirSync(path.join(nodeDir, d), { recursive: true });
  fs.rmSync(path.join(nodeDir, 'tmp'), { recursive: true, force: true }); // ORT/JNA natives are re-extracted each start
  fs.mkdirSync(path.join(nodeDir, 'tmp'));
  fs.rmSync(path.join(nodeDir, 'opensearch.pid'), { force: true });
  fs.rmSync(path.join(nodeDir, 'logs', 'startup.out'), { force: true });
  writeNodeConfig({ home, nodeDir, port, transportPort, libtorchDir, heap });
  assertOfflineFlags(nodeDir);
  const meta = { url, port, transportPort, version: resolved.version, line, home, nodeDir, libtorchDir, serviceUser, heap };
  fs.writeFileSync(path.join(nodeDir, 'node.json'), JSON.stringify(meta, null, 2) + '\n');
  if (serviceUser) await chownR(nodeDir, serviceUser);

  const env = {
    ...cleanEnv(line),
    OPENSEARCH_PATH_CONF: path.join(nodeDir, 'config'),
    OPENSEARCH_TMPDIR: path.join(nodeDir, 'tmp'),
  };
  const launcher = path.join(home, 'bin', 'opensearch');
  const osArgs = ['-d', '-p', path.join(nodeDir, 'opensearch.pid')];
  // runuser (not su/sudo): no PAM password, no login shell, works with a nologin service user.
  const [cmd, args] = serviceUser ? ['runuser', ['-u', serviceUser, '--', launcher, ...osArgs]] : [launcher, osArgs];
  log(`Starting OpenSearch ${resolved.version} on ${url} (transport ${transportPort}, heap ${heap}${serviceUser ? `, user ${serviceUser}` : ''}) ...`);
  const outFd = fs.openSync(path.join(nodeDir, 'logs', 'startup.out'), 'a');
  // With -d the launcher backgrounds the JVM and exits; the JVM keeps startup.out as stdout/stderr
  // until it is initialised.
  const code = await new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: home, env, stdio: ['ignore', outFd, outFd], detached: true });
    child.on('error', (e) => reject(new Error(`could not run ${cmd}: ${e.message}`)));
    child.on('exit', (c) => resolve(c));
  });
  fs.closeSync(outFd);
  if (code !== 0) throw new Error(`OpenSearch launcher exited with ${code}\n${logTail(port)}`);

  let pid = null;
  for (let i = 0; i < 120 && !pid; i++) {
    pid = readPid(nodeDir);
    if (!pid) await sleep(250);
  }
  if (!pid) throw new Error(`OpenSearch wrote no pid file within 30 s\n${logTail(port)}`);
  await waitForHealth({ url, pid, nodeDir, port, line });
  const startSeconds = (Date.now() - t0) / 1000;
  log(`OpenSearch ${resolved.version}${withSecurity(line) ? ' with the Security plugin' : ''} is up on ${url} (pid ${pid}) after ${startSeconds.toFixed(1)} s`);
  return { ...meta, ...adminOf(line), url, port, pid, logFile, alreadyRunning: false, startSeconds };
}

const adminOf = (line) => (withSecurity(line) ? { admin: SECURITY_ADMIN } : {});

/** What a client of the node sends to be let in: SECURITY_ADMIN on the Security line. */
const authHeaders = (line) => (withSecurity(line) ? { authorization: basicAuth(SECURITY_ADMIN) } : {});

async function waitForHealth({ url, pid, nodeDir, port, line }) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, nodeDir)) throw new Error(`OpenSearch (pid ${pid}) exited during start-up\n${logTail(port)}`);
    try {
      // With the Security plugin: 401/503 until its index is initialised from the seed files.
      const r = await httpJson(`${url}/_cluster/health?wait_for_status=yellow&timeout=1s`, 5000, authHeaders(line));
      if (r.status === 200 && ['yellow', 'green'].includes(r.body?.status)) return r.body;
    } catch {
      /* not listening yet */
    }
    await sleep(1000);
  }
  throw new Error(`OpenSearch on ${url} not yellow after ${HEALTH_TIMEOUT_MS / 1000} s (pid ${pid} still running; stop it with: npm run opensearch -- stop --port ${port})\n${logTail(port)}`);
}

/**
 * Stops the node on `port`: SIGTERM to the recorded pid only, SIGKILL after 60 s.
 * With clean=true the node dir (data, logs, config) is removed afterwards; the shared download
 * cache and installed home are never touched.
 * @param {{port?: number, log?: (msg: string) => void, clean?: boolean}} opts
 * @returns {Promise<{stopped: boolean, pid: number|null}>} stopped=false if it was not running.
 */
export async function stopOpenSearch({ port = DEFAULT_PORT, log = console.log, clean = false } = {}) {
  port = checkPort(port);
  const nodeDir = nodeDirFor(port);
  const result = await stopProcess(port, nodeDir, log);
  if (clean) {
    fs.rmSync(nodeDir, { recursive: true, force: true });
    log(`  removed ${nodeDir}`);
  }
  return result;
}

async function stopProcess(port, nodeDir, log) {
  const pid = readPid(nodeDir);
  if (!isOurProcess(pid, nodeDir)) {
    log(`OpenSearch is not running on port ${port}.`);
    fs.rmSync(path.join(nodeDir, 'opensearch.pid'), { force: true });
    return { stopped: false, pid: null };
  }
  log(`Stopping OpenSearch on port ${port} (pid ${pid}) ...`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isOurProcess(pid, nodeDir) && Date.now() < deadline) await sleep(250);
  if (isOurProcess(pid, nodeDir)) {
    log(`  pid ${pid} ignored SIGTERM for 60 s; sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
    while (isOurProcess(pid, nodeDir)) await sleep(250);
  }
  fs.rmSync(path.join(nodeDir, 'opensearch.pid'), { force: true });
  log('  stopped.');
  return { stopped: true, pid };
}

/** Last `lines` lines of the node's server log and launcher output. */
export function logsOpenSearch({ port = DEFAULT_PORT, lines = 80 } = {}) {
  return logTail(checkPort(port), lines);
}

/**
 * Model zips registered via file:// are read by the server process, i.e. by SERVICE_USER when
 * this script runs as root. Throws a clear error if `file` or one of its parent directories is
 * not readable/traversable by others (e.g. a 0700 dir from fs.mkdtemp). Makes the file itself
 * world-readable when we own it.
 */
export function checkReadableByOpenSearch(file) {
  const abs = path.resolve(file);
  const st = fs.statSync(abs);
  if (!(st.mode & 0o004)) fs.chmodSync(abs, st.mode | 0o444);
  for (let d = path.dirname(abs); ; d = path.dirname(d)) {
    if (!(fs.statSync(d).mode & 0o001)) {
      throw new Error(`${abs} is not reachable by the OpenSearch user ${SERVICE_USER}: directory ${d} lacks o+x (chmod o+rx ${d})`);
    }
    if (d === path.dirname(d)) break;
  }
  return abs;
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const opts = { port: Number(process.env.OPENSEARCH_PORT) || DEFAULT_PORT, keepData: false, clean: false, heap: DEFAULT_HEAP, lines: 80, line: process.env.OPENSEARCH_LINE || DEFAULT_LINE };
  const [command, ...rest] = argv;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const val = () => {
      if (i + 1 >= rest.length) throw new Error(`${a} needs a value`);
      return rest[++i];
    };
    if (a === '--port') opts.port = Number(val());
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (a === '--keep-data') opts.keepData = true;
    else if (a === '--clean') opts.clean = true;
    else if (a === '--heap') opts.heap = val();
    else if (a === '--lines') opts.lines = Number(val());
    else if (a === '--line') opts.line = val();
    else throw new Error(`unknown option ${a}`);
  }
  return { command, opts };
}

async function main() {
  const { command, opts } = parseArgs(process.argv.slice(2));
  switch (command) {
    case 'start': {
      const r = await startOpenSearch(opts);
      console.log(JSON.stringify({ url: r.url, port: r.port, version: r.version, pid: r.pid, home: r.home }, null, 2));
      break;
    }
    case 'stop':
      await stopOpenSearch(opts);
      break;
    case 'status': {
      const s = await statusOpenSearch(opts);
      if (s.running) console.log(`running: ${s.url} version ${s.version ?? '?'} pid ${s.pid} health ${s.health}`);
      else console.log(`not running (port ${s.port})`);
      process.exitCode = s.running ? 0 : 3;
      break;
    }
    case 'logs':
      console.log(logsOpenSearch(opts));
      break;
    default:
      console.error('usage: npm run opensearch -- start|stop|status|logs [--port N] [--keep-data] [--heap 2g] [--line 2.19|2.19-security|3] [--clean] [--lines N]');
      process.exitCode = 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`opensearch: ${e.message}`);
    process.exitCode = 1;
  });
}
