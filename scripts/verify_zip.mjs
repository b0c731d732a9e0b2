#!/usr/bin/env node
/**
 * `npm run verify -- build/mlModels-X.Y.Z.zip [--osd-version X.Y.Z]`: re-checks a packed zip
 * against what OSD's installer and plugin loader require, and that nothing dev-only ships.
 */
import { promises as fs } from 'fs';
import { createRequire } from 'module';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';
import yauzl from 'yauzl';
import { checkManifest, INSTALLER_ID_PATTERN } from './lib/manifest_rules.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readEntries(zipPath) {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err) return reject(err);
      const entries = [];
      zip.on('entry', (entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve({ zip, entries }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function readEntry(zip, entry) {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

export async function verifyZip(zipPath, { osdVersion } = {}) {
  const problems = [];
  const checked = [];
  const { zip, entries } = await readEntries(zipPath);
  try {
    const names = entries.map((e) => e.fileName);
    const bad = names.filter((n) => n.startsWith('/') || n.split('/').includes('..') || n.includes('\\'));
    if (bad.length) problems.push(`unsafe entry names: ${bad.slice(0, 3).join(', ')}`);

    // The installer looks for opensearch-dashboards/<folder>/opensearch_dashboards.json.
    const manifests = names.filter((n) => /^opensearch-dashboards\/[^/]+\/opensearch_dashboards\.json$/.test(n));
    if (manifests.length !== 1) {
      problems.push(`expected exactly one opensearch-dashboards/<id>/opensearch_dashboards.json, found ${manifests.length}`);
      return { problems, checked };
    }
    const folder = manifests[0].split('/')[1];
    const manifest = JSON.parse((await readEntry(zip, entries.find((e) => e.fileName === manifests[0]))).toString('utf8'));
    const manifestProblems = checkManifest(manifest, osdVersion);
    problems.push(...manifestProblems);
    if (!manifestProblems.length) checked.push(`manifest: id ${manifest.id}, version ${manifest.version}, for OSD ${manifest.opensearchDashboardsVersion}`);
    if (folder !== manifest.id) problems.push(`folder "${folder}" differs from plugin id "${manifest.id}"`);
    if (!INSTALLER_ID_PATTERN.test(folder)) problems.push(`folder "${folder}" fails the installer's id rule`);
    const outside = names.filter((n) => !n.startsWith(`opensearch-dashboards/${folder}/`));
    if (outside.length) problems.push(`entries outside opensearch-dashboards/${folder}/: ${outside.slice(0, 3).join(', ')}`);

    const base = `opensearch-dashboards/${folder}/`;
    const rel = names.map((n) => n.slice(base.length));
    const has = (p) => rel.includes(p);
    for (const required of ['package.json', 'server/index.js', `target/public/${manifest.id}.plugin.js`]) {
      if (!has(required)) problems.push(`missing ${required}`);
    }
    const devOnly = rel.filter(
      (p) =>
        /^(dev|shims|test|scripts|types)\//.test(p) ||
        p.startsWith('node_modules/@osd/') ||
        (/\.(test|mock)\.js$/.test(p) && !p.startsWith('node_modules/')) ||
        (/\.tsx?$/.test(p) && !p.startsWith('node_modules/'))
    );
    if (devOnly.length) problems.push(`dev-only files shipped: ${devOnly.slice(0, 5).join(', ')}`);
    else checked.push('no dev-only files (dev host, config-schema stand-in, tests, TypeScript sources)');

    // The browser bundle: registers itself, and takes React/OUI from __osdSharedDeps__.
    const bundleEntry = entries.find((e) => e.fileName === `${base}target/public/${manifest.id}.plugin.js`);
    if (bundleEntry) {
      const js = (await readEntry(zip, bundleEntry)).toString('utf8');
      if (!js.includes(`__osdBundles__.define("plugin/${manifest.id}/public"`)) problems.push('bundle does not call __osdBundles__.define("plugin/<id>/public", ...)');
      if (!js.includes('__osdSharedDeps__')) problems.push('bundle does not use __osdSharedDeps__');
      if (js.includes('__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED')) problems.push('bundle contains its own copy of React');
      if (/\.chunk\.\d+\.js/.test(js) || js.includes('__osdPublicPath__')) problems.push('bundle expects lazy chunks');
      if (!problems.some((p) => p.startsWith('bundle'))) checked.push(`bundle: ${(bundleEntry.uncompressedSize / 1024).toFixed(0)} KiB, one file, shared deps external`);
    }

    // Production dependencies are present, and the server entry loads as OSD would require it.
    const pkg = JSON.parse((await readEntry(zip, entries.find((e) => e.fileName === `${base}package.json`))).toString('utf8'));
    for (const dep of Object.keys(pkg.dependencies || {})) {
      if (!has(`node_modules/${dep}/package.json`)) problems.push(`production dependency ${dep} is missing from node_modules`);
    }
    // Every shipped package finds its own dependencies as Node would (nested node_modules first).
    const unresolved = [];
    for (const e of entries) {
      const m = e.fileName.slice(base.length).match(/^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)package\.json$/);
      if (!m) continue;
      const dir = m[1];
      const meta = JSON.parse((await readEntry(zip, e)).toString('utf8'));
      for (const dep of Object.keys(meta.dependencies || {})) {
        if (meta.optionalDependencies?.[dep]) continue;
        // 'node_modules/a/node_modules/b/' looks in b's, then a's, then the top node_modules.
        const parts = dir.split('node_modules/');
        const found = parts.some((_p, k) => has(`${parts.slice(0, parts.length - k).join('node_modules/')}node_modules/${dep}/package.json`));
        if (!found) unresolved.push(`${dir}package.json needs ${dep}`);
      }
    }
    if (unresolved.length) problems.push(`dependencies not shipped: ${unresolved.slice(0, 5).join(', ')}`);
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mlmodels-verify-'));
    try {
      for (const e of entries) {
        if (!/^opensearch-dashboards\/[^/]+\/(server|common)\/.*\.js$/.test(e.fileName)) continue;
        const out = path.join(tmp, e.fileName.slice(base.length));
        await fs.mkdir(path.dirname(out), { recursive: true });
        await fs.writeFile(out, await readEntry(zip, e));
      }
      // Inside OSD, @osd/config-schema comes from OSD's node_modules; here, from the dev stand-in.
      const require = createRequire(path.join(tmp, 'server', 'index.js'));
      const Module = require('module');
      const configSchemaPath = createRequire(path.join(ROOT, 'package.json')).resolve('@osd/config-schema');
      const origResolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (request === '@osd/config-schema') return configSchemaPath;
        if (!request.startsWith('.') && !path.isAbsolute(request) && !Module.builtinModules.includes(request.replace(/^node:/, ''))) {
          throw new Error(`server code requires "${request}", which is neither bundled nor provided by OSD`);
        }
        return origResolve.call(this, request, ...rest);
      };
      try {
        const server = require(path.join(tmp, 'server', 'index.js'));
        if (typeof server.plugin !== 'function') problems.push('server/index.js does not export plugin()');
        else if (!server.config?.schema?.__isOsdConfigSchemaType) problems.push('server/index.js config.schema is not a config-schema type');
        else checked.push('server/index.js exports plugin() and a config schema');
      } catch (e) {
        problems.push(`server/index.js does not load: ${e.message}`);
      } finally {
        Module._resolveFilename = origResolve;
      }
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
    checked.push(`${entries.length} entries, all under ${base}`);
    return { problems, checked, manifest };
  } finally {
    zip.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const zipPath = args.find((a) => a.endsWith('.zip'));
  const i = args.indexOf('--osd-version');
  if (!zipPath) {
    console.error('Usage: npm run verify -- build/mlModels-X.Y.Z.zip [--osd-version X.Y.Z]');
    process.exit(2);
  }
  const report = await verifyZip(path.resolve(zipPath), { osdVersion: i >= 0 ? args[i + 1] : undefined });
  for (const line of report.checked) console.log(`  ok  ${line}`);
  for (const p of report.problems) console.error(`  BAD ${p}`);
  process.exit(report.problems.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
