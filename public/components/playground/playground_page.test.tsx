import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import type { NativeInspectResult, NativeModelsResponse, PredictResponse } from '../../../common/types';
import { model, page, READY } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, sentBodies } from '../../../test/mocks/public_http';
import type { HttpFetchOptions } from '../../../types/osd';
import { renderWithServices } from '../../../test/mocks/public_render';
import { RECENT_RUNS_KEY } from '../../lib/playground_recent';
import { cosine } from '../../lib/playground_vectors';
import { PlaygroundPage } from './playground_page';
// Real answers of ML Commons 2.19.6 and of native inference (test/integration/capture_responses.test.ts).
import denseCluster from '../../../test/fixtures/captured/text_embedding.cluster.json';
import denseNative from '../../../test/fixtures/captured/text_embedding.native.json';
import noNumbers from '../../../test/fixtures/captured/text_embedding.return_number_false.cluster.json';
import truncatedInfo from '../../../test/fixtures/captured/text_embedding.native_truncated.json';
import sparseCluster from '../../../test/fixtures/captured/sparse_encoding.cluster.json';
import sparseNative from '../../../test/fixtures/captured/sparse_encoding.native.json';
import similarityCluster from '../../../test/fixtures/captured/text_similarity.cluster.json';
import errors from '../../../test/fixtures/captured/errors.cluster.json';
import inspectGlove from '../../../test/fixtures/captured/inspect.glove_semantic.json';

// jsdom has no canvas; the strips and large matrices draw nothing here (Chromium tests draw them).
HTMLCanvasElement.prototype.getContext = jest.fn(() => null) as never;

const DENSE_DOCS = ['A man is playing a guitar.', 'Someone plays an instrument on stage.', 'The stock market fell sharply today.'];
const SPARSE_DOCS = ['the cat sat on the mat', 'a black cat and a dog'];
const SIM_DOCS = ['The stock market fell sharply today.', 'A man is playing a guitar on stage.', 'A musician plays music.'];
const GLOVE_SHA = (inspectGlove as NativeInspectResult).sha256;

const MODELS = routePath('models');
const NATIVE_MODELS = routePath('nativeModels');
const predictPath = (functionName: string, modelId: string) => routePath('predict', { functionName, modelId });
const nativePath = (functionName: string, sha256: string) => routePath('nativePredict', { functionName, sha256 });

const CLUSTER = page([
  model({ id: 'glove1', name: 'glove', model_state: 'DEPLOYED', model_content_hash_value: GLOVE_SHA, model_config: { model_type: 'bert', embedding_dimension: 100, framework_type: 'SENTENCE_TRANSFORMERS', pooling_mode: 'MEAN', normalize_result: true } }),
  model({ id: 'sparse1', name: 'splade', algorithm: 'SPARSE_ENCODING', model_state: 'DEPLOYED' }),
  model({ id: 'cross1', name: 'cross', algorithm: 'TEXT_SIMILARITY', model_state: 'DEPLOYED' }),
  model({ id: 'idle1', name: 'idle', model_state: 'REGISTERED' }),
]);
const NATIVE: NativeModelsResponse = {
  models: [{ sha256: GLOVE_SHA, size_bytes: 4238022, source: 'upload', function_name: 'TEXT_EMBEDDING', last_used_at: '2026-11-25T10:00:00.000Z' }],
};

function setup(post: Record<string, unknown> = {}) {
  const http = createFakeHttp({ get: { [MODELS]: CLUSTER, [NATIVE_MODELS]: NATIVE }, post });
  return { http, ...renderWithServices(<PlaygroundPage />, { http }) };
}

async function choose(modelId: string, text: string) {
  await screen.findByRole('option', { name: /idle/ });
  fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: modelId } });
  fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: text } });
}

const click = (subj: string) => fireEvent.click(screen.getByTestId(subj));

beforeEach(() => localStorage.clear());

