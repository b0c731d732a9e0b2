import '../../../test/mocks/public_blob';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import path from 'path';
import React from 'react';
import { Route } from 'react-router-dom';
import { routePath } from '../../../common/routes';
import type { ReadinessCheck, ReadinessResponse } from '../../../common/types';
import { fileFromDisk, GENERATED } from '../../../test/mocks/public_blob';
import { modelGroup, page } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, FakeHttp, httpError, RouteTable } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import type { HttpFetchOptions } from '../../../types/osd';
import * as sha256 from '../../lib/sha256';
import { RegisterPage } from './register_page';

jest.setTimeout(30000);

const GLOVE = path.join(GENERATED, 'glove-semantic', 'model.zip');
const META = routePath('modelRegisterMeta');
const chunkPath = (n: number) => routePath('modelUploadChunk', { modelId: 'm1', chunkNumber: n });

async function setup({
  post = {},
  del = {},
  modelState = 'REGISTERED',
  search = '?group=g1',
  version,
  settings = [],
}: { post?: RouteTable; del?: RouteTable; modelState?: string; search?: string; version?: string; settings?: ReadinessResponse['settings'] } = {}) {
  const http = createFakeHttp({
    get: {
      // Without a version the readiness read fails, as it does for a user without cluster rights.
      ...(version ? { [routePath('readiness')]: { settings, checks: [], nodes: [], version } } : {}),
      [routePath('modelGroups')]: page([modelGroup({ id: 'g1', name: 'embeddings' })]),
      [routePath('modelGroup', { groupId: 'g1' })]: modelGroup({ id: 'g1', name: 'embeddings' }),
      [routePath('model', { modelId: 'm1' })]: () => ({ id: 'm1', name: 'glove', model_version: '3', model_state: modelState }),
    },
    post: {
      [META]: { model_id: 'm1', status: 'CREATED' },
      [chunkPath(0)]: { status: 'Uploaded' },
      ...post,
    },
    delete: { [routePath('modelDelete', { modelId: 'm1' })]: { result: 'deleted' }, ...del },
  });
  const r = renderWithServices(<Route path="/register" component={RegisterPage} />, { http, path: `/register${search}` });
  await pageLoaded(http);
  return { http, ...r };
}

/**
 * The page's first reads (readiness, the group search, the preselected group) answer at once here,
 * but a refused readiness read shows nothing to wait for: await their answers inside act, so the
 * page the test goes on with has them all (and no state update lands after the test).
 */
async function pageLoaded(http: FakeHttp) {
  await act(async () => {
    await Promise.allSettled(http.get.mock.results.map((r) => r.value));
  });
}

async function pick(file: string, name = path.basename(file)) {
  const f = await fileFromDisk(file, name);
  await act(async () => {
    fireEvent.change(screen.getByTestId('registerFilePicker'), { target: { files: [f] } });
  });
  return f;
}

/** The real zip is hashed and its graph read in jsdom: more than the default 1 s on a loaded box. */
/** The register page on a cluster whose readiness has these checks (and nothing else of note). */
function renderWithChecks(version: string, checks: ReadinessCheck[]) {
  const http = createFakeHttp({
    get: {
      [routePath('readiness')]: { settings: [], nodes: [], version, checks },
      [routePath('modelGroups')]: page([]),
    },
  });
  renderWithServices(<Route path="/register" component={RegisterPage} />, { http, path: '/register' });
  return http;
}

const zipChecked = () => screen.findByTestId('zipOk', {}, { timeout: 10000 });
const posted = (http: FakeHttp, p: string) => http.post.mock.calls.filter((c) => c[0] === p);

/** A request that never answers until it is aborted, as core's fetch then rejects. */
const hangsUntilAborted = (_p: string, o?: HttpFetchOptions) =>
  new Promise((_resolve, reject) => o?.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));

