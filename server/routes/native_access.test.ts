import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { NativeModelsResponse } from '../../common/types';
import { mlError, nodesAt } from '../../test/mocks/fake_transport';
import { RouteTestHost, silentLogger, startRouteTestHost } from '../../test/mocks/route_test_host';
import type { HttpAuth } from '../../types/osd';
import { PERMISSION_PROBE_MODEL_ID } from '../services/predict_service';
import { compileSidecar } from '../sidecar/__tests__/compile_sidecar';
import { createNativeRuntime, NativeRuntime } from '../sidecar/native_runtime';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

jest.setTimeout(60000);
const API = '/api/ml-models';
const octet = { 'content-type': 'application/octet-stream' };
const entry = compileSidecar();
const tinyBert = fixtures.loadFixture('tiny-bert');
const zip = readFileSync(tinyBert.zipPath);

/** OSD's auth as the Security plugin fills it: the user's authinfo, here named by a test header. */
const securityAuth: HttpAuth = {
  get: (request) => ({ status: 'authenticated', state: { authInfo: { user_name: String(request.headers['x-test-user']) } } }),
};
const as = (user: string) => ({ 'x-test-user': user });
const hashHit = (sha: string) => ({ hits: { total: { value: 1 }, hits: [{ _id: 'm1', _source: { model_content_hash_value: sha } }] } });
const noHits = { hits: { total: { value: 0 }, hits: [] } };

