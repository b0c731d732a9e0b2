// Resolves and caches the Maven Central artefacts for a local OpenSearch node (2.19.x or 3.x) with
// job-scheduler + ML Commons, plus the libtorch natives DJL needs (see docs/opensearch_local.md).
//
// Everything lands in <repo>/.cache/opensearch/downloads and the choice is recorded in
// <repo>/.cache/opensearch/resolved.json. When that file and all the files it names are present,
// mvn is not run at all, so later runs work offline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Release lines, each probed newest first. 2.19.5 is missing from Central for the ML plugin, and
// of 3.x only 3.6.0 has every zip there (checked 2026-11-26: the ML plugin of 3.0-3.5 and 3.8-3.9
// is not), so each list is simply probed in order. 2.19 is the default: the line OSD 2.19 ships with.
// '2.19-security' adds the Security plugin: of 2.19, only 2.19.1 has its zip, ML Commons' and
// job-scheduler's all on Central (checked 2026-11-26: security 2.19.3/2.19.4 exist, their ML zips not).
export const LINES = {
  '2.19': ['2.19.6', '2.19.5', '2.19.4', '2.19.3', '2.19.2', '2.19.1', '2.19.0'],
  '2.19-security': ['2.19.6', '2.19.5', '2.19.4', '2.19.3', '2.19.2', '2.19.1', '2.19.0'],
  3: ['3.9.0', '3.8.0', '3.7.0', '3.6.0', '3.5.0', '3.4.0', '3.3.0'],
};
export const DEFAULT_LINE = '2.19';
/** Whether a line's nodes run the Security plugin. */
export const withSecurity = (line) => String(line).endsWith('-security');
/** The release line under the Security variant ('2.19-security' -> '2.19'). */
export const releaseLine = (line) => String(line).replace(/-security$/, '');

/** The line a --line value names ("3", "3.x" and "2.19" are accepted). */
export function lineOf(value = DEFAULT_LINE) {
  const key = String(value).replace(/\.x$/, '');
  if (!LINES[key]) throw new Error(`unknown OpenSearch line ${value} (expected one of ${Object.keys(LINES).join(', ')})`);
  return key;
}

/** Where a line's chosen versions are recorded; the default line keeps the original name. */
const resolvedFile = (cacheDir, line) => path.join(cacheDir, line === DEFAULT_LINE ? 'resolved.json' : `resolved-${line}.json`);
export const LIBTORCH_VERSION = '2.5.1';
// libtorch flavours, preferred first. Central has no pytorch-native-cpu-precxx11 2.5.1 (its newest
// is 2.4.0, checked 2026-11), so in practice the cxx11-ABI "cpu" build is what resolves. The JNI
// lib must be taken from the same flavour directory of the pytorch-jni jar.
export const LIBTORCH_FLAVORS = ['cpu-precxx11', 'cpu'];
// ML Commons 2.19 bundles DJL 0.31.1; 0.32.0's JNI declares the same native methods (fallback).
// Central has no pytorch-jni 2.5.1-0.31.1 (checked 2026-11), so 0.32.0 is what resolves.
export const DJL_JNI_VERSIONS = ['2.5.1-0.31.1', '2.5.1-0.32.0'];
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy';

export const coords = {
  server: (v) => ({ gav: `org.opensearch.distribution.integ-test-zip:opensearch:${v}:zip`, file: `opensearch-${v}.zip` }),
  jobScheduler: (v) => ({
    gav: `org.opensearch.plugin:opensearch-job-scheduler:${v}.0:zip`,
    file: `opensearch-job-scheduler-${v}.0.zip`,
  }),
  ml: (v) => ({ gav: `org.opensearch.plugin:opensearch-ml-plugin:${v}.0:zip`, file: `opensearch-ml-plugin-${v}.0.zip` }),
  security: (v) => ({ gav: `org.opensearch.plugin:opensearch-security:${v}.0:zip`, file: `opensearch-security-${v}.0.zip` }),
  libtorch: (flavor) => ({
    gav: `ai.djl.pytorch:pytorch-native-${flavor}:${LIBTORCH_VERSION}:jar:linux-x86_64`,
    file: `pytorch-native-${flavor}-${LIBTORCH_VERSION}-linux-x86_64.jar`,
  }),
  djlJni: (jv) => ({ gav: `ai.djl.pytorch:pytorch-jni:${jv}:jar`, file: `pytorch-jni-${jv}.jar` }),
  // Not used by the default start; only for the optional k-NN / neural-search experiments.
  knn: (v) => ({ gav: `org.opensearch.plugin:opensearch-knn:${v}.0:zip`, file: `opensearch-knn-${v}.0.zip` }),
  neuralSearch: (v) => ({ gav: `org.opensearch.plugin:neural-search:${v}.0:zip`, file: `neural-search-${v}.0.zip` }),
};

export class ArtifactNotFound extends Error {}

