import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import type { PredictResponse } from '../../../common/types';
import { model, page } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { PlaygroundPage } from './playground_page';

const MODELS = routePath('models');
const DENSE_PATH = routePath('predict', { functionName: 'text_embedding', modelId: 'dense1' });
const SPARSE_PATH = routePath('predict', { functionName: 'sparse_encoding', modelId: 'sparse1' });

const DEPLOYED = page([
  model({ id: 'dense1', name: 'minilm', model_state: 'DEPLOYED' }),
  model({ id: 'sparse1', name: 'splade', algorithm: 'SPARSE_ENCODING', model_state: 'DEPLOYED' }),
]);

const DENSE: PredictResponse = {
  inference_results: [
    { output: [{ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [4], data: [0.1, -0.25, 0.5, 0.125] }] },
    { output: [{ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [4], data: [1, 2, 3, 4] }] },
  ],
};
const SPARSE: PredictResponse = {
  inference_results: [{ output: [{ name: 'output', dataAsMap: { response: [{ cat: 0.5, hello: 1.25, world: 0.75 }] } }] }],
};

function setup(predict: Record<string, unknown>) {
  const http = createFakeHttp({ get: { [MODELS]: DEPLOYED }, post: predict });
  return { http, ...renderWithServices(<PlaygroundPage />, { http }) };
}

/** Synchronous, so the prediction's answer lands inside the caller's next `findBy` (act). */
function run(modelId: string, text: string) {
  fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: modelId } });
  fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('playgroundRun'));
}

describe('PlaygroundPage', () => {
  it('offers deployed models only', async () => {
    const { http } = setup({});
    await screen.findByRole('option', { name: /splade/ });
    expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ states: ['DEPLOYED'] });
  });

  it('runs a dense model, one input per line, and shows dimension and first values', async () => {
    const { http } = setup({ [DENSE_PATH]: DENSE });
    await screen.findByRole('option', { name: /minilm/ });
    run('dense1', 'hello world\n\n  second line  \n');
    expect(await screen.findByTestId('denseDimension-0')).toHaveTextContent('4');
    expect(http.post).toHaveBeenCalledWith(DENSE_PATH, expect.objectContaining({ body: JSON.stringify({ text_docs: ['hello world', 'second line'] }) }));
    expect(screen.getByTestId('denseValues-0')).toHaveTextContent('0.1000, -0.2500, 0.5000, 0.1250');
    expect(screen.getByTestId('predictResult-1')).toHaveTextContent('Input 2: second line');
    expect(screen.getByTestId('predictRaw')).toHaveTextContent('"sentence_embedding"');
  });

  it('picks sparse encoding for a sparse model and lists tokens heaviest first', async () => {
    setup({ [SPARSE_PATH]: SPARSE });
    await screen.findByRole('option', { name: /minilm/ });
    run('sparse1', 'hello cat world');
    expect(screen.getByTestId('playgroundFunctionSelect')).toHaveValue('sparse_encoding');
    const table = await screen.findByTestId('sparseResult-0');
    const tokens = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.getAttribute('data-test-subj'));
    expect(tokens).toEqual(['sparseToken-0-hello', 'sparseToken-0-world', 'sparseToken-0-cat']);
    expect(within(screen.getByTestId('sparseToken-0-hello')).getByText('1.2500')).toBeInTheDocument();
  });

  it("shows ML Commons' reason when the prediction fails", async () => {
    setup({ [DENSE_PATH]: httpError(400, 'Model not ready yet. Please deploy the model first.') });
    await screen.findByRole('option', { name: /minilm/ });
    run('dense1', 'hello');
    expect(await screen.findByTestId('predictError-message')).toHaveTextContent('Model not ready yet. Please deploy the model first.');
  });

  it('keeps Run disabled until a model and an input are given', async () => {
    setup({});
    await screen.findByRole('option', { name: /minilm/ });
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    fireEvent.change(screen.getByTestId('playgroundModelSelect'), { target: { value: 'dense1' } });
    expect(screen.getByTestId('playgroundRun')).toBeDisabled();
    fireEvent.change(screen.getByTestId('playgroundInput'), { target: { value: ' x ' } });
    await waitFor(() => expect(screen.getByTestId('playgroundRun')).toBeEnabled());
  });
});
