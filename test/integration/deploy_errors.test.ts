import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import type { Task } from '../../common/types';
import { taskErrors } from '../../public/components/tasks/task_error';
import { api, loadFixture, ok, uploadInChunks, waitForModelState, waitForTask } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { loadBadFixtures } = require('../../scripts/fixtures/fixtures.cjs');

jest.setTimeout(180000);

/** What a deploy of a broken zip answers on a real node, and what the pages make of it. */
describe('deploy errors against a real ML Commons', () => {
  let groupId: string;
  let modelId: string | undefined;
  beforeAll(async () => {
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: `it-deploy-errors-${Date.now()}` } })).model_group_id;
  });
  afterAll(async () => {
    if (modelId) {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED', 'DEPLOY_FAILED'], 60000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId });
    }
    await api('DELETE', 'modelGroupDelete', { groupId });
  });

  it('a tokenizer.json that is not JSON fails the deploy with words naming no file; the task error gets a hint that does', async () => {
    const bad = loadBadFixtures().find((f: { name: string }) => f.name === 'bad-tokenizer');
    const zip = readFileSync(bad.path);
    const tinyBert = loadFixture('tiny-bert');
    // Registered as if it were tiny-bert: ML Commons checks nothing inside the zip until the deploy.
    const fixture = { ...tinyBert, name: 'bad-tokenizer', zipPath: bad.path, size_bytes: zip.length, sha256: createHash('sha256').update(zip).digest('hex') };
    modelId = (await uploadInChunks(fixture, { model_group_id: groupId })).modelId;
    await waitForModelState(modelId, ['REGISTERED'], 60000);
    const { task_id } = await ok('POST', 'modelDeploy', { modelId });
    const task = (await waitForTask(task_id)) as Task;
    expect(task.state).toBe('FAILED');
    const entries = taskErrors(task.error!, 'DEPLOY_MODEL');
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.message).toMatch(/ at line \d+ column \d+$/);
      expect(entry.message).not.toMatch(/tokenizer/i);
      expect(entry.hint).toMatch(/^the zip's tokenizer.json could not be read/);
    }
  });
});
