/**
 * The app in real Chromium on a cluster with the Security plugin, each user signed in with their
 * own credentials: a version registered into a new public group is there for another user, and
 * what the cluster refuses a read-only user is shown with the cluster's reason.
 */
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { Model } from '../../common/types';
import { HOST, ok, opensearchCall } from '../integration/helpers';
import { launch, screenshot } from '../e2e/browser';
import { asAdmin, createUsers, removeUsers, TestUser, testUser } from './cluster_users';

jest.setTimeout(300000);

const GENERATED = path.resolve(__dirname, '..', 'fixtures', 'generated');
const sel = (id: string) => `[data-test-subj="${id}"]`;
const alice = testUser('web-alice', 'ml_full_access');
const bob = testUser('web-bob', 'ml_full_access');
const reader = testUser('web-reader', 'ml_read_access');
const users = [alice, bob, reader];
const stamp = Date.now().toString(36);

let browser: Browser;
const created: { modelId?: string; groupId?: string } = {};

/** A page signed in as `u` (the host asks with a Basic challenge, as OSD with the Security plugin does). */
async function pageAs(u: TestUser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, httpCredentials: { username: u.username, password: u.password } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { page, errors };
}

beforeAll(async () => {
  await createUsers(users);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (created.modelId) await opensearchCall('DELETE', `/_plugins/_ml/models/${created.modelId}`);
  if (created.groupId) await opensearchCall('DELETE', `/_plugins/_ml/model_groups/${created.groupId}`);
  await removeUsers(users);
});

it('registers a version into a new public group, which another user can then open', async () => {
  const { page, errors } = await pageAs(alice);
  await page.goto(`${HOST()}/app/mlModels/register`);
  await page.locator(sel('registerPage')).waitFor();
  await page.locator(sel('registerFilePicker')).setInputFiles(path.join(GENERATED, 'tiny-bert', 'model.zip'));
  await page.locator(sel('zipOk')).waitFor();
  await page.locator(sel('field-name')).fill(`sec-web-${stamp}`);
  await page.locator(`${sel('groupMode')} label:has-text("Create a new group")`).click();
  await page.locator(sel('newGroupName')).fill(`sec-web-group-${stamp}`);
  // Offered because the cluster has model access control on (read from its settings as alice).
  await page.locator(sel('groupAccessInput')).selectOption('public');
  await screenshot(page, 'security_register_public_group');
  await page.locator(sel('registerSubmit')).click();
  await page.locator(sel('registerSuccess')).waitFor({ timeout: 120000 });
  created.modelId = (await page.locator(sel('registeredModelId')).textContent()) || undefined;
  const model = await ok<Model>('GET', 'model', { modelId: created.modelId! }, { user: alice });
  created.groupId = model.model_group_id;
  const group = await asAdmin('GET', `/_plugins/_ml/model_groups/${created.groupId}`);
  expect([group.name, group.access, group.owner.name]).toEqual([`sec-web-group-${stamp}`, 'public', alice.username]);
  expect(errors).toEqual([]);

  const other = await pageAs(bob);
  await other.page.goto(`${HOST()}/app/mlModels/models/${created.modelId}`);
  await other.page.locator(sel('modelState-REGISTERED')).waitFor();
  expect(await other.page.locator(sel('pageTitle')).textContent()).toContain(`sec-web-${stamp}`);
  expect(other.errors).toEqual([]);
});

it("shows a read-only user the Security plugin's reason when it refuses him a new group", async () => {
  const { page, errors } = await pageAs(reader);
  await page.goto(`${HOST()}/app/mlModels/model-groups`);
  await page.locator(sel('modelGroupsTable')).waitFor();
  await page.locator(sel('createGroupButton')).click();
  await page.locator(sel('groupNameInput')).fill(`sec-web-refused-${stamp}`);
  await page.locator(sel('groupFormSubmit')).click();
  const modal = page.locator(sel('groupFormModal'));
  await modal.getByText(/no permissions for \[cluster:admin\/opensearch\/ml\/register_model_group\]/).waitFor();
  await screenshot(page, 'security_reader_group_refused');
  expect(errors).toEqual([]);
});
