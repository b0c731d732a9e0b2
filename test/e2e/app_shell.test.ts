import type { Browser, Page } from 'playwright-core';
import { api, HOST, loadFixture, ok, until, uploadInChunks, waitForModelState, waitForTask } from '../integration/helpers';
import { launch, openPage, screenshot } from './browser';

jest.setTimeout(240000);

/**
 * The app shell in real Chromium, served by the standalone host with the bundle that ships,
 * showing real data from a real OpenSearch + ML Commons.
 */
describe('app shell in Chromium', () => {
  const glove = loadFixture('glove-semantic');
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let groupId: string;
  let groupName: string;
  let modelId: string;

  beforeAll(async () => {
    groupName = `e2e-group-${Date.now()}`;
    groupId = (await ok('POST', 'modelGroupCreate', {}, { body: { name: groupName, description: 'browser test' } })).model_group_id;
    modelId = (await uploadInChunks(glove, { model_group_id: groupId, name: `e2e-glove-${Date.now()}` })).modelId;
    await waitForModelState(modelId, ['REGISTERED'], 30000);
    const task = await waitForTask((await ok('POST', 'modelDeploy', { modelId })).task_id);
    expect(task.state).toBe('COMPLETED');
    browser = await launch();
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    if (modelId) {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED'], 30000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId });
    }
    if (groupId) {
      await until('group deleted', async () => ((await api('DELETE', 'modelGroupDelete', { groupId })).status === 409 ? undefined : true), 30000);
    }
  });

  afterEach(() => {
    const seen = errors.splice(0);
    expect(seen).toEqual([]);
  });

  it('opens on the Models page with breadcrumbs and the deployed model', async () => {
    await page.goto(`${HOST()}/app/mlModels`);
    await page.waitForURL(/\/app\/mlModels\/models$/);
    const row = page.locator(`[data-test-subj="modelName-${modelId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('e2e-glove-');
    await page.locator('[data-test-subj="modelState-DEPLOYED"]').first().waitFor();
    expect(await page.locator('[data-test-subj="breadcrumbs"]').textContent()).toContain('Models');
    await screenshot(page, 'shell_models');
  });

  it('keeps the search and sort when a model is opened and Back is pressed', async () => {
    await page.locator('[placeholder="Search by name or id"]').fill('glove');
    await page.waitForURL(/[?&]q=glove/);
    await page.locator('thead').getByRole('button', { name: /^Name/ }).first().click();
    await page.waitForURL(/[?&]sort=name/);
    const url = page.url();
    await page.locator(`[data-test-subj="modelName-${modelId}"]`).click();
    await page.waitForURL(new RegExp(`/models/${modelId}$`));
    await page.goBack();
    await page.locator(`[data-test-subj="modelName-${modelId}"]`).waitFor();
    expect(page.url()).toBe(url);
    expect(await page.locator('[placeholder="Search by name or id"]').inputValue()).toBe('glove');
  });

  it('shows the cluster readiness checks', async () => {
    await page.locator('[data-test-subj="readinessAccordion"] button').first().click();
    await page.locator('[data-test-subj="readinessCheck-register_via_local_file"]').waitFor();
    await screenshot(page, 'shell_readiness');
  });

  it('navigates to Model groups through the side nav', async () => {
    await page.locator('[data-test-subj="appNav-modelGroups"]').click();
    await page.waitForURL(/\/model-groups$/);
    await page.locator(`[data-test-subj="modelGroupName-${groupId}"]`).waitFor();
    expect(await page.locator('[data-test-subj="breadcrumbs"]').textContent()).toContain('Model groups');
    await screenshot(page, 'shell_model_groups');
  });

  it('lists the deploy task on Tasks', async () => {
    await page.locator('[data-test-subj="appNav-tasks"]').click();
    await page.waitForURL(/\/tasks$/);
    await page.locator('[data-test-subj="tasksTable"]').getByText(modelId).first().waitFor();
    await screenshot(page, 'shell_tasks');
  });

  it('shows the deployment and its node on Deployments', async () => {
    await page.locator('[data-test-subj="appNav-deployments"]').click();
    await page.locator(`[data-test-subj="deploymentName-${modelId}"]`).waitFor();
    await page.locator(`[data-test-subj="nodeStatus-${modelId}"]`).waitFor();
    await screenshot(page, 'shell_deployments');
  });

  it('runs a prediction in the Playground', async () => {
    await page.locator('[data-test-subj="appNav-playground"]').click();
    const select = page.locator('[data-test-subj="playgroundModelSelect"]');
    await until('the model to be offered', async () => ((await select.locator(`option[value="${modelId}"]`).count()) ? true : undefined), 20000, 250);
    await select.selectOption(modelId);
    await page.locator('[data-test-subj="playgroundInput"]').fill('A man is playing a guitar.\nThe stock market fell sharply today.');
    await page.locator('[data-test-subj="playgroundRun"]').click();
    await page.locator('[data-test-subj="denseDimension-1"]').waitFor();
    expect(await page.locator('[data-test-subj="denseDimension-0"]').textContent()).toBe('100');
    await screenshot(page, 'shell_playground');
  });
});
