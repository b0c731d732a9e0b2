/**
 * The plugin on a cluster with the Security plugin (2.19 with its demo configuration, started by
 * the global setup): every call reaches the cluster as the person making it, the cluster's
 * refusals come back with their own status and reason, and the native cache shared by every
 * Dashboards user only serves a zip to its owners and to those the cluster shows it deployed to
 * and lets predict.
 */
import { promises as fs } from 'fs';
import type { NativeModelsResponse, PredictResponse } from '../../common/types';
import {
  api,
  Credentials,
  HOST,
  loadFixture,
  ok,
  opensearchCall,
  until,
  uploadInChunks,
  waitForModelState,
  waitForTask,
} from '../integration/helpers';
import { asAdmin, createUsers, removeUsers, testUser } from './cluster_users';

jest.setTimeout(300000);

const alice = testUser('alice', 'ml_full_access', ['team-a']);
const bob = testUser('bob', 'ml_full_access', ['team-b']);
const reader = testUser('reader', 'ml_read_access');
const outsider = testUser('outsider', 'none');
const users = [alice, bob, reader, outsider];
const run = Date.now().toString(36);

const groups: string[] = [];
const models: string[] = [];

beforeAll(() => createUsers(users));

afterAll(async () => {
  for (const id of models) {
    await opensearchCall('POST', `/_plugins/_ml/models/${id}/_undeploy`);
    await opensearchCall('DELETE', `/_plugins/_ml/models/${id}`);
  }
  for (const id of groups) await opensearchCall('DELETE', `/_plugins/_ml/model_groups/${id}`);
  await removeUsers(users);
});

async function createGroup(owner: Credentials, name: string, accessMode: 'private' | 'public') {
  const { model_group_id } = await ok<{ model_group_id: string }>('POST', 'modelGroupCreate', {}, { body: { name, access_mode: accessMode }, user: owner });
  groups.push(model_group_id);
  return model_group_id;
}

describe('who is calling', () => {
  it('asks for credentials, and refuses wrong ones, with a Basic challenge', async () => {
    const anonymous = await fetch(new URL('/api/ml-models/models', HOST()));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
    const wrong = await api('GET', 'models', {}, { user: { username: alice.username, password: 'not-her-password' } });
    expect(wrong.status).toBe(401);
  });

  it('creates a model group as its caller: the cluster records her as its owner', async () => {
    const id = await createGroup(alice, `sec-owner-${run}`, 'private');
    const direct = await asAdmin('GET', `/_plugins/_ml/model_groups/${id}`);
    expect(direct.owner.name).toBe(alice.username);
    expect(direct.access).toBe('private');
  });
});

describe("the cluster's rules, passed through", () => {
  let privateGroup: string;
  const name = `sec-private-${run}`;
  beforeAll(async () => {
    privateGroup = await createGroup(alice, name, 'private');
  });

  it("lists someone's private group for her and not for anyone else", async () => {
    const mine = await ok('GET', 'modelGroups', {}, { query: { search: name }, user: alice });
    expect(mine.items.map((g: { id: string }) => g.id)).toEqual([privateGroup]);
    const theirs = await ok('GET', 'modelGroups', {}, { query: { search: name }, user: bob });
    expect(theirs.items).toEqual([]);
  });

  it("refuses another user her private group with ML Commons' own status and reason", async () => {
    const direct = await opensearchCall('GET', `/_plugins/_ml/model_groups/${privateGroup}`, { user: bob });
    expect(direct.status).toBe(403);
    const res = await api('GET', 'modelGroup', { groupId: privateGroup }, { user: bob });
    expect([res.status, res.body.message]).toEqual([direct.status, direct.body.error.reason]);
  });

  it("lets a read-only user list, and passes the Security plugin's refusal of a write through", async () => {
    expect((await api('GET', 'modelGroups', {}, { user: reader })).status).toBe(200);
    const body = { name: `sec-reader-${run}` };
    const direct = await opensearchCall('POST', '/_plugins/_ml/model_groups/_register', { body, user: reader });
    expect(direct.status).toBe(403);
    const res = await api('POST', 'modelGroupCreate', {}, { body, user: reader });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(direct.body.error.reason);
    expect(res.body.message).toMatch(/no permissions for \[cluster:admin\/opensearch\/ml\/register_model_group\]/);
  });

  it('refuses a user without ML permissions the model list, as the cluster does', async () => {
    const res = await api('GET', 'models', {}, { user: outsider });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/no permissions for \[cluster:admin\/opensearch\/ml\/models\/search\]/);
  });
});