describe('RegisterPage', () => {
  it('shows why a bad zip is refused and sends nothing', async () => {
    const { http } = await setup();
    await pick(path.join(GENERATED, 'bad', 'no-tokenizer.zip'));
    expect(await screen.findByTestId('zipProblem-missing_tokenizer')).toHaveTextContent('no tokenizer.json at the root');
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerFormInvalid')).toBeInTheDocument();
    expect(screen.getByText(/The zip has a problem/)).toBeInTheDocument();
    expect(http.post).not.toHaveBeenCalled();
  });

  it('takes a zip without a model file as a sparse tokenizer: prefilled so, no native check, refused as anything else', async () => {
    const { http } = await setup();
    await pick(path.join(GENERATED, 'bad', 'no-model.zip'));
    await zipChecked();
    expect(screen.getByTestId('zipOk')).toHaveTextContent('654 B, 1 entry: tokenizer.json and no model file at the root, no executables.');
    expect(screen.getByTestId('field-function_name')).toHaveValue('SPARSE_TOKENIZE');
    expect(screen.getByTestId('field-model_format')).toHaveValue('TORCH_SCRIPT');
    expect(screen.getByText(/a sparse tokenizer \(Sparse tokenize\)/)).toBeInTheDocument();
    expect(screen.queryByTestId('nativeCheck')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('field-function_name'), { target: { value: 'TEXT_EMBEDDING' } });
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByText(/only Sparse tokenize registers without one/)).toBeInTheDocument();
    expect(http.post).not.toHaveBeenCalled();
  });

  it('prefills the config from the ONNX graph and validates fields with the shared messages', async () => {
    const { http } = await setup();
    await pick(GLOVE, 'glove-semantic.zip');
    await zipChecked();
    expect(screen.getByTestId('onnxSignature')).toHaveTextContent('sentence_embedding');
    expect(screen.getByTestId('field-embedding_dimension')).toHaveValue('100');
    expect(screen.getByTestId('field-model_type')).toHaveValue('bert');
    expect(screen.getByTestId('field-framework_type')).toHaveValue('sentence_transformers');
    expect(screen.getByTestId('field-model_format')).toHaveValue('ONNX');
    expect(screen.getByTestId('field-name')).toHaveValue('glove-semantic');

    fireEvent.change(screen.getByTestId('field-name'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('field-embedding_dimension'), { target: { value: '0' } });
    fireEvent.change(screen.getByTestId('field-all_config'), { target: { value: '{oops' } });
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByText('must not be empty')).toBeInTheDocument();
    expect(screen.getByText('must be at least 1')).toBeInTheDocument();
    expect(screen.getByText(/^must be valid JSON/)).toBeInTheDocument();
    expect(http.post).not.toHaveBeenCalled();

    // Fixing a field clears its message at once.
    fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'glove' } });
    expect(screen.queryByText('must not be empty')).not.toBeInTheDocument();
  });

  it('warns, without blocking, where an edited config contradicts the graph it read', async () => {
    await setup();
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.change(screen.getByTestId('field-model_type'), { target: { value: 'distilbert' } });
    fireEvent.change(screen.getByTestId('field-embedding_dimension'), { target: { value: '64' } });
    expect(screen.getByTestId('warning-model_type')).toHaveTextContent('The graph takes token_type_ids');
    expect(screen.getByTestId('warning-embedding_dimension')).toHaveTextContent("The graph's output is 100 wide");
    expect(screen.getByTestId('registerSubmit')).toBeEnabled();
  });

  it('reads a cross-encoder zip as text similarity, and warns where the function or the pooling would fail the user', async () => {
    await setup();
    await pick(path.join(GENERATED, 'glove-cross', 'model.zip'), 'cross.zip');
    await zipChecked();
    expect(screen.getByTestId('field-function_name')).toHaveValue('TEXT_SIMILARITY');
    expect(screen.getByTestId('field-embedding_dimension')).toHaveValue('1');
    expect(screen.queryByTestId('warning-function_name')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('field-function_name'), { target: { value: 'TEXT_EMBEDDING' } });
    expect(screen.getByTestId('warning-function_name')).toHaveTextContent('The graph reads as text similarity');

    fireEvent.change(screen.getByTestId('field-pooling_mode'), { target: { value: 'max' } });
    fireEvent.click(screen.getByTestId('field-normalize_result'));
    expect(screen.getByTestId('warning-normalize_result')).toHaveTextContent('every value becomes 1 or -1');
    expect(screen.getByTestId('registerSubmit')).toBeEnabled();
  });

  it('offers the native check: posts the zip to the sidecar and shows what it found, or why it did not run', async () => {
    let answer: unknown = httpError(503, 'The native sidecar is disabled (ml_models.native.enabled: false)');
    const { http } = await setup({ post: { [routePath('nativeInspect')]: () => answer } });
    const file = await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(screen.getByTestId('nativeCheckButton'));
    expect(await screen.findByTestId('nativeCheckError')).toHaveTextContent('The native sidecar is disabled');
    expect(screen.getByTestId('nativeCheckError')).toHaveTextContent('Registering does not depend on it.');
    // A refusal of the zip itself is not "an extra opinion": the cluster reads the same file.
    answer = httpError(400, 'tokenizer.json could not be loaded: missing field `model`', { code: 'invalid_tokenizer' });
    fireEvent.click(screen.getByTestId('nativeCheckButton'));
    await waitFor(() => expect(screen.getByTestId('nativeCheckError')).toHaveTextContent('missing field `model`'));
    expect(screen.getByTestId('nativeCheckError')).toHaveTextContent('ML Commons would fail on the same file when it deploys the model');
    answer = {
      sha256: 'c0', size_bytes: file.size, format: 'ONNX', files: [], sparse_vocab_output: false, cached: true, embedding_dimension: 100,
      inputs: [{ name: 'input_ids', type: 'int64', shape: ['batch', 'sequence'] }],
      outputs: [{ name: 'sentence_embedding', type: 'float32', shape: ['batch', 100] }],
      problems: [{ code: 'no_idf', severity: 'warning', message: 'no idf.json' }],
      suggested: { function_name: 'TEXT_EMBEDDING', model_format: 'ONNX', model_config: { model_type: 'bert', embedding_dimension: 100 } },
    };
    fireEvent.click(screen.getByTestId('nativeCheckButton'));
    expect(await screen.findByTestId('nativeCheckResult')).toHaveTextContent('sentence_embedding float32 [batch, 100]');
    const sent = posted(http, routePath('nativeInspect'))[1][1] as HttpFetchOptions;
    expect(sent.body).toBe(file);
    expect(sent.headers).toEqual({ 'Content-Type': 'application/octet-stream' });
    expect(posted(http, META)).toHaveLength(0);
  });

  it('hashes, registers, uploads the chunk as octet-stream, and links to the REGISTERED model', async () => {
    const { http, history } = await setup();
    const file = await pick(GLOVE, 'glove-semantic.zip');
    await zipChecked();
    await waitFor(() => expect(screen.getByTestId('groupSelect')).toHaveTextContent('embeddings'));
    // Nobody could read the cluster's version (readiness refused): the space type's help says what that means.
    expect(screen.getByText(/the cluster's version could not be read, and an older one drops it/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('registerSubmit'));

    expect(await screen.findByTestId('registerSuccess', {}, { timeout: 10000 })).toHaveTextContent('version 3');
    const meta = JSON.parse(posted(http, META)[0][1].body);
    expect(meta).toEqual({
      name: 'glove-semantic',
      function_name: 'TEXT_EMBEDDING',
      model_format: 'ONNX',
      // The cluster's version is unknown here: the route checks it again before sending.
      model_config: { model_type: 'bert', embedding_dimension: 100, framework_type: 'sentence_transformers', additional_config: { space_type: 'cosinesimil' } },
      model_group_id: 'g1',
      model_content_hash_value: 'c059e6a6e778ab5ff2fe001b61d7a1fd08c93efd4dadfeff63fbe0cf363f3989',
      model_content_size_in_bytes: file.size,
      total_chunks: 1,
    });
    const chunk = posted(http, chunkPath(0))[0][1] as HttpFetchOptions;
    expect(chunk.headers).toEqual({ 'Content-Type': 'application/octet-stream' });
    expect((chunk.body as Blob).size).toBe(file.size);
    expect(screen.getByTestId('registeredModelLink')).toHaveAttribute('href', history.createHref({ pathname: '/models/m1' }));
    expect(screen.getByTestId('modelState-REGISTERED')).toBeInTheDocument();
  });

  it('stores a space type for semantic fields on 3.1+ (cosinesimil unless changed), not on 2.19, and never for other functions', async () => {
    const metaOf = (http: FakeHttp) => JSON.parse(posted(http, META)[0][1].body).model_config;
    const newer = await setup({ version: '3.6.0' });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    await waitFor(() => expect(screen.getByTestId('field-space_type')).toHaveValue('cosinesimil'));
    expect(screen.getByTestId('field-space_type')).toBeEnabled();
    fireEvent.change(screen.getByTestId('field-space_type'), { target: { value: 'innerproduct' } });
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerSuccess', {}, { timeout: 10000 })).toBeInTheDocument();
    expect(metaOf(newer.http).additional_config).toEqual({ space_type: 'innerproduct' });
    newer.unmount();

    const older = await setup({ version: '2.19.6' });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    await waitFor(() => expect(screen.getByTestId('field-space_type')).toBeDisabled());
    expect(screen.getByText('Needs OpenSearch 3.1 or later: 2.19.6 would drop it')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerSuccess', {}, { timeout: 10000 })).toBeInTheDocument();
    expect(metaOf(older.http).additional_config).toBeUndefined();

    fireEvent.click(screen.getByTestId('registerAnother'));
    fireEvent.change(screen.getByTestId('field-function_name'), { target: { value: 'TEXT_SIMILARITY' } });
    expect(screen.queryByTestId('field-space_type')).not.toBeInTheDocument();
    older.unmount();
  });

  it('says, under "Deploy when registered", what readiness knows would fail the deploy', async () => {
    const http = renderWithChecks('3.6.0', [
      { id: 'model_capacity', ok: false, message: 'node-1 holds 10 of at most 10 models (plugins.ml_commons.max_model_on_node).' },
      { id: 'register_via_url', ok: false, message: 'URL registration is off.' },
    ]);
    await waitFor(() => expect(http.get).toHaveBeenCalledWith(routePath('readiness'), expect.anything()));
    expect(screen.queryByTestId('deployBlocker-model_capacity')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('field-deploy'));
    expect(await screen.findByTestId('deployBlocker-model_capacity')).toHaveTextContent('The deploy would likely fail: node-1 holds 10 of at most 10 models');
    // Only what concerns the deploy.
    expect(screen.queryByTestId('deployBlocker-register_via_url')).not.toBeInTheDocument();
  });

  it('says at once when the setting the chosen source needs is off (before a zip is picked and checked)', async () => {
    renderWithChecks('2.19.6', [
      { id: 'register_via_local_file', ok: false, message: 'Uploading a local file is off: set plugins.ml_commons.allow_registering_model_via_local_file to true.' },
      { id: 'register_via_url', ok: true, message: 'Models can be registered from a URL.' },
    ]);
    expect(await screen.findByTestId('sourceBlocker')).toHaveTextContent('Uploading a local file is off: set plugins.ml_commons.allow_registering_model_via_local_file to true.');
    expect(within(screen.getByTestId('sourceBlocker')).getByText('Cluster readiness')).toHaveAttribute('href', '/cluster');
    fireEvent.click(screen.getByTestId('source-url'));
    await waitFor(() => expect(screen.queryByTestId('sourceBlocker')).not.toBeInTheDocument());
  });

  it('retries a chunk after a 503 and shows it', async () => {
    let calls = 0;
    const { http } = await setup({
      post: {
        [chunkPath(0)]: () => {
          calls++;
          return calls === 1 ? httpError(503, 'all shards failed') : { status: 'Uploaded' };
        },
      },
    });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('uploadRetry', {}, { timeout: 10000 })).toHaveTextContent('Chunk 1 failed (all shards failed); attempt 2');
    await screen.findByTestId('registerSuccess', {}, { timeout: 10000 });
    expect(posted(http, chunkPath(0))).toHaveLength(2);
    expect(http.delete).not.toHaveBeenCalled();
  });

  it('keeps the submit button in place, busy, while registering: a double click neither cancels nor starts twice', async () => {
    const { http } = await setup({
      post: {
        [chunkPath(0)]: hangsUntilAborted,
      },
    });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(screen.getByTestId('registerSubmit'));
    fireEvent.click(screen.getByTestId('registerSubmit'));
    await screen.findByTestId('uploadProgress', {}, { timeout: 10000 });
    const submit = screen.getByTestId('registerSubmit');
    expect(submit).toBeDisabled();
    expect(submit).toHaveTextContent('Registering…');
    fireEvent.click(submit);
    expect(screen.queryByTestId('registerCancelled')).not.toBeInTheDocument();
    expect(posted(http, META)).toHaveLength(1);
    // Cancel sits below the busy button, not where the pointer was.
    expect(submit.compareDocumentPosition(screen.getByTestId('registerCancel')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(screen.getByTestId('registerCancel'));
    expect(await screen.findByTestId('registerCancelled')).toBeInTheDocument();
  });

  it('cancels a running upload and deletes the half-registered model', async () => {
    const unload = jest.spyOn(window, 'addEventListener');
    const { http } = await setup({
      post: {
        // The chunk request hangs until it is aborted, as a slow network would.
        [chunkPath(0)]: hangsUntilAborted,
      },
    });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(screen.getByTestId('registerSubmit'));
    await screen.findByTestId('uploadProgress', {}, { timeout: 10000 });
    expect(unload.mock.calls.some((c) => c[0] === 'beforeunload')).toBe(true);
    fireEvent.click(screen.getByTestId('registerCancel'));
    expect(await screen.findByTestId('registerCancelled')).toBeInTheDocument();
    expect(http.delete).toHaveBeenCalledWith(routePath('modelDelete', { modelId: 'm1' }));
    expect(screen.getByTestId('registerCleanup')).toHaveTextContent('Deleted the half-registered model m1');
    unload.mockRestore();
  });

  it('asks before leaving for another page (of this app or of OSD) while uploading, and keeps the upload when the user stays', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    const { http, history, services } = await setup({
      post: { [chunkPath(0)]: hangsUntilAborted },
    });
    expect(services.leaveGuard.message).toBeUndefined();
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(screen.getByTestId('registerSubmit'));
    await screen.findByTestId('uploadProgress', {}, { timeout: 10000 });
    // Another app (OSD's side nav) asks the app-leave handler, which reads this.
    expect(services.leaveGuard.message).toMatch(/Leaving this page cancels it and deletes what it has made so far where it can \(a partly uploaded model/);
    act(() => history.push('/models'));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/registration is still running/));
    expect(history.location.pathname).toBe('/register');
    expect(screen.getByTestId('uploadProgress')).toBeInTheDocument();
    expect(http.delete).not.toHaveBeenCalled();
    // Cancelled here, nothing is left to guard.
    fireEvent.click(screen.getByTestId('registerCancel'));
    expect(await screen.findByTestId('registerCancelled')).toBeInTheDocument();
    expect(services.leaveGuard.message).toBeUndefined();
    act(() => history.push('/models'));
    expect(history.location.pathname).toBe('/models');
    expect(confirm).toHaveBeenCalledTimes(1);
    confirm.mockRestore();
  });

  it('left mid-upload (confirmed): the upload is cancelled, what it made is deleted, and a toast says so', async () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(true);
    const { http, history, toasts } = await setup({ post: { [chunkPath(0)]: hangsUntilAborted } });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(screen.getByTestId('registerSubmit'));
    await screen.findByTestId('uploadProgress', {}, { timeout: 10000 });
    act(() => history.push('/models'));
    expect(history.location.pathname).toBe('/models');
    await waitFor(() => expect(toasts.addWarning).toHaveBeenCalledWith({ title: 'Registration of glove cancelled', text: expect.stringContaining('Deleted the half-registered model m1') }));
    expect(http.delete).toHaveBeenCalledWith(routePath('modelDelete', { modelId: 'm1' }));
    confirm.mockRestore();
  });

  it('says why the hash of the zip for a URL could not be computed', async () => {
    const hash = jest.spyOn(sha256, 'cachedSha256').mockRejectedValueOnce(new Error('The file could not be read; it was changed or moved.'));
    await setup();
    fireEvent.click(screen.getByTestId('source-url'));
    await pick(GLOVE, 'glove.zip');
    expect(await screen.findByTestId('urlHashError-message')).toHaveTextContent('The file could not be read; it was changed or moved.');
    expect(screen.getByTestId('field-hash')).toHaveValue('');
    hash.mockRestore();
  });

  /**
   * By URL: glove.zip is dropped and hashed for real, then tiny.zip, whose hash is `second`
   * (a promise that never settles, or fails).
   */
  async function secondZipByUrl(second: () => Promise<string>) {
    const real = sha256.cachedSha256;
    const hash = jest.spyOn(sha256, 'cachedSha256').mockImplementation((file, opts) => ((file as File).name === 'tiny.zip' ? second() : real(file, opts)));
    const { http } = await setup();
    fireEvent.click(screen.getByTestId('source-url'));
    fireEvent.change(screen.getByTestId('field-url'), { target: { value: 'http://127.0.0.1:8000/model.zip' } });
    await pick(GLOVE, 'glove.zip');
    await waitFor(() => expect(screen.getByTestId('field-hash')).toHaveValue('c059e6a6e778ab5ff2fe001b61d7a1fd08c93efd4dadfeff63fbe0cf363f3989'));
    await pick(path.join(GENERATED, 'tiny-bert', 'model.zip'), 'tiny.zip');
    return { http, hash };
  }

  it('by URL, waits for the second zip\'s hash instead of sending the first zip\'s', async () => {
    // The second one never finishes here.
    const { http, hash } = await secondZipByUrl(() => new Promise(() => undefined));
    await zipChecked();
    await waitFor(() => expect(hash.mock.calls.some((c) => (c[0] as File).name === 'tiny.zip')).toBe(true));
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByText("The zip's SHA-256 is still being computed; the hash fills in when it is done.")).toBeInTheDocument();
    expect(http.post).not.toHaveBeenCalled();
    hash.mockRestore();
  });

  it("by URL, does not keep the first zip's hash when the second zip's cannot be computed", async () => {
    const { http, hash } = await secondZipByUrl(() => Promise.reject(new Error('The file could not be read; it was changed or moved.')));
    expect(await screen.findByTestId('urlHashError-message')).toHaveTextContent('The file could not be read');
    expect(screen.getByTestId('field-hash')).toHaveValue('');
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerFormInvalid')).toBeInTheDocument();
    expect(http.post).not.toHaveBeenCalled();
    hash.mockRestore();
  });

  it("shows ML Commons' reason when registering fails, and removes the group it created", async () => {
    const reason = 'To upload custom model from local file, user needs to enable allow_registering_model_via_local_file settings.';
    const { http } = await setup({
      search: '',
      post: { [META]: httpError(400, reason), [routePath('modelGroupCreate')]: { model_group_id: 'g-new', status: 'CREATED' } },
      del: { [routePath('modelGroupDelete', { groupId: 'g-new' })]: { result: 'deleted' } },
    });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(within(screen.getByTestId('groupMode')).getByLabelText('Create a new group'));
    fireEvent.change(screen.getByTestId('newGroupName'), { target: { value: 'fresh group' } });
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerFailure-message', {}, { timeout: 10000 })).toHaveTextContent(reason);
    expect(JSON.parse(posted(http, routePath('modelGroupCreate'))[0][1].body)).toEqual({ name: 'fresh group' });
    expect(http.delete).toHaveBeenCalledWith(routePath('modelGroupDelete', { groupId: 'g-new' }));
  });

  it('lets a new group be made public, restricted or private where the cluster has model access control on', async () => {
    const { http } = await setup({
      search: '',
      version: '2.19.6',
      settings: [{ key: 'model_access_control_enabled', value: 'true' } as ReadinessResponse['settings'][number]],
      post: { [routePath('modelGroupCreate')]: { model_group_id: 'g-new', status: 'CREATED' } },
    });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(within(screen.getByTestId('groupMode')).getByLabelText('Create a new group'));
    fireEvent.change(screen.getByTestId('newGroupName'), { target: { value: 'shared group' } });
    fireEvent.change(await screen.findByTestId('groupAccessInput'), { target: { value: 'public' } });
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerSuccess', {}, { timeout: 10000 })).toBeInTheDocument();
    expect(JSON.parse(posted(http, routePath('modelGroupCreate'))[0][1].body)).toEqual({ name: 'shared group', access_mode: 'public' });
  });

  it('a retry registers into the group the failed run made when that group could not be deleted (its name is taken now)', async () => {
    const { http } = await setup({
      search: '',
      post: { [META]: httpError(400, 'refused'), [routePath('modelGroupCreate')]: { model_group_id: 'g1', status: 'CREATED' } },
      del: { [routePath('modelGroupDelete', { groupId: 'g1' })]: httpError(502, 'OpenSearch could not be reached') },
    });
    await pick(GLOVE, 'glove.zip');
    await zipChecked();
    fireEvent.click(within(screen.getByTestId('groupMode')).getByLabelText('Create a new group'));
    fireEvent.change(screen.getByTestId('newGroupName'), { target: { value: 'embeddings' } });
    fireEvent.click(screen.getByTestId('registerSubmit'));
    expect(await screen.findByTestId('registerCleanup', {}, { timeout: 10000 })).toHaveTextContent('Could not delete the model group g1');
    fireEvent.click(screen.getByTestId('registerRetry'));
    expect(within(screen.getByTestId('groupMode')).getByLabelText('Add a version to an existing group')).toBeChecked();
    await waitFor(() => expect(screen.getByTestId('groupSelect')).toHaveTextContent('embeddings'));
    fireEvent.click(screen.getByTestId('registerSubmit'));
    await waitFor(() => expect(posted(http, META)).toHaveLength(2));
    expect(JSON.parse(posted(http, META)[1][1].body)).toMatchObject({ model_group_id: 'g1' });
    expect(posted(http, routePath('modelGroupCreate'))).toHaveLength(1);
  });
});