/** Files named by the other lines' recorded resolutions. */
function usedByOtherLines(cacheDir, line) {
  const used = new Set();
  for (const other of Object.keys(LINES).filter((l) => l !== String(line))) {
    try {
      const r = JSON.parse(fs.readFileSync(resolvedFile(cacheDir, other), 'utf8'));
      for (const f of Object.values(r.files || {})) used.add(f);
    } catch {
      /* not resolved */
    }
  }
  return used;
}

/** Runs a command, resolving {code, stdout, stderr}; never rejects for a non-zero exit. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (err) => reject(new Error(`could not run ${cmd}: ${err.message}`)));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function fileOk(p) {
  try {
    return fs.statSync(p).size > 0;
  } catch {
    return false;
  }
}

/**
 * Copies one artefact into dir with `mvn dependency:copy` (transitive=false: plugin zips have no
 * POM on Central, and we want exactly the one file). Throws ArtifactNotFound when Central does not
 * have it, and a plain Error for anything else (network, mvn missing, ...).
 */
export async function mvnCopy({ gav, file }, dir, log) {
  const dest = path.join(dir, file);
  if (fileOk(dest)) return dest;
  fs.mkdirSync(dir, { recursive: true });
  const t0 = Date.now();
  // -U: re-check artefacts whose absence Maven cached in ~/.m2 (*.lastUpdated) during a previous probe.
  const args = ['-B', '-q', '-U', DEPENDENCY_PLUGIN, `-Dartifact=${gav}`, '-Dtransitive=false', `-DoutputDirectory=${dir}`];
  // cwd = the download dir so no stray pom.xml is picked up.
  const res = await run('mvn', args, { cwd: dir });
  const out = `${res.stdout}\n${res.stderr}`;
  if (res.code !== 0 || !fileOk(dest)) {
    if (/Could not find artifact|was not found in|is missing/i.test(out)) {
      throw new ArtifactNotFound(`${gav} is not on Maven Central (or the configured mirror)`);
    }
    const errLines = out.split('\n').filter((l) => /ERROR/.test(l)).slice(0, 3).join('\n');
    throw new Error(`mvn failed to resolve ${gav} (exit ${res.code}):\n${errLines || out.slice(-2000)}`);
  }
  const mb = (fs.statSync(dest).size / 1e6).toFixed(1);
  log(`  resolved ${gav} (${mb} MB, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return dest;
}

/** Returns the cached resolution if every file it names is still present, else null. */
export function readCachedResolution(cacheDir, line = DEFAULT_LINE) {
  const p = resolvedFile(cacheDir, line);
  try {
    const r = JSON.parse(fs.readFileSync(p, 'utf8'));
    const files = Object.values(r.files || {});
    if (r.version && r.libtorchFlavor && files.length === (withSecurity(line) ? 6 : 5) && files.every((f) => fileOk(path.join(cacheDir, 'downloads', f)))) return r;
  } catch {
    /* missing or corrupt: resolve again */
  }
  return null;
}

/**
 * Probes the line newest-to-oldest for a version where server, job-scheduler and ML plugin all
 * resolve, then resolves libtorch and the DJL JNI (ML Commons 3.6 bundles the same DJL 0.31.1).
 * The ML zip is tried first for each version because it is the one most likely to be missing, so
 * a missing version costs one 404, not three downloads.
 */
export async function resolveArtifacts({ cacheDir, log = console.log, line = DEFAULT_LINE }) {
  const candidates = LINES[lineOf(line)];
  const cached = readCachedResolution(cacheDir, line);
  if (cached) {
    if (needsReindexModule(line)) await resolveReindexModule({ cacheDir, version: cached.version, log });
    return { ...cached, fromCache: true };
  }

  const dl = path.join(cacheDir, 'downloads');
  const t0 = Date.now();
  log(`Resolving OpenSearch artefacts with mvn into ${dl} ...`);
  let version = null;
  const tried = [];
  for (const v of candidates) {
    try {
      // A probe downloads what it finds. The ML zip first: it is the one missing from most 2.19
      // versions (only 2.19.1 and 2.19.6 have it), and 2.19.6's is on disk already wherever the
      // default line ran (as in CI). Probing Security first downloaded 2.19.4's and 2.19.3's
      // Security zips (45 MB each) only to find their ML zips missing.
      await mvnCopy(coords.ml(v), dl, log);
      if (withSecurity(line)) await mvnCopy(coords.security(v), dl, log);
      await mvnCopy(coords.jobScheduler(v), dl, log);
      await mvnCopy(coords.server(v), dl, log);
      version = v;
      break;
    } catch (e) {
      if (!(e instanceof ArtifactNotFound)) throw e;
      tried.push(`${v}: ${e.message}`);
      log(`  ${v} incomplete: ${e.message}`);
    }
  }
  if (!version) {
    throw new Error(`No complete OpenSearch ${line}.x set (server + job-scheduler + ML plugin) resolved:\n  ${tried.join('\n  ')}`);
  }
  // Drop the zips of versions we did not pick (they are still in ~/.m2), unless another line's
  // resolution uses them (2.19 and 2.19-security pick different versions).
  const inUse = usedByOtherLines(cacheDir, line);
  for (const v of candidates.filter((x) => x !== version)) {
    for (const c of [coords.ml(v), coords.jobScheduler(v), coords.server(v), coords.security(v)]) {
      if (!inUse.has(c.file)) fs.rmSync(path.join(dl, c.file), { force: true });
    }
  }

  let libtorchFlavor = null;
  for (const flavor of LIBTORCH_FLAVORS) {
    try {
      await mvnCopy(coords.libtorch(flavor), dl, log);
      libtorchFlavor = flavor;
      break;
    } catch (e) {
      if (!(e instanceof ArtifactNotFound)) throw e;
      log(`  ${e.message}`);
    }
  }
  if (!libtorchFlavor) throw new Error(`No libtorch ${LIBTORCH_VERSION} jar resolved (tried flavours ${LIBTORCH_FLAVORS.join(', ')})`);
  let jniVersion = null;
  for (const jv of DJL_JNI_VERSIONS) {
    try {
      await mvnCopy(coords.djlJni(jv), dl, log);
      jniVersion = jv;
      break;
    } catch (e) {
      if (!(e instanceof ArtifactNotFound)) throw e;
      log(`  ${e.message}`);
    }
  }
  if (!jniVersion) throw new Error(`None of ai.djl.pytorch:pytorch-jni:{${DJL_JNI_VERSIONS.join(',')}} resolved`);

  if (needsReindexModule(line)) await resolveReindexModule({ cacheDir, version, log });

  const resolved = {
    version,
    pluginVersion: `${version}.0`,
    libtorchVersion: LIBTORCH_VERSION,
    libtorchFlavor,
    djlJniVersion: jniVersion,
    files: {
      server: coords.server(version).file,
      jobScheduler: coords.jobScheduler(version).file,
      ml: coords.ml(version).file,
      libtorch: coords.libtorch(libtorchFlavor).file,
      djlJni: coords.djlJni(jniVersion).file,
      ...(withSecurity(line) ? { security: coords.security(version).file } : {}),
    },
    resolvedAt: new Date().toISOString(),
    resolveSeconds: Math.round((Date.now() - t0) / 1000),
  };
  fs.writeFileSync(resolvedFile(cacheDir, line), JSON.stringify(resolved, null, 2) + '\n');
  log(`Resolved OpenSearch ${version} (plugins ${version}.0, libtorch ${LIBTORCH_VERSION} ${libtorchFlavor}, DJL JNI ${jniVersion}) in ${resolved.resolveSeconds} s`);
  return { ...resolved, fromCache: false };
}

/** 3.x's integ-test zip carries every module; 2.19's only the transport ones. */
const needsReindexModule = (line) => releaseLine(line) === DEFAULT_LINE;

/**
 * The 2.19 integ-test zip has no `reindex` module, and ML Commons deletes a model's chunk docs (and
 * more) with delete-by-query, which lives there: without it `DELETE /_plugins/_ml/models/<id>`
 * fails with 500 "failed to find action [org.opensearch.index.reindex.DeleteByQueryAction@…]".
 * Central has no module zip, but it has the module's jar (org.opensearch.plugin:reindex-client)
 * and its POM, so we fetch it with its runtime dependencies via a throw-away POM. The module
 * directory itself is assembled at install time (opensearch.mjs). Returns the jar directory.
 */
export async function resolveReindexModule({ cacheDir, version, log = console.log }) {
  const dir = path.join(cacheDir, 'downloads', `reindex-module-${version}`);
  const jars = path.join(dir, 'jars');
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return jars;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local.mlmodels</groupId><artifactId>reindex-module</artifactId><version>1</version>
<dependencies><dependency><groupId>org.opensearch.plugin</groupId><artifactId>reindex-client</artifactId><version>${version}</version></dependency></dependencies>
</project>\n`,
  );
  const t0 = Date.now();
  const res = await run('mvn', ['-B', '-q', '-U', DEPENDENCY_PLUGIN.replace(':copy', ':copy-dependencies'), '-DincludeScope=runtime', `-DoutputDirectory=${jars}`], { cwd: dir });
  if (res.code !== 0 || !fileOk(path.join(jars, `reindex-client-${version}.jar`))) {
    const out = `${res.stdout}\n${res.stderr}`;
    throw new Error(`mvn failed to resolve org.opensearch.plugin:reindex-client:${version} and its dependencies (exit ${res.code}):\n${out.split('\n').filter((l) => /ERROR/.test(l)).slice(0, 3).join('\n') || out.slice(-2000)}`);
  }
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
  log(`  resolved org.opensearch.plugin:reindex-client:${version} + runtime deps (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return jars;
}
