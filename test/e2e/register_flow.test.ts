import path from 'path';
import type { Browser, Page, Request } from 'playwright-core';
import { API_BASE } from '../../common/constants';
import type { Model } from '../../common/types';
import { api, clusterAtLeast, CLUSTER_VERSION, HOST, ok, until, waitForModelState } from '../integration/helpers';
import { launch, openPage, screenshot } from './browser';

jest.setTimeout(300000);

const GENERATED = path.resolve(__dirname, '..', 'fixtures', 'generated');
const sel = (id: string) => `[data-test-subj="${id}"]`;

/**
 * The "Register a version" flow in real Chromium against a real OpenSearch + ML Commons: the zip
 * goes through the real file chooser, is checked and hashed in the browser, uploaded in chunks
 * through the plugin's routes, and followed to REGISTERED and DEPLOYED.
 */
describe('register flow in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let requests: Request[];
  const created: { modelId?: string; groupId?: string } = {};

  beforeAll(async () => {
    browser = await launch();
    ({ page, errors } = await openPage(browser));
    requests = [];
    page.on('request', (r) => requests.push(r));
  });

  afterAll(async () => {
    await browser?.close();
    const { modelId, groupId } = created;
    if (modelId) {
      await api('POST', 'modelUndeploy', { modelId });
      await waitForModelState(modelId, ['UNDEPLOYED', 'REGISTERED', 'DEPLOY_FAILED'], 60000).catch(() => undefined);
      await api('DELETE', 'modelDelete', { modelId });
    }
    if (groupId) {
      await until('group deleted', async () => ((await api('DELETE', 'modelGroupDelete', { groupId })).status === 409 ? undefined : true), 30000);
    }
  });

  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('refuses a zip without tokenizer.json inline and sends nothing', async () => {
    await page.goto(`${HOST()}/app/mlModels/register`);
    await page.locator(sel('registerPage')).waitFor();
    requests.length = 0;
    await page.locator(sel('registerFilePicker')).setInputFiles(path.join(GENERATED, 'bad', 'no-tokenizer.zip'));
    const problem = page.locator(sel('zipProblem-missing_tokenizer'));
    await problem.waitFor();
    expect(await problem.textContent()).toContain('no tokenizer.json at the root');
    await page.locator(sel('registerSubmit')).click();
    await page.locator(sel('registerFormInvalid')).waitFor();
    await screenshot(page, 'register_bad_zip');
    const sent = requests.filter((r) => r.url().includes(`${API_BASE}/models/`) && r.method() !== 'GET');
    expect(sent.map((r) => r.url())).toEqual([]);
    expect(requests.some((r) => r.url().includes('/models/_register_meta'))).toBe(false);
  });

  it('uploads glove-semantic into a new group, reaches REGISTERED, then DEPLOYED', async () => {
    const stamp = Date.now();
    await page.goto(`${HOST()}/app/mlModels/register`);
    await page.locator(sel('registerPage')).waitFor();
    await page.locator(sel('registerFilePicker')).setInputFiles(path.join(GENERATED, 'glove-semantic', 'model.zip'));
    await page.locator(sel('zipOk')).waitFor();
    // Prefilled from the ONNX graph read in the browser.
    expect(await page.locator(sel('field-embedding_dimension')).inputValue()).toBe('100');
    expect(await page.locator(sel('field-model_type')).inputValue()).toBe('bert');
    expect(await page.locator(sel('field-model_format')).inputValue()).toBe('ONNX');

    await page.locator(sel('field-name')).fill(`e2e-register-${stamp}`);
    await page.locator(sel('field-description')).fill('registered by the browser test');
    await page.locator(`${sel('groupMode')} label:has-text("Create a new group")`).click();
    await page.locator(sel('newGroupName')).fill(`e2e-register-group-${stamp}`);
    await page.locator(sel('field-pooling_mode')).selectOption('mean');
    await page.locator(sel('field-normalize_result')).click();
    // The semantic field's space type: offered (cosine by default) from 3.1, off with the reason before.
    const space = page.locator(sel('field-space_type'));
    if (clusterAtLeast(3, 1)) {
      await until('space type default', async () => ((await space.inputValue()) === 'cosinesimil' ? true : undefined), 10000, 100);
      await space.selectOption('innerproduct');
    } else {
      await until('space type disabled', async () => ((await space.isDisabled()) ? true : undefined), 10000, 100);
      expect(await page.getByText(`Needs OpenSearch 3.1 or later: ${CLUSTER_VERSION} would drop it`).count()).toBe(1);
    }
    await page.locator('label[for="registerDeploy"]').click();
    expect(await page.locator(sel('field-deploy')).isChecked()).toBe(true);
    await screenshot(page, 'register_form');

    await page.locator(sel('registerSubmit')).click();
    await page.locator(sel('registerProgress')).waitFor();
    await screenshot(page, 'register_progress');

    const success = page.locator(sel('registerSuccess'));
    await success.waitFor({ timeout: 120000 });
    created.modelId = (await page.locator(sel('registeredModelId')).textContent()) || undefined;
    expect(created.modelId).toMatch(/^[A-Za-z0-9_-]+$/);
    const model = await ok<Model>('GET', 'model', { modelId: created.modelId! });
    created.groupId = model.model_group_id;
    expect(model.name).toBe(`e2e-register-${stamp}`);
    expect(model.model_content_hash_value).toBe('c059e6a6e778ab5ff2fe001b61d7a1fd08c93efd4dadfeff63fbe0cf363f3989');
    expect(model.model_config).toMatchObject({ model_type: 'bert', embedding_dimension: 100, pooling_mode: 'MEAN', normalize_result: true });
    expect(model.model_config?.additional_config).toEqual(clusterAtLeast(3, 1) ? { space_type: 'innerproduct' } : undefined);

    // "Deploy when registered": the page follows the deploy task to DEPLOYED.
    await page.locator(`${sel('registerResult')} ${sel('modelState-DEPLOYED')}`).waitFor({ timeout: 180000 });
    expect(['DEPLOYED']).toContain((await ok<Model>('GET', 'model', { modelId: created.modelId! })).model_state);
    expect(await page.locator(sel('registeredModelLink')).getAttribute('href')).toBe(`/app/mlModels/models/${created.modelId}`);
    const chunkPosts = requests.filter((r) => r.url().includes(`/models/${created.modelId}/chunk/`));
    expect(chunkPosts.map((r) => r.headers()['content-type'])).toEqual(['application/octet-stream']);
    await screenshot(page, 'register_success');
  });

  it('asks before the browser back button leaves a running upload; refused, the page and the upload stay, and cancel cleans up', async () => {
    const stamp = Date.now();
    // The chunk is held until the checks are done, so the upload is surely running meanwhile.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/chunk/**', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const dialogs: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => undefined);
    };
    page.on('dialog', onDialog);
    try {
      // Reached from Models inside the app, so Back stays in the app (one document).
      await page.goto(`${HOST()}/app/mlModels/models`);
      await page.locator(sel('registerModelButton')).waitFor();
      await page.locator(sel('appNav-register')).click();
      await page.locator(sel('registerPage')).waitFor();
      await page.locator(sel('registerFilePicker')).setInputFiles(path.join(GENERATED, 'glove-semantic', 'model.zip'));
      await page.locator(sel('zipOk')).waitFor();
      await page.locator(sel('field-name')).fill(`e2e-back-${stamp}`);
      await page.locator(`${sel('groupMode')} label:has-text("Create a new group")`).click();
      await page.locator(sel('newGroupName')).fill(`e2e-back-group-${stamp}`);
      await page.locator(sel('registerSubmit')).click();
      await page.locator(sel('uploadProgress')).waitFor();

      await page.evaluate(() => window.history.back());
      await until('the leave question', async () => (dialogs.length ? true : undefined), 10000, 50);
      expect(dialogs).toEqual([expect.stringContaining('The registration is still running')]);
      await until('the register URL back', async () => (page.url().endsWith('/app/mlModels/register') ? true : undefined), 10000, 50);
      await page.waitForTimeout(300);
      expect(page.url()).toMatch(/\/app\/mlModels\/register$/);
      expect(await page.locator(sel('uploadProgress')).isVisible()).toBe(true);
      expect(dialogs).toHaveLength(1);
      await screenshot(page, 'register_back_refused');

      await page.locator(sel('registerCancel')).click();
      release();
      await page.locator(sel('registerCancelled')).waitFor({ timeout: 60000 });
      expect(await page.locator(sel('registerCleanup')).textContent()).toContain('Deleted the half-registered model');
      // The entry before the page is still there: Back, now with nothing running, goes to Models.
      await page.evaluate(() => window.history.back());
      await page.locator(sel('registerModelButton')).waitFor();
      expect(dialogs).toHaveLength(1);
    } finally {
      release();
      page.off('dialog', onDialog);
      await page.unroute('**/chunk/**');
    }
  });
});
