import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import React from 'react';
import { Router } from 'react-router-dom';
import type { FlowState } from '../../lib/register_flow';
import { ResultPanel } from './result_panel';

const MODEL = { id: 'm1', name: 'glove', model_version: '3', model_state: 'REGISTERED' };

function show(state: Partial<FlowState>) {
  const history = createMemoryHistory({ initialEntries: ['/register'] });
  const onRetry = jest.fn();
  render(
    <Router history={history}>
      <ResultPanel state={{ cleanup: [], warnings: [], phase: 'done', ...state } as FlowState} onAgain={() => {}} onRetry={onRetry} />
    </Router>
  );
  return { history, onRetry };
}

describe('ResultPanel', () => {
  it('offers the kept model, not a second registration, when the deploy after it was cancelled', () => {
    show({ phase: 'cancelled', modelId: 'm1', registered: true, model: MODEL, deployTaskId: 'd1' });
    expect(screen.getByTestId('registerSuccess')).toHaveTextContent('glove version 3');
    expect(screen.getByTestId('registerCancelled')).toHaveTextContent('task d1');
    expect(screen.queryByTestId('registerRetry')).not.toBeInTheDocument();
  });

  it("explains a failed deploy's errors as the Tasks page does", () => {
    show({
      phase: 'failed',
      modelId: 'm1',
      registered: true,
      model: MODEL,
      deployTaskId: 'd1',
      deployTask: { id: 'd1', state: 'FAILED', error: '{"n1":"expected value at line 1 column 1"}' },
      error: { step: 'Deploying', message: 'The deploy task failed' },
    });
    expect(screen.getByTestId('deployErrors')).toHaveTextContent("n1: expected value at line 1 column 1 (the zip's tokenizer.json could not be read as a Hugging Face tokenizer");
  });

  it('offers the kept model when reading it back failed', () => {
    show({ phase: 'failed', modelId: 'm9', registered: true, error: { step: 'Reading the registered model', message: 'no permissions' } });
    expect(screen.getByTestId('registeredModelId')).toHaveTextContent('m9');
    expect(screen.getByTestId('registerFailure')).toHaveTextContent('no permissions');
    expect(screen.queryByTestId('registerRetry')).not.toBeInTheDocument();
  });

  it('offers a retry when the model was never registered', () => {
    show({ phase: 'cancelled', modelId: 'm1', registered: false, cleanup: ['Deleted the half-registered model m1, so nothing is left behind.'] });
    expect(screen.queryByTestId('registerSuccess')).not.toBeInTheDocument();
    expect(screen.getByTestId('registerCancelled')).toHaveTextContent('Registration cancelled');
    expect(screen.getByTestId('registerRetry')).toBeInTheDocument();
  });

  it("links to the model's page inside the app", () => {
    const { history } = show({ modelId: 'm/1', registered: true, model: MODEL });
    const link = screen.getByTestId('registeredModelLink');
    expect(link).toHaveAttribute('href', '/models/m%2F1');
    fireEvent.click(link);
    expect(history.location.pathname).toBe('/models/m%2F1');
  });

  it('offers the uploaded model, not a second upload, when its state could not be confirmed', () => {
    show({
      phase: 'failed',
      modelId: 'm1',
      unconfirmed: true,
      error: { step: 'Checking the model', message: "Every chunk was uploaded, but the model's state could not be read: Failed to fetch" },
      cleanup: ['Kept the model m1: every chunk reached ML Commons'],
    });
    expect(screen.queryByTestId('registerSuccess')).not.toBeInTheDocument();
    expect(screen.getByTestId('unconfirmedModelLink')).toHaveAttribute('href', '/models/m1');
    expect(screen.queryByTestId('registerRetry')).not.toBeInTheDocument();
  });

  it('offers the task, not a second registration, when a URL registration was left running', () => {
    const { history } = show({ phase: 'cancelled', registerTaskId: 't1', registerTask: { id: 't1', state: 'RUNNING' } as FlowState['registerTask'] });
    expect(screen.queryByTestId('registerRetry')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('urlTaskLink'));
    expect(history.location.pathname).toBe('/tasks');
  });

  it('offers a retry once the URL registration task is seen to have failed', () => {
    show({
      phase: 'failed',
      registerTaskId: 't1',
      registerTask: { id: 't1', state: 'FAILED', error: 'hash mismatch' } as FlowState['registerTask'],
      error: { step: 'ML Commons registering the model', message: 'hash mismatch' },
    });
    expect(screen.getByTestId('registerRetry')).toBeInTheDocument();
    expect(screen.queryByTestId('urlTaskLink')).not.toBeInTheDocument();
  });
});
