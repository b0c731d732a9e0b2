#!/usr/bin/env node
/**
 * Builds what ships and what the standalone host serves:
 *  - target/public/mlModels.plugin.js: one IIFE in OSD's bundle contract (__osdBundles__.define,
 *    shared deps from __osdSharedDeps__, no code splitting);
 *  - target/server/{server,common}/**.js: the server plugin as CommonJS, file by file, as OSD's
 *    plugin-helpers would transpile it;
 *  - target/dev/*: the standalone host and its browser harness (never packed).
 */
import { build, transform } from 'esbuild';
import { createRequire } from 'module';
import { promises as fs } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import { osdSharedDepsPlugin, sharedDepsEntrySource } from './lib/osd_shared_deps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = path.join(ROOT, 'target');
const PLUGIN_ID = 'mlModels';
const require = createRequire(import.meta.url);

async function listSources(dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '__tests__' || entry.name === '__mocks__') continue;
      out.push(...(await listSources(full)));
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|mock)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

export async function buildServer() {
  const outRoot = path.join(TARGET, 'server');
  await fs.rm(outRoot, { recursive: true, force: true });
  let count = 0;
  for (const dir of ['server', 'common']) {
    for (const file of await listSources(path.join(ROOT, dir))) {
      const src = await fs.readFile(file, 'utf8');
      const rel = path.relative(ROOT, file);
      const { code } = await transform(src, {
        loader: file.endsWith('.tsx') ? 'tsx' : 'ts',
        format: 'cjs',
        // OSD 2.19 runs its server on Node 18.
        target: 'node18',
        sourcefile: rel,
      });
      const out = path.join(outRoot, rel.replace(/\.tsx?$/, '.js'));
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, code);
      count++;
    }
  }
  return count;
}

export async function buildPublic({ production = true } = {}) {
  const outfile = path.join(TARGET, 'public', `${PLUGIN_ID}.plugin.js`);
  // OSD's optimizer emits a bundle that registers its public entry under this key; core then
  // reads `__osdBundles__.get('plugin/<id>/public').plugin`.
  const entry = `
    import * as pluginExports from './public/index';
    __osdBundles__.define('plugin/${PLUGIN_ID}/public', function () { return pluginExports; }, 'plugin/${PLUGIN_ID}/public');
  `;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'osd_bundle_entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    outfile,
    minify: production,
    sourcemap: false,
    splitting: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    loader: { '.scss': 'text', '.css': 'text' },
    plugins: [osdSharedDepsPlugin()],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((p) => /node_modules\/(react|react-dom|@elastic\/eui|@opensearch-project\/oui|moment|rxjs|lodash)\//.test(p));
  if (leaked.length) throw new Error(`Shared dependencies were bundled instead of taken from __osdSharedDeps__: ${leaked.slice(0, 5).join(', ')}`);
  return outfile;
}

/**
 * OUI loads each icon with `require(variable)`, which OSD's webpack resolves through a require
 * context. For the standalone host's shared-deps bundle, the same map is written out explicitly.
 */
function ouiIconAssetsPlugin() {
  return {
    name: 'oui-icon-assets',
    setup(build) {
      build.onLoad({ filter: /[\\/]@(elastic|opensearch-project)[\\/](eui|oui)[\\/]lib[\\/](components|eui_components)[\\/]icon[\\/]icon\.js$/ }, async (args) => {
        const src = await fs.readFile(args.path, 'utf8');
        const assets = (await fs.readdir(path.join(path.dirname(args.path), 'assets'))).filter((f) => f.endsWith('.js'));
        const map = assets.map((f) => `  ${JSON.stringify(`./assets/${f}`)}: function () { return require(${JSON.stringify(`./assets/${f}`)}); }`).join(',\n');
        const patched = src.replace('return _interopRequireWildcard(require(s));', 'return _interopRequireWildcard(__ouiIconAssets[s]());');
        if (patched === src) throw new Error('OUI icon loader not found: update ouiIconAssetsPlugin for this OUI version');
        return { contents: `var __ouiIconAssets = {\n${map}\n};\n${patched}`, loader: 'js' };
      });
    },
  };
}

export async function buildDevHost() {
  const outdir = path.join(TARGET, 'dev');
  await fs.mkdir(outdir, { recursive: true });
  const resolvable = (mod) => {
    try {
      require.resolve(mod);
      return true;
    } catch {
      return false;
    }
  };
  await Promise.all([
    build({
      entryPoints: [path.join(ROOT, 'dev', 'standalone.ts')],
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      packages: 'external',
      outfile: path.join(outdir, 'standalone.js'),
      logLevel: 'warning',
    }),
    build({
      stdin: { contents: sharedDepsEntrySource(resolvable), resolveDir: ROOT, sourcefile: 'shared_deps.js' },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2019'],
      outfile: path.join(outdir, 'shared_deps.js'),
      define: { 'process.env.NODE_ENV': '"development"', global: 'window' },
      // OSD provides its fork @opensearch/datemath (not on npm); the upstream original has the same API.
      alias: { '@opensearch/datemath': '@elastic/datemath' },
      plugins: [ouiIconAssetsPlugin()],
      logLevel: 'warning',
    }),
    build({
      entryPoints: [path.join(ROOT, 'dev', 'harness', 'harness.tsx')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2019'],
      outfile: path.join(outdir, 'harness.js'),
      plugins: [osdSharedDepsPlugin()],
      logLevel: 'warning',
    }),
    fs.copyFile(require.resolve('@elastic/eui/dist/eui_theme_light.css'), path.join(outdir, 'eui_theme_light.css')),
    fs.copyFile(path.join(ROOT, 'dev', 'harness', 'index.html'), path.join(outdir, 'index.html')),
  ]);
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const t0 = Date.now();
  const files = await buildServer();
  const bundle = await buildPublic({ production: !args.has('--dev') });
  if (!args.has('--no-dev-host')) await buildDevHost();
  const size = (await fs.stat(bundle)).size;
  console.log(`built ${files} server files, ${path.relative(ROOT, bundle)} (${(size / 1024).toFixed(0)} KiB) in ${Date.now() - t0} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
