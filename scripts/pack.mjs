#!/usr/bin/env node
/**
 * `npm run pack -- --osd-version X.Y.Z` -> build/mlModels-X.Y.Z.zip, in the layout OSD's
 * installer expects (opensearch-dashboards/mlModels/...), the way plugin-helpers would build it:
 * stamped manifest, server JS, public bundle, production dependencies. Then re-checks the zip.
 */
import { promises as fs, createWriteStream } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import yazl from 'yazl';
import { buildPublic, buildServer } from './build.mjs';
import { checkManifest, SEMVER_XYZ } from './lib/manifest_rules.mjs';
import { verifyZip } from './verify_zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN_ID = 'mlModels';
const PREFIX = `opensearch-dashboards/${PLUGIN_ID}`;
// Fixed timestamps make the zip depend on its content only.
const MTIME = new Date('2020-01-01T00:00:00Z');

/** Native binaries of onnxruntime-node that OSD on linux-x64 never loads. */
const PRUNE = [/^onnxruntime-node\/bin\/napi-v\d+\/(darwin|win32)\//, /^onnxruntime-node\/bin\/napi-v\d+\/linux\/arm64\//];

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--osd-version') args.osdVersion = argv[++i];
    else if (argv[i].startsWith('--osd-version=')) args.osdVersion = argv[i].split('=')[1];
    else if (argv[i] === '--skip-build') args.skipBuild = true;
  }
  return args;
}

/** The production dependency closure, from the lockfile (what `npm install --production` would install). */
async function productionPackages() {
  const lock = JSON.parse(await fs.readFile(path.join(ROOT, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([p, meta]) => p.startsWith('node_modules/') && !meta.dev && !meta.devOptional && !meta.link)
    .filter(([, meta]) => !meta.optional || !meta.os || meta.os.includes('linux'))
    .map(([p]) => p);
}

async function walk(dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export async function pack({ osdVersion, skipBuild = false }) {
  if (!SEMVER_XYZ.test(osdVersion || '')) throw new Error('Usage: npm run pack -- --osd-version X.Y.Z (the exact OpenSearch Dashboards version)');
  if (!skipBuild) {
    await buildServer();
    await buildPublic({ production: true });
  }
  const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const manifest = JSON.parse(await fs.readFile(path.join(ROOT, 'opensearch_dashboards.json'), 'utf8'));
  // One zip per exact OSD version: the runtime refuses any other x.y.z.
  const stamped = { ...manifest, version: `${osdVersion}.0`, opensearchDashboardsVersion: osdVersion };
  const problems = checkManifest(stamped, osdVersion);
  if (problems.length) throw new Error(`Manifest rejected: ${problems.join('; ')}`);

  const files = []; // [zip path, source path | Buffer]
  files.push(['opensearch_dashboards.json', Buffer.from(`${JSON.stringify(stamped, null, 2)}\n`)]);
  const runtimePkg = {
    name: pkg.name,
    version: stamped.version,
    description: pkg.description,
    license: pkg.license,
    private: true,
    dependencies: pkg.dependencies,
  };
  files.push(['package.json', Buffer.from(`${JSON.stringify(runtimePkg, null, 2)}\n`)]);
  for (const dir of ['server', 'common']) {
    for (const file of await walk(path.join(ROOT, 'target', 'server', dir))) {
      files.push([path.relative(path.join(ROOT, 'target', 'server'), file), file]);
    }
  }
  files.push([`target/public/${PLUGIN_ID}.plugin.js`, path.join(ROOT, 'target', 'public', `${PLUGIN_ID}.plugin.js`)]);
  const assets = path.join(ROOT, 'public', 'assets');
  if (await fs.stat(assets).catch(() => null)) {
    for (const file of await walk(assets)) files.push([path.relative(ROOT, file), file]);
  }
  let pruned = 0;
  for (const pkgDir of await productionPackages()) {
    const abs = path.join(ROOT, pkgDir);
    if (!(await fs.stat(abs).catch(() => null))) throw new Error(`Production dependency ${pkgDir} is not installed: run npm ci`);
    for (const file of await walk(abs)) {
      const rel = path.relative(ROOT, file);
      const inner = rel.slice('node_modules/'.length);
      if (PRUNE.some((re) => re.test(inner))) {
        pruned++;
        continue;
      }
      // A package's own nested node_modules are listed in the lockfile on their own (and walked then).
      if (path.relative(abs, file).split(path.sep).includes('node_modules')) continue;
      files.push([rel, file]);
    }
  }

  const zipPath = path.join(ROOT, 'build', `${PLUGIN_ID}-${osdVersion}.zip`);
  await fs.mkdir(path.dirname(zipPath), { recursive: true });
  const zip = new yazl.ZipFile();
  files.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [rel, src] of files) {
    const name = `${PREFIX}/${rel.split(path.sep).join('/')}`;
    if (Buffer.isBuffer(src)) zip.addBuffer(src, name, { mtime: MTIME, mode: 0o100644 });
    else {
      const { mode } = await fs.stat(src);
      zip.addFile(src, name, { mtime: MTIME, mode: (mode & 0o111 ? 0o100755 : 0o100644) });
    }
  }
  zip.end();
  await new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(zipPath)).on('close', resolve).on('error', reject);
  });
  const { size } = await fs.stat(zipPath);
  return { zipPath, entries: files.length, size, pruned };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const { zipPath, entries, size, pruned } = await pack(args);
  console.log(`packed ${entries} files into ${path.relative(ROOT, zipPath)} (${(size / 1048576).toFixed(1)} MiB; ${pruned} non-linux-x64 native files left out) in ${Date.now() - t0} ms`);
  const report = await verifyZip(zipPath, { osdVersion: args.osdVersion });
  for (const line of report.checked) console.log(`  ok  ${line}`);
  if (report.problems.length) {
    for (const p of report.problems) console.error(`  BAD ${p}`);
    process.exit(1);
  }
  console.log(`verified ${path.relative(ROOT, zipPath)}: install with bin/opensearch-dashboards-plugin install file://${zipPath}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