describe('who may use a zip in the shared native cache', () => {
  let dir: string;
  let rt: NativeRuntime;
  let t: RouteTestHost;
  async function start(auth?: HttpAuth) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mlm-native-access-'));
    rt = createNativeRuntime({ cacheDir: dir, intraOpThreads: 1 }, silentLogger, { entry, backoffMs: 50 });
    t = await startRouteTestHost({ native: rt, auth });
  }
  afterEach(async () => {
    await t.close();
    await rt.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });
  const predict = (user: string) => t.call('POST', `${API}/native/predict/text_embedding/${tinyBert.sha256}`, { body: { text_docs: ['hello'] }, headers: as(user) });
  const listed = async (user: string) => ((await t.call('GET', `${API}/native/models`, { headers: as(user) })).body as NativeModelsResponse).models.map((m) => m.sha256);

  it('without an auth plugin everyone is one user: all zips listed and run, the cluster never asked', async () => {
    await start();
    expect((await t.call('POST', `${API}/native/inspect`, { raw: zip, headers: { ...octet, ...as('alice') } })).status).toBe(200);
    expect(await listed('bob')).toEqual([tinyBert.sha256]);
    expect((await predict('bob')).status).toBe(200);
    expect(t.transport.calls).toEqual([]);
  });

  it('with security, a zip is usable by who sent it and by users the cluster shows a model with its hash', async () => {
    await start(securityAuth);
    expect((await t.call('POST', `${API}/native/inspect`, { raw: zip, headers: { ...octet, ...as('alice') } })).status).toBe(200);
    // The sender: no cluster call.
    expect(await listed('alice')).toEqual([tinyBert.sha256]);
    expect((await predict('alice')).status).toBe(200);
    expect(t.transport.calls).toEqual([]);

    // Someone else with no model of that hash in sight: not listed, and predict answers as for an unknown zip.
    t.transport.reply(noHits).reply(noHits);
    expect(await listed('bob')).toEqual([]);
    const refused = await predict('bob');
    expect([refused.status, refused.body.attributes?.code]).toEqual([404, 'model_not_cached']);
    const search = t.transport.calls[0];
    expect([search.method, search.path]).toEqual(['POST', '/_plugins/_ml/models/_search']);
    expect((search.body as any).query.bool.filter).toEqual([{ terms: { model_content_hash_value: [tinyBert.sha256] } }, { terms: { model_state: ['DEPLOYED', 'PARTIALLY_DEPLOYED'] } }]);

    // The cluster shows bob a deployed model with that hash (ML Commons applied his group access)
    // and lets him predict (its predict on no model answers 404, not 403): usable. That answer is
    // reused, the search is not.
    t.transport.reply(hashHit(tinyBert.sha256)).fail(404, mlError(404, 'status_exception', 'Failed to find model')).reply(hashHit(tinyBert.sha256));
    const before = t.transport.calls.length;
    expect(await listed('bob')).toEqual([tinyBert.sha256]);
    expect((await predict('bob')).status).toBe(200);
    const probe = t.transport.calls[before + 1];
    expect([probe.method, probe.path]).toEqual(['POST', `/_plugins/_ml/_predict/text_embedding/${PERMISSION_PROBE_MODEL_ID}`]);
    expect(t.transport.calls.length).toBe(before + 3);

    // Shown the model but refused predict by the cluster (ml_read_access): not for him here either.
    t.transport.reply(hashHit(tinyBert.sha256)).fail(403, mlError(403, 'security_exception', 'no permissions for [cluster:admin/opensearch/ml/predict]'));
    t.transport.reply(hashHit(tinyBert.sha256));
    expect(await listed('frank')).toEqual([]);
    expect([(await predict('frank')).status, t.transport.calls.length]).toEqual([404, before + 6]);

    // The cluster cannot answer: only one's own zips (fails closed).
    t.transport.fail(403, mlError(403, 'security_exception', 'no permissions for [cluster:admin/opensearch/ml/models/search]'));
    expect((await predict('carol')).status).toBe(404);

    // The sidecar's status lists the loaded model to those who may use it, and to no one else.
    const loaded = async (user: string) => (await t.call('GET', `${API}/native/status`, { headers: as(user) })).body.models.map((m: { sha256: string }) => m.sha256);
    expect(await loaded('alice')).toEqual([tinyBert.sha256]);
    expect((await t.call('GET', `${API}/native/status`, { headers: as('alice') })).body.cache.dir).toBeUndefined();
    t.transport.reply(noHits);
    expect(await loaded('erin')).toEqual([]);
  });

  it('with security, a model its owner disabled gives no one else its zip: ML Commons refuses its predict ("Model is disabled.")', async () => {
    await start(securityAuth);
    expect((await t.call('POST', `${API}/native/inspect`, { raw: zip, headers: { ...octet, ...as('alice') } })).status).toBe(200);
    t.transport.reply(noHits);
    expect(await listed('bob')).toEqual([]);
    const search = t.transport.calls[0];
    expect([search.method, search.path]).toEqual(['POST', '/_plugins/_ml/models/_search']);
    // A deployed model stays DEPLOYED when disabled (is_enabled: false), so the state alone does not say it.
    expect((search.body as any).query.bool.must_not).toContainEqual({ term: { is_enabled: false } });
  });

  it('with security, users without a name own nothing: one nameless user cannot list or run what another sent', async () => {
    // An auth plugin that authenticates without naming the user (no authinfo.user_name).
    await start({ get: () => ({ status: 'authenticated', state: {} }) });
    expect((await t.call('POST', `${API}/native/inspect`, { raw: zip, headers: octet })).status).toBe(200);
    t.transport.reply(noHits).reply(noHits);
    expect(await listed('anyone')).toEqual([]);
    expect((await predict('anyone')).status).toBe(404);
    expect((await rt.cache.readMeta(tinyBert.sha256))?.owners).toBeUndefined();
  });

  it('with security, a chunk upload makes its registering user an owner of the cached zip', async () => {
    await start(securityAuth);
    t.transport.reply(nodesAt('2.19.6')).reply({ model_id: 'm1', status: 'CREATED' });
    const meta = await t.call('POST', `${API}/models/_register_meta`, {
      headers: as('dave'),
      body: {
        name: 'x',
        function_name: 'TEXT_EMBEDDING',
        model_format: 'ONNX',
        model_content_hash_value: tinyBert.sha256,
        model_content_size_in_bytes: zip.length,
        total_chunks: 1,
        model_config: tinyBert.model_config,
      },
    });
    expect(meta.status).toBe(200);
    t.transport.reply({ name: 'm', model_state: 'REGISTERING', total_chunks: 1 }).reply({ status: 'Uploaded' });
    expect((await t.call('POST', `${API}/models/m1/chunk/0`, { raw: zip, headers: { ...octet, ...as('dave') } })).status).toBe(200);
    await rt.uploads.settled();
    expect(await rt.cache.readMeta(tinyBert.sha256)).toMatchObject({ source: 'upload', owners: ['dave'] });
    const calls = t.transport.calls.length;
    expect((await predict('dave')).status).toBe(200);
    expect(t.transport.calls.length).toBe(calls);
  });
});