describe('the shared native cache', () => {
  const fx = loadFixture('tiny-bert');
  const docs = { text_docs: ['who may run this zip'] };
  const vector = (r: PredictResponse) => r.inference_results?.[0]?.output?.[0]?.data as number[];
  const listed = async (u: Credentials) => (await ok<NativeModelsResponse>('GET', 'nativeModels', {}, { user: u })).models.map((m) => m.sha256);

  it('serves a zip its owner inspected to her only', async () => {
    const inspected = await ok('POST', 'nativeInspect', {}, { raw: await fs.readFile(fx.zipPath), user: alice });
    expect(inspected.sha256).toBe(fx.sha256);
    const own = vector(await ok<PredictResponse>('POST', 'nativePredict', { functionName: 'text_embedding', sha256: fx.sha256 }, { body: docs, user: alice }));
    expect(own).toHaveLength(32);
    expect(await listed(alice)).toContain(fx.sha256);

    expect(await listed(bob)).not.toContain(fx.sha256);
    const res = await api('POST', 'nativePredict', { functionName: 'text_embedding', sha256: fx.sha256 }, { body: docs, user: bob });
    expect([res.status, res.body.attributes?.code]).toEqual([404, 'model_not_cached']);
  });

  it('serves it to another user once the cluster shows him that zip deployed', async () => {
    const group = await createGroup(alice, `sec-public-${run}`, 'public');
    const { modelId } = await uploadInChunks(fx, { model_group_id: group }, alice);
    models.push(modelId);
    await waitForModelState(modelId, ['REGISTERED'], undefined, alice);
    // Registered is not enough: the hash is only what its registrant declared until a deploy checks it.
    expect(await listed(bob)).not.toContain(fx.sha256);

    const { task_id } = await ok<{ task_id: string }>('POST', 'modelDeploy', { modelId }, { user: alice });
    expect((await waitForTask(task_id, undefined, alice)).state).toBe('COMPLETED');
    // The model's search catches up with its deploy within a refresh (about a second).
    await until('bob to be shown the deployed model', async () => ((await listed(bob)).includes(fx.sha256) ? true : undefined), 15000, 250);
    // The same zip and config as hers (the config is the one her upload registered, which replaced
    // the one her inspect suggested, so her earlier vector is no reference).
    const predictAs = (u: Credentials) => ok<PredictResponse>('POST', 'nativePredict', { functionName: 'text_embedding', sha256: fx.sha256 }, { body: docs, user: u });
    expect(vector(await predictAs(bob))).toEqual(vector(await predictAs(alice)));
    // The outsider cannot even search models; the reader sees the deployed model, but the cluster
    // refuses him its predict, so running its zip here is refused too.
    expect(await listed(outsider)).not.toContain(fx.sha256);
    expect((await api('GET', 'model', { modelId }, { user: reader })).status).toBe(200);
    const direct = await opensearchCall('POST', `/_plugins/_ml/models/${modelId}/_predict`, { body: docs, user: reader });
    expect([direct.status, direct.body.error?.reason]).toEqual([403, expect.stringMatching(/no permissions for \[cluster:admin\/opensearch\/ml\/predict\]/)]);
    expect(await listed(reader)).not.toContain(fx.sha256);
    const refused = await api('POST', 'nativePredict', { functionName: 'text_embedding', sha256: fx.sha256 }, { body: docs, user: reader });
    expect([refused.status, refused.body.attributes?.code]).toEqual([404, 'model_not_cached']);
  });

  it('serves it to no one else while its owner has the model disabled, as the cluster refuses its predict', async () => {
    const modelId = models[models.length - 1];
    await ok('PUT', 'modelUpdate', { modelId }, { body: { is_enabled: false }, user: alice });
    try {
      // Still DEPLOYED, but ML Commons refuses every predict of it.
      const direct = await opensearchCall('POST', `/_plugins/_ml/models/${modelId}/_predict`, { body: docs, user: bob });
      expect([direct.status, direct.body.error?.reason]).toEqual([403, 'Model is disabled.']);
      await until('the disabled model to leave bob\'s list', async () => (!(await listed(bob)).includes(fx.sha256) ? true : undefined), 15000, 250);
      const refused = await api('POST', 'nativePredict', { functionName: 'text_embedding', sha256: fx.sha256 }, { body: docs, user: bob });
      expect([refused.status, refused.body.attributes?.code]).toEqual([404, 'model_not_cached']);
      // Her own bytes stay hers to run.
      expect(await listed(alice)).toContain(fx.sha256);
    } finally {
      await ok('PUT', 'modelUpdate', { modelId }, { body: { is_enabled: true }, user: alice });
    }
  });
});