describe('PlaygroundPage', () => {
  it('offers every cluster model with its state and whether it also runs natively', async () => {
    setup();
    expect(await screen.findByRole('option', { name: /glove v1 — TEXT_EMBEDDING, DEPLOYED, native too/ })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /idle v1 — TEXT_EMBEDDING, REGISTERED$/ })).toBeInTheDocument();
  });

  it("when the cluster's models cannot be read, says so under Model instead of \"No model is registered\"", async () => {
    const http = createFakeHttp({ get: { [MODELS]: httpError(502, 'OpenSearch could not be reached: connect ECONNREFUSED 127.0.0.1:9200'), [NATIVE_MODELS]: NATIVE } });
    renderWithServices(<PlaygroundPage />, { http });
    expect(await screen.findByTestId('playgroundModelsError')).toHaveTextContent(/ECONNREFUSED/);
    expect(screen.getByText("The cluster's models could not be read; see the error above.")).toBeInTheDocument();
    expect(screen.queryByText('No model is registered on the cluster.')).not.toBeInTheDocument();
  });

  it('a TorchScript model runs on the cluster only, though its uploaded zip is in the native cache', async () => {
    const ts = model({ id: 'ts1', name: 'glove-ts', model_format: 'TORCH_SCRIPT', model_state: 'DEPLOYED', model_content_hash_value: GLOVE_SHA });
    const http = createFakeHttp({ get: { [MODELS]: page([...CLUSTER.items, ts]), [NATIVE_MODELS]: NATIVE } });
    renderWithServices(<PlaygroundPage />, { http });
    expect(await screen.findByRole('option', { name: /glove-ts v1 — TEXT_EMBEDDING, DEPLOYED$/ })).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: 'ts1' } });
    expect(within(screen.getByTestId('playgroundTarget')).getByRole('button', { name: /Native/ })).toBeDisabled();
  });

  it('finds models past the first page by searching their names on the server', async () => {
    const many = Array.from({ length: 100 }, (_x, i) => model({ id: `m${i}`, name: `aaa-${String(i).padStart(3, '0')}` }));
    const far = model({ id: 'far1', name: 'zz-needle', model_state: 'DEPLOYED' });
    const http = createFakeHttp({
      get: {
        [MODELS]: (_path: string, options?: HttpFetchOptions) => ((options?.query as { search?: string })?.search === 'needle' ? page([far]) : page(many, 101)),
        [NATIVE_MODELS]: NATIVE,
      },
    });
    renderWithServices(<PlaygroundPage />, { http });
    // Role queries over 100 options are slow in jsdom: on a loaded 2-core box they outlast the
    // default 1 s wait (this test failed that way, once in a while, and nowhere else).
    const slow = { timeout: 10000 };
    await screen.findByRole('option', { name: /aaa-099/ }, slow);
    expect(screen.queryByRole('option', { name: /zz-needle/ })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 100 of 101 models by name; type part of a name to find the others.')).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('playgroundModelSearch'), { target: { value: 'needle' } });
    expect(await screen.findByRole('option', { name: /zz-needle v1 — TEXT_EMBEDDING, DEPLOYED/ }, slow)).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: 'far1' } });
    expect(screen.getByTestId('playgroundModelSelect')).toHaveValue('far1');
    // Clearing the search lists the first page again; the chosen model stays chosen and runnable.
    fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: 'hello' } });
    fireEvent.change(screen.getByTestId('playgroundModelSearch'), { target: { value: '' } });
    await screen.findByRole('option', { name: /aaa-099/ }, slow);
    expect(screen.getByTestId('playgroundModelSelect')).toHaveValue('far1');
    expect(screen.getByTestId('playgroundRun')).toBeEnabled();
  }, 40000);

  it('a chosen model a newer search left out of the list is read again after its deploy: the "deploy it" warning goes', async () => {
    const idle = model({ id: 'far1', name: 'zz-needle', model_state: 'REGISTERED' });
    const http = createFakeHttp({
      get: {
        // More models than one list shows: the search box is offered.
        [MODELS]: (_path: string, options?: HttpFetchOptions) => ((options?.query as { search?: string })?.search === 'needle' ? page([idle]) : page(CLUSTER.items, 150)),
        [NATIVE_MODELS]: NATIVE,
        [routePath('readiness')]: READY,
        [routePath('task', { taskId: 'd1' })]: { id: 'd1', task_type: 'DEPLOY_MODEL', state: 'COMPLETED', model_id: 'far1' },
        [routePath('model', { modelId: 'far1' })]: { ...idle, model_state: 'DEPLOYED' },
      },
      post: { [routePath('modelDeploy', { modelId: 'far1' })]: { task_id: 'd1', status: 'CREATED' } },
    });
    renderWithServices(<PlaygroundPage />, { http });
    fireEvent.change(await screen.findByTestId('playgroundModelSearch'), { target: { value: 'needle' } });
    await screen.findByRole('option', { name: /zz-needle/ });
    fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: 'far1' } });
    fireEvent.change(screen.getByTestId('playgroundModelSearch'), { target: { value: '' } });
    await screen.findByRole('option', { name: /idle/ });
    expect(screen.getByTestId('playgroundNotDeployed')).toHaveTextContent('zz-needle is REGISTERED on the cluster');
    click('playgroundDeployBefore');
    fireEvent.click(await screen.findByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(screen.queryByTestId('playgroundNotDeployed')).not.toBeInTheDocument());
    expect(screen.getByTestId('playgroundModelSelect')).toHaveValue('far1');
  });

  it('refuses more inputs than one run takes before sending anything, saying how many', async () => {
    const { http } = setup({ [predictPath('text_embedding', 'glove1')]: denseCluster });
    await choose('glove1', Array.from({ length: 1200 }, (_x, i) => `line ${i}`).join('\n'));
    expect(screen.getByText('1200 inputs: one run takes at most 1000 (one per line).')).toBeInTheDocument();
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    expect(http.post).not.toHaveBeenCalled();
  });

  it('refuses an input longer than the routes take before sending anything, naming it (it read as "the cluster refused")', async () => {
    const { http } = setup({ [predictPath('text_embedding', 'glove1')]: denseCluster });
    await choose('glove1', `short\n${'x'.repeat(100001)}`);
    expect(screen.getByText('Input 2 has 100,001 characters: one input takes at most 100,000.')).toBeInTheDocument();
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: 'short' } });
    expect(screen.getByTestId('playgroundRun')).toBeEnabled();
    expect(http.post).not.toHaveBeenCalled();
  });

  it('text_embedding on the cluster: dimension, norm, and a cosine matrix matching the vectors', async () => {
    const { http } = setup({ [predictPath('text_embedding', 'glove1')]: denseCluster });
    await choose('glove1', DENSE_DOCS.join('\n'));
    click('playgroundRun');
    expect(await screen.findByTestId('denseDimension-0')).toHaveTextContent('100');
    expect(sentBodies(http.post, predictPath('text_embedding', 'glove1'))).toEqual([{ text_docs: DENSE_DOCS }]);
    expect(screen.getByTestId('denseNorm-1')).toHaveTextContent('1.0000');
    expect(screen.queryByTestId('signVectorsNote')).not.toBeInTheDocument();
    const vectors = (denseCluster as PredictResponse).inference_results.map((r) => r.output![0].data as number[]);
    const cell = screen.getByTestId('cosineCell-0-1');
    expect(Number(cell.getAttribute('data-value'))).toBeCloseTo(cosine(vectors[0], vectors[1]), 10);
    expect(cell).toHaveTextContent(cosine(vectors[0], vectors[1]).toFixed(3));
    expect(screen.getByTestId('cosineCell-2-2')).toHaveTextContent('1.000');
    // Related sentences (guitar / instrument) score above unrelated ones (stock market).
    expect(cosine(vectors[0], vectors[1])).toBeGreaterThan(cosine(vectors[0], vectors[2]));
  });

  it('says why every value is 1 or -1 (max pooling with normalize_result), and says nothing for real embeddings', async () => {
    const signs = { inference_results: DENSE_DOCS.map((_d, i) => ({ output: [{ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [1, 4], data: [1, -1, i % 2 ? 1 : -1, 1] }] })) };
    setup({ [predictPath('text_embedding', 'glove1')]: signs });
    await choose('glove1', DENSE_DOCS.join('\n'));
    click('playgroundRun');
    expect(await screen.findByTestId('signVectorsNote')).toHaveTextContent('Every value is 1 or -1');
  });

  it('the request as Dev Tools and curl snippets, and the raw response once opened', async () => {
    setup({ [predictPath('text_embedding', 'glove1')]: denseCluster });
    await choose('glove1', DENSE_DOCS[0]);
    fireEvent.change(screen.getByTestId('optionTargetResponse'), { target: { value: 'sentence_embedding' } });
    click('playgroundRun');
    await screen.findByTestId('denseDimension-0');
    fireEvent.click(within(screen.getByTestId('requestAccordion')).getAllByRole('button')[0]);
    expect(screen.getByTestId('snippet-devtools')).toHaveTextContent('POST /_plugins/_ml/_predict/text_embedding/glove1');
    expect(screen.getByTestId('snippet-devtools')).toHaveTextContent('"target_response": [ "sentence_embedding" ]');
    fireEvent.click(screen.getByRole('tab', { name: 'curl (OpenSearch)' }));
    expect(screen.getByTestId('snippet-curl')).toHaveTextContent("curl -X POST 'https://localhost:9200/_plugins/_ml/_predict/text_embedding/glove1'");
    expect(screen.queryByTestId('predictRaw-cluster')).toBeNull();
    fireEvent.click(within(screen.getByTestId('predictRawAccordion-cluster')).getAllByRole('button')[0]);
    expect(await screen.findByTestId('predictRaw-cluster')).toHaveTextContent('"sentence_embedding"');
  });

  it('return_number off: ML Commons answers shapes only, and the page says so', async () => {
    const { http } = setup({ [predictPath('text_embedding', 'glove1')]: noNumbers });
    await choose('glove1', DENSE_DOCS[0]);
    click('optionReturnNumber');
    click('playgroundRun');
    expect(await screen.findByTestId('predictNoVectors')).toBeInTheDocument();
    expect(sentBodies(http.post, predictPath('text_embedding', 'glove1'))).toEqual([{ text_docs: [DENSE_DOCS[0]], return_number: false }]);
  });

  it('both, with return_number off: nothing to compare is said as such, not as a disagreement', async () => {
    setup({ [predictPath('text_embedding', 'glove1')]: noNumbers, [nativePath('text_embedding', GLOVE_SHA)]: noNumbers });
    await choose('glove1', DENSE_DOCS[0]);
    click('optionReturnNumber');
    click('targetBoth');
    click('playgroundRun');
    expect(await screen.findByTestId('parityVerdict')).toHaveTextContent('Nothing to compare');
    expect(screen.getByTestId('parityEmpty')).toHaveTextContent('Neither side returned a vector, token map or score to compare');
    expect(screen.queryByTestId('parityRow-0')).toBeNull();
  });

  it('both: a parity panel that agrees (cosine ~1), with each side\u2019s latency, and the native config sent', async () => {
    const { http } = setup({ [predictPath('text_embedding', 'glove1')]: denseCluster, [nativePath('text_embedding', GLOVE_SHA)]: denseNative });
    await choose('glove1', DENSE_DOCS.join('\n'));
    click('targetBoth');
    click('playgroundRun');
    expect(await screen.findByTestId('parityVerdict')).toHaveTextContent('Agree');
    expect(Number(screen.getByTestId('parityCosine-2').textContent)).toBeGreaterThanOrEqual(0.9999);
    expect(screen.getByTestId('latencyCluster')).toHaveTextContent(/\d+ ms/);
    expect(screen.getByTestId('latencyNative')).toHaveTextContent(/\d+ ms/);
    expect(sentBodies(http.post, nativePath('text_embedding', GLOVE_SHA))[0]).toMatchObject({ text_docs: DENSE_DOCS, model_config: { pooling_mode: 'mean', normalize_result: true } });
    click('show-native');
    expect(screen.getByTestId('latency-native')).toBeInTheDocument();
  });

  it('sparse_encoding: tokens heaviest first, non-zero count, and the overlap of two inputs', async () => {
    setup({ [predictPath('sparse_encoding', 'sparse1')]: sparseCluster });
    await choose('sparse1', SPARSE_DOCS.join('\n'));
    expect(screen.getByTestId('playgroundFunctionSelect')).toHaveValue('sparse_encoding');
    click('playgroundRun');
    const table = await screen.findByTestId('sparseResult-0');
    const weights = (sparseCluster as PredictResponse).inference_results[0].output![0].dataAsMap!.response![0];
    const expected = Object.entries(weights).sort((a, b) => b[1] - a[1]).map(([t]) => `sparseToken-0-${t}`);
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-test-subj'))).toEqual(expected);
    expect(screen.getByTestId('sparseCount-0')).toHaveTextContent(`${expected.length} non-zero tokens`);
    const second = (sparseCluster as PredictResponse).inference_results[1].output![0].dataAsMap!.response![0];
    const shared = Object.keys(weights).filter((t) => t in second);
    expect(shared).toContain('cat');
    expect(screen.getByTestId('overlapShared')).toHaveTextContent(`Shared tokens ${shared.length}`);
    expect(screen.getByTestId('overlapTokens')).toHaveTextContent(`Shared: ${shared.join(', ')}`);
  });

  it('sparse keys by token id: sent on a 3.2+ cluster, and not offered against an older one', async () => {
    const run = async (version: string) => {
      const http = createFakeHttp({
        get: { [MODELS]: CLUSTER, [NATIVE_MODELS]: NATIVE, [routePath('readiness')]: { ...READY, version } },
        post: { [predictPath('sparse_encoding', 'sparse1')]: sparseCluster },
      });
      const view = renderWithServices(<PlaygroundPage />, { http });
      await choose('sparse1', SPARSE_DOCS[0]);
      return { http, view };
    };
    const recent = await run('3.6.0');
    fireEvent.change(await screen.findByTestId('optionSparseFormat'), { target: { value: 'token_id' } });
    click('playgroundRun');
    await waitFor(() => expect(sentBodies(recent.http.post, predictPath('sparse_encoding', 'sparse1'))).toEqual([{ text_docs: [SPARSE_DOCS[0]], parameters: { sparse_embedding_format: 'token_id' } }]));
    recent.view.unmount();
    localStorage.clear();

    const older = await run('2.19.6');
    await waitFor(() => expect(screen.getByTestId('optionSparseFormat')).toBeDisabled());
    expect(screen.getByText('OpenSearch 2.19.6 keys sparse vectors by word only (token ids need 3.2); native runs can use token ids.')).toBeInTheDocument();
    click('playgroundRun');
    await waitFor(() => expect(sentBodies(older.http.post, predictPath('sparse_encoding', 'sparse1'))).toEqual([{ text_docs: [SPARSE_DOCS[0]] }]));
  });

  it('sparse parity: the same tokens on both sides, weights within 1e-3', async () => {
    const sparseSha = 'a'.repeat(64);
    const http = createFakeHttp({
      get: {
        [MODELS]: page([model({ id: 'sparse1', name: 'splade', algorithm: 'SPARSE_ENCODING', model_state: 'DEPLOYED', model_content_hash_value: sparseSha })]),
        [NATIVE_MODELS]: { models: [{ sha256: sparseSha, size_bytes: 1, last_used_at: '2026-11-25T10:00:00Z' }] },
      },
      post: { [predictPath('sparse_encoding', 'sparse1')]: sparseCluster, [nativePath('sparse_encoding', sparseSha)]: sparseNative },
    });
    renderWithServices(<PlaygroundPage />, { http });
    await screen.findByRole('option', { name: /splade/ });
    fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: 'sparse1' } });
    fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: SPARSE_DOCS.join('\n') } });
    click('targetBoth');
    click('playgroundRun');
    expect(await screen.findByTestId('parityVerdict')).toHaveTextContent('Agree');
    expect(screen.getByTestId('parityRow-0')).toHaveTextContent('only on the cluster none; only native none');
  });

  it('text_similarity: a query and documents, ranked by score', async () => {
    const { http } = setup({ [predictPath('text_similarity', 'cross1')]: similarityCluster });
    await choose('cross1', SIM_DOCS.join('\n'));
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    fireEvent.change(screen.getByTestId('playgroundQuery'), { target: { value: 'Someone plays an instrument' } });
    click('playgroundRun');
    await screen.findByTestId('similarityView');
    expect(sentBodies(http.post, predictPath('text_similarity', 'cross1'))).toEqual([{ query_text: 'Someone plays an instrument', text_docs: SIM_DOCS }]);
    const order = [0, 1, 2].map((k) => screen.getByTestId(`similarityRank-${k}`).getAttribute('data-input'));
    expect(order).toEqual(['1', '2', '0']);
    expect(screen.getByTestId('similarityScore-0')).toHaveTextContent('0.8792');
  });

  it('a long query or input is cut short where it is a heading (the full text stays on hover)', async () => {
    const long = Array.from({ length: 200 }, (_x, i) => `word${i}`).join(' ');
    setup({ [predictPath('text_similarity', 'cross1')]: similarityCluster });
    await choose('cross1', SIM_DOCS.join('\n'));
    fireEvent.change(screen.getByTestId('playgroundQuery'), { target: { value: long } });
    click('playgroundRun');
    const query = await screen.findByTestId('similarityQuery');
    expect(query.textContent!.length).toBeLessThanOrEqual(160);
    expect(query.textContent!.endsWith('…')).toBe(true);
    expect(query).toHaveAttribute('title', long);
  });

  it('not deployed: plain words, ML Commons\u2019 reason, and the deploy action', async () => {
    const body = errors.not_deployed.body;
    setup({ [predictPath('text_embedding', 'idle1')]: httpError(body.statusCode, body.message) });
    await choose('idle1', 'hello');
    expect(screen.getByTestId('playgroundNotDeployed')).toHaveTextContent('idle is REGISTERED on the cluster');
    click('playgroundRun');
    expect(await screen.findByTestId('playgroundError-cluster-message')).toHaveTextContent('Model not ready yet. Please deploy the model first.');
    expect(screen.getByTestId('playgroundError-cluster')).toHaveTextContent('The model is not deployed on the cluster');
    click('playgroundDeploy');
    expect(await screen.findByTestId('deployModal')).toHaveTextContent('Deploy idle?');
  });

  it('a model ML Commons cannot deploy yet (upload unfinished, deploy running) is not offered a deploy, before or after a run', async () => {
    const uploading = model({ id: 'up1', name: 'uploading', model_state: 'REGISTERING' });
    const deploying = model({ id: 'dep1', name: 'deploying', model_state: 'DEPLOYING' });
    const body = errors.not_deployed.body;
    const http = createFakeHttp({
      get: { [MODELS]: page([...CLUSTER.items, uploading, deploying]), [NATIVE_MODELS]: NATIVE },
      post: { [predictPath('text_embedding', 'up1')]: httpError(body.statusCode, body.message) },
    });
    renderWithServices(<PlaygroundPage />, { http });
    await choose('dep1', 'hello');
    expect(screen.getByTestId('playgroundNotDeployed')).toHaveTextContent('deploying is DEPLOYING on the cluster and cannot run there yet');
    expect(screen.queryByTestId('playgroundDeployBefore')).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: 'up1' } });
    expect(screen.getByTestId('playgroundNotDeployed')).toHaveTextContent('It cannot be deployed yet.');
    expect(screen.queryByTestId('playgroundDeployBefore')).not.toBeInTheDocument();
    click('playgroundRun');
    expect(await screen.findByTestId('playgroundError-cluster')).toHaveTextContent('The model is not deployed on the cluster');
    expect(screen.queryByTestId('playgroundDeploy')).not.toBeInTheDocument();
  });

  it('wrong function: warned before running, and told that ML Commons ran the registered one', async () => {
    setup({ [predictPath('sparse_encoding', 'glove1')]: errors.wrong_function.body });
    await choose('glove1', DENSE_DOCS[0]);
    fireEvent.change(screen.getByTestId('playgroundFunctionSelect'), { target: { value: 'sparse_encoding' } });
    expect(screen.getByTestId('functionMismatch')).toHaveTextContent('registered as TEXT_EMBEDDING, not SPARSE_ENCODING');
    click('playgroundRun');
    expect(await screen.findByTestId('functionIgnored')).toHaveTextContent('ML Commons ran this model as TEXT_EMBEDDING');
    expect(screen.getByTestId('denseDimension-0')).toHaveTextContent('100');
  });

  it('with no model chosen yet, says to choose one (not that native needs a zip in the cache)', async () => {
    setup();
    await screen.findByRole('option', { name: /idle/ });
    fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: 'hello' } });
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    expect(screen.getByText('Choose a model above first.')).toBeInTheDocument();
    expect(screen.queryByText(/Native needs the model zip/)).not.toBeInTheDocument();
    click('sourceZip');
    expect(screen.getByText('Drop a model zip above first.')).toBeInTheDocument();
  });

  it('empty input keeps Run disabled and says why', async () => {
    setup();
    await choose('glove1', '  \n ');
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    expect(screen.getByText('Enter at least one input: one per line.')).toBeInTheDocument();
  });

  it('long inputs: the native token counts say exactly which inputs were truncated', async () => {
    const long = 'the quick brown fox jumps over the lazy dog '.repeat(70);
    const reply = { ...(denseNative as PredictResponse), inference_results: (denseNative as PredictResponse).inference_results.slice(0, 2), ...truncatedInfo };
    setup({ [nativePath('text_embedding', GLOVE_SHA)]: reply });
    await choose('glove1', `short one\n${long}`);
    click('targetNative');
    click('playgroundRun');
    expect(await screen.findByTestId('truncationNote')).toHaveTextContent('Inputs over 512 tokens are truncated');
    expect(screen.getByTestId('truncated-1')).toHaveTextContent('Input 2: 633 tokens');
    expect(screen.queryByTestId('truncated-0')).toBeNull();
  });

  it('long inputs on the cluster alone: counted in words against 512, saying the model may cut earlier', async () => {
    const long = 'the quick brown fox jumps over the lazy dog '.repeat(70);
    const reply = { ...(denseCluster as PredictResponse), inference_results: (denseCluster as PredictResponse).inference_results.slice(0, 2) };
    setup({ [predictPath('text_embedding', 'glove1')]: reply });
    await choose('glove1', `short one\n${long}`);
    click('playgroundRun');
    expect(await screen.findByTestId('truncationNote')).toHaveTextContent("Inputs over 512 tokens are truncated (this model's own limit, in its tokenizer.json, may be lower)");
    expect(screen.getByTestId('truncated-1')).toHaveTextContent('Input 2: at least 632 tokens (counted in words');
  });

  it('many truncated inputs: ten are listed, the rest named by number on one line', async () => {
    const long = 'the quick brown fox jumps over the lazy dog '.repeat(70);
    const one = (denseCluster as PredictResponse).inference_results[0];
    setup({ [predictPath('text_embedding', 'glove1')]: { inference_results: Array.from({ length: 13 }, () => one) } });
    await choose('glove1', Array.from({ length: 13 }, () => long).join('\n'));
    click('playgroundRun');
    expect(await screen.findByTestId('truncated-9')).toBeInTheDocument();
    expect(screen.queryByTestId('truncated-10')).not.toBeInTheDocument();
    expect(screen.getByTestId('truncatedMore')).toHaveTextContent('and 3 more: inputs 11, 12, 13');
  });

  it('a dropped zip is inspected, summarised, and run natively by its sha256', async () => {
    const { http } = setup({ [routePath('nativeInspect')]: inspectGlove, [nativePath('text_embedding', GLOVE_SHA)]: denseNative });
    await screen.findByRole('option', { name: /idle/ });
    click('sourceZip');
    const file = new File([new Uint8Array([80, 75, 3, 4])], 'glove.zip', { type: 'application/zip' });
    fireEvent.change(screen.getByTestId('playgroundZip'), { target: { files: [file] } });
    expect(await screen.findByTestId('inspectSha')).toHaveTextContent(GLOVE_SHA);
    expect(screen.getByTestId('inspectFunction')).toHaveTextContent('TEXT_EMBEDDING');
    expect(screen.getByTestId('targetCluster')).toBeDisabled();
    fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: DENSE_DOCS.join('\n') } });
    click('playgroundRun');
    expect(await screen.findByTestId('cosineCell-0-1')).toBeInTheDocument();
    expect(sentBodies(http.post, nativePath('text_embedding', GLOVE_SHA))).toEqual([{ text_docs: DENSE_DOCS }]);
  });

  it('a refused zip says why native is not offered, instead of asking to drop a zip', async () => {
    setup({ [routePath('nativeInspect')]: httpError(400, 'tokenizer.json is not valid JSON', { code: 'invalid_tokenizer' } as never) });
    await screen.findByRole('option', { name: /idle/ });
    click('sourceZip');
    fireEvent.change(screen.getByTestId('playgroundZip'), { target: { files: [new File([new Uint8Array([80, 75, 3, 4])], 'bad.zip', { type: 'application/zip' })] } });
    expect(await screen.findByText('The dropped zip cannot run here: see why above.')).toBeInTheDocument();
    expect(screen.queryByText('Native needs the model zip in the native cache (drop it under Local zip).')).toBeNull();
  });

  it('only the latest zip picked is inspected to the end: an earlier one is aborted and its late answer ignored', async () => {
    const pending: Record<string, { answer: (v: unknown) => void; signal?: AbortSignal }> = {};
    setup({
      [routePath('nativeInspect')]: (_p: string, o?: HttpFetchOptions) =>
        new Promise((answer) => (pending[(o!.body as File).name] = { answer, signal: o!.signal ?? undefined })),
    });
    await screen.findByRole('option', { name: /idle/ });
    click('sourceZip');
    const zipFile = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name, { type: 'application/zip' });
    fireEvent.change(screen.getByTestId('playgroundZip'), { target: { files: [zipFile('big.zip')] } });
    fireEvent.change(screen.getByTestId('playgroundZip'), { target: { files: [zipFile('small.zip')] } });
    // Each is sent once the server's zip limit has been read.
    await waitFor(() => expect(Object.keys(pending).sort()).toEqual(['big.zip', 'small.zip']));
    expect(pending['big.zip'].signal?.aborted).toBe(true);
    expect(pending['small.zip'].signal?.aborted).toBe(false);
    await act(async () => pending['small.zip'].answer({ ...inspectGlove, sha256: 'b'.repeat(64) }));
    expect(await screen.findByTestId('inspectSha')).toHaveTextContent('b'.repeat(64));
    // A server that finished anyway: its answer must not replace the newer one.
    await act(async () => pending['big.zip'].answer({ ...inspectGlove, sha256: 'a'.repeat(64) }));
    expect(screen.getByTestId('inspectSha')).toHaveTextContent('b'.repeat(64));
  });

  it('recent runs survive a reload and run again with one click', async () => {
    const first = setup({ [predictPath('text_embedding', 'glove1')]: denseCluster });
    await choose('glove1', DENSE_DOCS.join('\n'));
    click('playgroundRun');
    await screen.findByTestId('denseDimension-0');
    expect(JSON.parse(localStorage.getItem(RECENT_RUNS_KEY) as string)).toHaveLength(1);
    first.unmount();
    const { http } = setup({ [predictPath('text_embedding', 'glove1')]: denseCluster });
    const row = await screen.findByTestId('recentRun');
    expect(row).toHaveTextContent('glove v1');
    fireEvent.click(within(row).getByRole('button', { name: /^Run again: glove v1, text_embedding, / }));
    expect(await screen.findByTestId('denseDimension-2')).toBeInTheDocument();
    expect(sentBodies(http.post, predictPath('text_embedding', 'glove1'))).toEqual([{ text_docs: DENSE_DOCS }]);
    await waitFor(() => expect(screen.getByTestId('playgroundInput')).toHaveValue(DENSE_DOCS.join('\n')));
  });
});
