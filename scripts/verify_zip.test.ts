import { spawnSync } from 'child_process';
import { mkdtempSync, createWriteStream, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import yazl from 'yazl';

const ROOT = path.resolve(__dirname, '..');
const VALID_MANIFEST = {
  id: 'mlModels',
  version: '2.19.2.0',
  opensearchDashboardsVersion: '2.19.2',
  server: true,
  ui: true,
  requiredPlugins: [],
  optionalPlugins: ['dataSource'],
};
const SERVER = `const { schema } = require('@osd/config-schema');
exports.config = { schema: schema.object({ enabled: schema.boolean({ defaultValue: true }) }) };
exports.plugin = () => ({ setup() {}, start() {}, stop() {} });`;
const BUNDLE = `(function(){var R=window.__osdSharedDeps__.React;__osdBundles__.define("plugin/mlModels/public",function(){return {plugin:function(){}}},"plugin/mlModels/public");})();`;

type Files = Record<string, string>;
const base = (over: Files = {}, manifest: object = VALID_MANIFEST): Files => ({
  'opensearch-dashboards/mlModels/opensearch_dashboards.json': JSON.stringify(manifest),
  'opensearch-dashboards/mlModels/package.json': JSON.stringify({ name: 'dashboards-ml-models', version: '2.19.2.0' }),
  'opensearch-dashboards/mlModels/server/index.js': SERVER,
  'opensearch-dashboards/mlModels/target/public/mlModels.plugin.js': BUNDLE,
  ...over,
});

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'verify-test-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function zipOf(files: Files, name: string): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [entry, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), entry);
  zip.end();
  const file = path.join(tmp, `${name}.zip`);
  await new Promise((resolve) => zip.outputStream.pipe(createWriteStream(file)).on('close', resolve));
  return file;
}

function verify(file: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'verify_zip.mjs'), file, '--osd-version', '2.19.2'], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

describe('verify_zip (the installer and manifest parser rules)', () => {
  it('accepts a zip in the installer layout', async () => {
    const r = verify(await zipOf(base(), 'good'));
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('server/index.js exports plugin() and a config schema');
  });

  it.each([
    ['an unknown manifest key (fatal in 2.19)', base({}, { ...VALID_MANIFEST, unsupportedOSDataSourceEngineTypes: [] }), 'unrecognized properties: unsupportedOSDataSourceEngineTypes'],
    ['a target version that is not the OSD version', base({}, { ...VALID_MANIFEST, opensearchDashboardsVersion: '2.19.3' }), 'does not equal the target OSD version'],
    ['the literal "opensearchDashboards" version', base({}, { ...VALID_MANIFEST, opensearchDashboardsVersion: 'opensearchDashboards' }), 'not a concrete x.y.z version'],
    ['neither server nor ui', base({}, { ...VALID_MANIFEST, server: false, ui: false }), 'both "server" and "ui"'],
    ['no server entry', (() => { const f = base(); delete f['opensearch-dashboards/mlModels/server/index.js']; return f; })(), 'missing server/index.js'],
    ['a bundle with its own React', base({ 'opensearch-dashboards/mlModels/target/public/mlModels.plugin.js': `${BUNDLE}var __SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED={}` }), 'own copy of React'],
    ['a bundle that never registers itself', base({ 'opensearch-dashboards/mlModels/target/public/mlModels.plugin.js': 'window.__osdSharedDeps__;' }), '__osdBundles__.define'],
    ['the config-schema stand-in shipped', base({ 'opensearch-dashboards/mlModels/node_modules/@osd/config-schema/index.js': '' }), 'dev-only files shipped'],
    ['TypeScript sources shipped', base({ 'opensearch-dashboards/mlModels/server/plugin.ts': '' }), 'dev-only files shipped'],
    ['an entry outside the plugin folder', base({ 'opensearch-dashboards/other/x.js': '' }), 'entries outside'],
    ['server code needing a package that is not shipped', base({ 'opensearch-dashboards/mlModels/server/index.js': `require('left-pad');${SERVER}` }), 'requires "left-pad"'],
    ['a missing production dependency', base({ 'opensearch-dashboards/mlModels/package.json': JSON.stringify({ dependencies: { yauzl: '3.2.0' } }) }), 'production dependency yauzl is missing'],
  ])('rejects %s', async (_what, files, problem) => {
    const r = verify(await zipOf(files, _what.replace(/\W+/g, '_')));
    expect(r.status).toBe(1);
    expect(r.err).toContain(problem);
  });

  it('rejects a plugin id the installer refuses', async () => {
    const manifest = { ...VALID_MANIFEST, id: 'ml_models' };
    const files: Files = {};
    for (const [k, v] of Object.entries(base({}, manifest))) files[k.replace('/mlModels/', '/ml_models/')] = v;
    const r = verify(await zipOf(files, 'bad_id'));
    expect(r.status).toBe(1);
    expect(r.err).toContain('is not camelCase');
  });
});
