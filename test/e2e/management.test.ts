import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { api, HOST, loadFixture, ok, opensearch, until, uploadInChunks, waitForModelState } from '../integration/helpers';
import { ARTIFACTS, launch, openPage, screenshot } from './browser';

jest.setTimeout(300000);

const sel = (testSubj: string) => `[data-test-subj="${testSubj}"]`;

/**
 * Modals and flyouts: wait for OUI's entry animation, and shoot the viewport, since a full-page
 * capture under a scroll-locked body relayouts the page at a narrower width.
 */
/** Toasts from earlier steps would cover the page in the capture. */
async function pageScreenshot(page: Page, name: string) {
  for (const close of await page.locator(sel('toastCloseButton')).all()) await close.click().catch(() => undefined);
  await page.locator(sel('toastCloseButton')).first().waitFor({ state: 'detached' }).catch(() => undefined);
  await screenshot(page, name);
}

async function overlayScreenshot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/**
 * The management pages in real Chromium against a real OpenSearch + ML Commons: a group created in
 * the UI, a model uploaded into it through the API, then deployed, undeployed and deleted from its
 * page, the group deleted with type-to-confirm, and an abandoned upload cleaned up from Models.
 */
describe('model management in Chromium', () => {
  const glove = loadFixture('glove-semantic');
  const stamp = Date.now();
  const groupName = `e2e-manage-${stamp}`;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let groupId: string | undefined;
  let modelId: string | undefined;
  let orphanId: string | undefined;
  let orphanGroupId: string | undefined;
  let nodeId: string;

  const app = (path: string) => `${HOST()}/app/mlModels${path}`;

  beforeAll(async () => {
    const nodes = await opensearch<{ nodes: Record<string, unknown> }>('GET', '/_nodes?filter_path=nodes.*.name');
    nodeId = Object.keys(nodes.nodes)[0];
    browser = await launch();
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    // Whatever a failed step left behind.
    if (modelId) {
      await api('POST', 'modelUndeploy', { modelId });
      await api('DELETE', 'modelDelete', { modelId });
    }
    if (orphanId) await api('DELETE', 'modelDelete', { modelId: orphanId });
    for (const id of [groupId, orphanGroupId]) {
      if (id) await until('group deleted', async () => ((await api('DELETE', 'modelGroupDelete', { groupId: id })).status === 409 ? undefined : true), 30000, 500);
    }
  });

  afterEach(() => {
    const seen = errors.splice(0);
    expect(seen).toEqual([]);
  });

  it('creates a model group in the UI and opens it', async () => {
    await page.goto(app('/model-groups'));
    await page.locator(sel('modelGroupsTable')).waitFor();
    await page.locator(sel('createGroupButton')).click();
    await page.locator(sel('groupFormModal')).waitFor();
    await page.locator(sel('groupFormSubmit')).click();
    expect(await page.locator(sel('groupFormModal')).textContent()).toContain('must not be empty');
    await page.locator(sel('groupNameInput')).fill(groupName);
    await page.locator(sel('groupDescriptionInput')).fill('Created by the management browser test');
    await overlayScreenshot(page, 'manage_group_create');
    await page.locator(sel('groupFormSubmit')).click();
    await page.waitForURL(/\/model-groups\/[A-Za-z0-9_-]+$/);
    groupId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
    expect(await page.locator(sel('pageTitle')).textContent()).toBe(groupName);
    expect(await page.locator(sel('breadcrumbs')).textContent()).toContain(groupName);
    const group = await ok('GET', 'modelGroup', { groupId });
    expect(group.description).toBe('Created by the management browser test');
  });

  it('edits the group from the list and shows the saved description at once (the search lags the edit)', async () => {
    await page.goto(app('/model-groups'));
    await page.locator(sel(`editGroupButton-${groupId}`)).click();
    await page.locator(sel('groupDescriptionInput')).fill('Edited by the management browser test');
    await page.locator(sel('groupFormSubmit')).click();
    await page.locator(sel(`modelGroupRow-${groupId}`)).filter({ hasText: 'Edited by the management browser test' }).waitFor({ timeout: 5000 });
    await page.waitForTimeout(1500);
    expect(await page.locator(sel(`modelGroupRow-${groupId}`)).textContent()).toContain('Edited by the management browser test');
    // A paged table that fits shows no scrollbars (its pagination row's -12 px margins made some).
    const [scroller] = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-test-subj="scrollX"]')).map((el) => [el.scrollWidth - el.clientWidth, el.scrollHeight - el.clientHeight])
    );
    expect(scroller).toEqual([0, 0]);
    await page.goto(app(`/model-groups/${groupId}`));
    await page.locator(sel('pageTitle')).filter({ hasText: groupName }).waitFor();
  });

  it('shows a version uploaded into the group, and its page', async () => {
    modelId = (await uploadInChunks(glove, { model_group_id: groupId, name: `e2e-manage-glove-${stamp}` })).modelId;
    await waitForModelState(modelId, ['REGISTERED'], 30000);

    await page.reload();
    await page.locator(sel(`versionLink-${modelId}`)).waitFor();
    expect(await page.locator(sel('registerVersionButton')).getAttribute('href')).toContain(`/register?group=${groupId}`);
    await pageScreenshot(page, 'manage_model_group');

    await page.locator(sel(`versionLink-${modelId}`)).click();
    await page.waitForURL(new RegExp(`/models/${modelId}$`));
    await page.locator(sel('modelState-REGISTERED')).waitFor();
    expect(await page.locator(sel('modelHash')).textContent()).toBe(glove.sha256);
    expect(await page.locator(sel('modelFormat')).textContent()).toBe('ONNX');
    // The group's name arrives with a second request; until then the link shows the group id.
    await page.locator(sel('modelGroupLink')).filter({ hasText: groupName }).waitFor({ timeout: 10000 });
    expect(await page.locator(sel('modelConfig')).textContent()).toContain('embedding_dimension');
    await pageScreenshot(page, 'manage_model_version');
  });

  it('deploys from the version page and follows the task to DEPLOYED on the node', async () => {
    await page.locator(sel('deployButton')).click();
    await page.locator(sel('deployModal')).waitFor();
    await overlayScreenshot(page, 'manage_deploy_modal');
    await page.locator(sel('confirmModalConfirmButton')).click();
    await page.locator(`${sel('deployProgress')}, ${sel('deployCompleted')}`).first().waitFor();
    await page.locator(sel('deployCompleted')).waitFor({ timeout: 120000 });
    await page.locator(sel('modelState-DEPLOYED')).waitFor();
    await page.locator(sel(`nodeResponding-${nodeId}`)).waitFor();
    await page.locator(sel('taskHistory')).getByText('Deploy model').first().waitFor();
    expect(await page.locator(sel('deleteButton')).isDisabled()).toBe(true);
    await pageScreenshot(page, 'manage_model_deployed');
  });

  it('shows the deploy task with its details on Tasks, and the deployment on Deployments', async () => {
    await page.locator(sel('appNav-tasks')).click();
    await page.locator(sel('tasksModelFilter')).fill(modelId as string);
    // The filter applies after the search pause: wait until only this model's tasks are listed.
    await until('the model id filter', async () => {
      const rows = await page.locator('[data-test-subj^="taskRow-"]').allTextContents();
      return rows.length > 0 && rows.every((r) => r.includes(modelId as string)) ? true : undefined;
    }, 15000, 200);
    const row = page.locator('[data-test-subj^="taskRow-"]').filter({ hasText: 'Deploy model' }).first();
    await row.locator('[data-test-subj^="taskDetails-"]').click();
    await page.locator(sel('taskFlyout')).waitFor();
    expect(await page.locator(sel('taskFlyout')).textContent()).toContain(modelId);
    await overlayScreenshot(page, 'manage_tasks');
    await page.locator(sel('euiFlyoutCloseButton')).click();
    await page.locator(sel('taskFlyout')).waitFor({ state: 'detached' });

    await page.locator(sel('appNav-deployments')).click();
    await page.locator(sel(`nodeStatus-${modelId}`)).waitFor();
    await pageScreenshot(page, 'manage_deployments');
  });

  it('lists the model on Models with its group, and explains the cluster settings on Cluster readiness', async () => {
    await page.locator(sel('appNav-models')).click();
    await page.locator(sel('modelsSearch')).fill(`e2e-manage-glove-${stamp}`);
    await page.locator(sel(`modelRow-${modelId}`)).waitFor();
    // Group names arrive with their own request; until then the row shows the group id.
    await page.locator(sel(`modelRow-${modelId}`)).filter({ hasText: groupName }).waitFor({ timeout: 10000 });
    await pageScreenshot(page, 'manage_models');
    // The group filter finds the group by part of its name (no list of every group) and keeps it in the URL.
    await page.locator(sel('modelsSearch')).fill('');
    await page.locator(`${sel('modelsGroupFilter')} ${sel('comboBoxSearchInput')}`).fill(groupName.slice(-12));
    await page.locator(sel(`groupOption-${groupId}`)).click();
    await page.waitForURL((url) => url.searchParams.get('group') === groupId);
    await page.locator(sel(`modelRow-${modelId}`)).waitFor();
    await page.reload();
    await page.locator(sel('modelsGroupFilter')).filter({ hasText: groupName }).waitFor();
    await page.locator(sel(`modelRow-${modelId}`)).waitFor();
    await pageScreenshot(page, 'manage_models_group_filter');

    await page.locator(sel('appNav-cluster')).click();
    await page.locator(sel('settingRow-allow_registering_model_via_local_file')).waitFor();
    await pageScreenshot(page, 'manage_cluster');
  });

  it('keeps a long unbroken name inside the window, at 1400 px and at 800 px (its buttons stay reachable)', async () => {
    const long = `e2e_manage_${'sentence_transformers_multilingual_'.repeat(4)}${stamp}`;
    await ok('PUT', 'modelUpdate', { modelId: modelId as string }, { body: { name: long } });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    const rightEdge = (testSubj: string) => page.locator(sel(testSubj)).evaluate((el) => el.getBoundingClientRect().right);
    try {
      for (const width of [1400, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(app(`/models/${modelId}`));
        await page.locator(sel('pageTitle')).filter({ hasText: long }).waitFor();
        expect(await fits()).toBe(true);
        expect(await rightEdge('undeployButton')).toBeLessThanOrEqual(width);
        await pageScreenshot(page, `manage_long_name_${width}`);
        // The list scrolls its table sideways rather than squeezing its columns.
        await page.goto(app(`/models?q=${encodeURIComponent(long)}`));
        await page.locator(sel(`modelRow-${modelId}`)).waitFor();
        expect(await fits()).toBe(true);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('undeploys and deletes the version from its page', async () => {
    await page.goto(app(`/models/${modelId}`));
    await page.locator(sel('modelState-DEPLOYED')).waitFor();
    await page.locator(sel('undeployButton')).click();
    await page.locator(sel('undeployModal')).waitFor();
    await page.locator(sel('confirmModalConfirmButton')).click();
    await page.locator(sel('modelState-UNDEPLOYED')).waitFor({ timeout: 30000 });

    await page.locator(sel('deleteButton')).click();
    await page.locator(sel('deleteModelModal')).waitFor();
    await page.locator(sel('confirmModalConfirmButton')).click();
    await page.waitForURL(new RegExp(`/model-groups/${groupId}$`));
    await page.locator(sel('versionsTable')).getByText('This group has no versions yet.').waitFor();
    expect((await api('GET', 'model', { modelId: modelId as string })).status).toBe(404);
    modelId = undefined;
  });

  it('deletes the group once its name is typed', async () => {
    // ML Commons deletes a model's chunk documents by query after answering, and refuses (409) to
    // delete a group any document still names: wait for the chunks to go, as a user would retry.
    await until('the deleted model\'s chunks to go', async () => {
      const res = await opensearch<{ count: number }>('POST', '/.plugins-ml-model/_count', { query: { term: { model_group_id: groupId } } });
      return res.count === 0 ? true : undefined;
    }, 30000, 500);
    await page.locator(sel('deleteGroupButton')).click();
    await page.locator(sel('deleteGroupModal')).waitFor();
    expect(await page.locator(sel('confirmModalConfirmButton')).isDisabled()).toBe(true);
    await page.locator(sel('deleteGroupModal-input')).fill(groupName);
    await overlayScreenshot(page, 'manage_group_delete');
    await page.locator(sel('confirmModalConfirmButton')).click();
    await page.waitForURL(/\/model-groups$/);
    await until('the group to be gone', async () => ((await api('GET', 'modelGroup', { groupId: groupId as string })).status === 404 ? true : undefined), 15000, 500);
    groupId = undefined;
  });

  it('finds an abandoned upload (meta registered, no chunks) and cleans it up from Models', async () => {
    const name = `e2e-orphan-${stamp}`;
    orphanId = (
      await ok<{ model_id: string }>('POST', 'modelRegisterMeta', {}, {
        body: {
          name,
          function_name: glove.function_name,
          model_format: glove.model_format,
          model_content_hash_value: glove.sha256,
          model_content_size_in_bytes: glove.size_bytes,
          total_chunks: 1,
          model_config: glove.model_config,
        },
      })
    ).model_id;
    const orphan = await ok('GET', 'model', { modelId: orphanId });
    expect(orphan.model_state).toBe('REGISTERING');
    // Registering without a group made one named like the model: remove it at the end.
    orphanGroupId = orphan.model_group_id;

    // Age 0 instead of waiting; the search keeps the cleanup to this test's own upload.
    await page.goto(app('/models?orphanMinutes=0'));
    await page.locator(sel('modelsSearch')).fill(name);
    await page.locator(sel(`modelRow-${orphanId}`)).waitFor();
    // Other suites may have uploads of their own in flight: wait until the search narrows the
    // callout to this one, and untick anything else in the confirmation all the same.
    await until('the callout to count only this upload', async () => {
      const text = (await page.locator(sel('orphanCallout')).textContent().catch(() => '')) || '';
      return text.includes('1 upload stuck in Registering') ? true : undefined;
    }, 15000, 200);
    await pageScreenshot(page, 'manage_models_orphan');
    // A one-word state stays on one line at 1400 px (it broke as "Registere / d" in a narrow column).
    const state = page.locator(`${sel(`modelRow-${orphanId}`)} ${sel('modelState-REGISTERING')}`);
    const lineHeight = await state.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 21);
    expect((await state.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
    await page.locator(sel('orphanCleanupButton')).click();
    await page.locator(sel(`orphan-${orphanId}`)).waitFor();
    for (const box of await page.locator(`${sel('orphanCleanupModal')} input[type=checkbox]`).all()) {
      if ((await box.getAttribute('id')) !== `orphan-${orphanId}` && (await box.isChecked())) await box.uncheck();
    }
    expect(await page.locator(sel('confirmModalConfirmButton')).textContent()).toBe('Delete 1');
    await overlayScreenshot(page, 'manage_orphan_cleanup');
    await page.locator(sel('confirmModalConfirmButton')).click();
    await page.locator(sel('orphanCallout')).waitFor({ state: 'detached' });
    await page.locator(sel('modelsTable')).getByText('No models match the search or filters.').waitFor();
    expect((await api('GET', 'model', { modelId: orphanId })).status).toBe(404);
    orphanId = undefined;
  });
});
