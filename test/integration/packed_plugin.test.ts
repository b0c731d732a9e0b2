import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'fs';
import os from 'os';
import path from 'path';
import type { NativeInspectResult, PredictResponse } from '../../common/types';
import { HttpHost, startHttpHost } from '../../dev/http_host';
import { RouterAdapter } from '../../dev/router_adapter';
import { FakeTransport } from '../mocks/fake_transport';
import { silentLogger } from '../mocks/route_test_host';
import { loadFixture, norm } from './helpers';

jest.setTimeout(180000);

const ROOT = path.resolve(__dirname, '..', '..');
const OSD_VERSION = '2.19.2';

/**
 * The zip that ships, not the source tree: packed, unzipped the way OSD's installer lays it out
 * (`<osd>/plugins/mlModels`), loaded from there with only `@osd/config-schema` coming from "OSD",
 * and run: native inspect and predict go through the zip's own sidecar and its own (pruned)
 * onnxruntime-node.
 */
describe('the packed plugin', () => {
  let osdRoot: string;
  let pluginDir: string;
  let host: HttpHost;
  let instance: { setup(core: unknown, deps: unknown): unknown; stop(): Promise<void> | void };
  const tinyBert = loadFixture('tiny-bert');

  beforeAll(async () => {
    const packed = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'pack.mjs'), '--osd-version', OSD_VERSION], { encoding: 'utf8' });
    expect(packed.status).toBe(0);
    osdRoot = mkdtempSync(path.join(os.tmpdir(), 'mlm-packed-'));
    const unzip = spawnSync('unzip', ['-q', path.join(ROOT, 'build', `mlModels-${OSD_VERSION}.zip`), '-d', path.join(osdRoot, 'extract')]);
    expect(unzip.status).toBe(0);
    mkdirSync(path.join(osdRoot, 'plugins'));
    pluginDir = path.join(osdRoot, 'plugins', 'mlModels');
    renameSync(path.join(osdRoot, 'extract', 'opensearch-dashboards', 'mlModels'), pluginDir);
    // What OSD's own node_modules provides to plugins.
    mkdirSync(path.join(osdRoot, 'node_modules', '@osd'), { recursive: true });
    symlinkSync(path.join(ROOT, 'shims', 'osd-config-schema'), path.join(osdRoot, 'node_modules', '@osd', 'config-schema'));

    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const server = require(path.join(pluginDir, 'server'));
    const config = server.config.schema.validate({ native: { cacheDir: path.join(osdRoot, 'cache'), intraOpThreads: 1 } });
    instance = server.plugin({
      config: { create: () => ({ subscribe: (cb: (v: unknown) => void) => (cb(config), { unsubscribe() {} }) }) },
      logger: { get: () => silentLogger },
    });
    const transport = new FakeTransport();
    const router = new RouterAdapter({
      logger: silentLogger,
      createContext: () => ({ core: { opensearch: { client: { asCurrentUser: { transport }, asInternalUser: { transport } } } } }),
    });
    instance.setup({ http: { createRouter: () => router } }, {});
    host = await startHttpHost({ router });
  });

  afterAll(async () => {
    await instance?.stop();
    await host?.close();
    if (osdRoot) rmSync(osdRoot, { recursive: true, force: true });
  });

  it('carries linux-x64 onnxruntime binaries only', () => {
    const bin = path.join(pluginDir, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6');
    expect(existsSync(path.join(bin, 'linux', 'x64', 'onnxruntime_binding.node'))).toBe(true);
    expect(existsSync(path.join(bin, 'darwin'))).toBe(false);
    expect(existsSync(path.join(bin, 'win32'))).toBe(false);
    expect(existsSync(path.join(bin, 'linux', 'arm64'))).toBe(false);
  });

  it('inspects and runs a model natively from the installed zip', async () => {
    const zip = readFileSync(tinyBert.zipPath);
    const headers = { 'osd-xsrf': 'test', 'content-type': 'application/octet-stream' };
    const inspectRes = await fetch(`${host.url}/api/ml-models/native/inspect`, { method: 'POST', headers, body: zip as unknown as BodyInit });
    expect(inspectRes.status).toBe(200);
    const inspected = (await inspectRes.json()) as NativeInspectResult;
    expect(inspected.sha256).toBe(tinyBert.sha256);
    expect(inspected.inputs.map((i) => i.name).sort()).toEqual(['attention_mask', 'input_ids', 'token_type_ids']);

    const predictRes = await fetch(`${host.url}/api/ml-models/native/predict/text_embedding/${tinyBert.sha256}`, {
      method: 'POST',
      headers: { 'osd-xsrf': 'test', 'content-type': 'application/json' },
      body: JSON.stringify({ text_docs: ['hello world'], model_config: tinyBert.model_config }),
    });
    expect(predictRes.status).toBe(200);
    const out = ((await predictRes.json()) as PredictResponse).inference_results[0].output![0];
    expect(out.shape).toEqual([32]);
    expect(norm(out.data as number[])).toBeCloseTo(1, 5);
  });
});
