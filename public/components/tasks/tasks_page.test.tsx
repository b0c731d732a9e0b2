import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import { page, READY, task } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { within } from '@testing-library/react';
import { renderWithServices } from '../../../test/mocks/public_render';
import type { HttpFetchOptions } from '../../../types/osd';
import { TasksPage } from './tasks_page';

const TASKS = routePath('tasks');

function setup(tasks: unknown, del: Record<string, unknown> = {}, path = '/tasks') {
  const http = createFakeHttp({ get: { [TASKS]: tasks, [routePath('readiness')]: READY }, delete: del });
  return { http, ...renderWithServices(<TasksPage />, { http, path }) };
}

describe('TasksPage', () => {
  it('renders tasks, with per-node deploy errors on separate lines', async () => {
    const { http } = setup(
      page([
        task({ id: 't1', model_id: 'm1' }),
        task({ id: 't2', task_type: 'DEPLOY_MODEL', state: 'FAILED', model_id: 'm2', error: '{"nodeA":"Not enough memory","nodeB":"timeout"}' }),
      ])
    );
    expect(await screen.findByTestId('taskRow-t2')).toHaveTextContent('Deploy model');
    expect(screen.getByTestId('taskRow-t1')).toHaveTextContent('m1');
    expect(screen.getByTestId('taskState-FAILED')).toBeInTheDocument();
    expect(screen.getByTestId('taskError-t2')).toHaveTextContent('nodeA: Not enough memory');
    expect(screen.getByTestId('taskError-t2')).toHaveTextContent('nodeB: timeout');
    expect(lastCallOptions(http.get, TASKS)?.query).toEqual({ from: 0, size: 20, sort_direction: 'desc' });
  });

  it('explains a register task error that is only a URL (a 404 download), and not a deploy error with the same kind of words', async () => {
    setup(
      page([
        task({ id: 't1', task_type: 'REGISTER_MODEL', state: 'FAILED', error: 'http://127.0.0.1:8765/nope/model.zip' }),
        task({ id: 't2', task_type: 'DEPLOY_MODEL', state: 'FAILED', model_id: 'm2', error: '{"nodeA":"model content changed"}' }),
      ])
    );
    expect(await screen.findByTestId('taskError-t1')).toHaveTextContent('http://127.0.0.1:8765/nope/model.zip (ML Commons could not download the zip: the server answered that there is no file at this URL (HTTP 404))');
    expect(within(screen.getByTestId('taskError-t2')).queryByTestId('taskErrorHint')).not.toBeInTheDocument();
  });

  it('sends the state and type filters', async () => {
    const { http } = setup(page([task({ id: 't1' })]));
    await screen.findByTestId('taskRow-t1');
    fireEvent.change(screen.getByTestId('tasksTypeFilter'), { target: { value: 'DEPLOY_MODEL' } });
    fireEvent.change(screen.getByTestId('tasksStateFilter'), { target: { value: 'FAILED' } });
    await waitFor(() =>
      expect(lastCallOptions(http.get, TASKS)?.query).toEqual({ from: 0, size: 20, sort_direction: 'desc', task_types: ['DEPLOY_MODEL'], states: ['FAILED'] })
    );
  });

  it('keeps its filters in the URL: a reload or Back finds them (unknown values ignored)', async () => {
    // The type filter's list has another task in it, so its arrival shows.
    const byType = (_p: string, o?: HttpFetchOptions) => ((o?.query as { task_types?: string[] } | undefined)?.task_types ? page([task({ id: 't2' })], 1) : page([task({ id: 't1' })], 45));
    const { http, history } = setup(byType, {}, '/tasks?state=FAILED&type=NOPE&model=abc_1&page=2');
    await screen.findByTestId('taskRow-t1');
    expect(lastCallOptions(http.get, TASKS)?.query).toEqual({ from: 20, size: 20, sort_direction: 'desc', states: ['FAILED'], model_id: 'abc_1' });
    expect(screen.getByTestId('tasksModelFilter')).toHaveValue('abc_1');
    fireEvent.change(screen.getByTestId('tasksTypeFilter'), { target: { value: 'DEPLOY_MODEL' } });
    expect(new URLSearchParams(history.location.search).toString()).toBe('state=FAILED&type=DEPLOY_MODEL&model=abc_1');
    // ...and the list is read again with it, from the first page.
    await screen.findByTestId('taskRow-t2');
    expect(lastCallOptions(http.get, TASKS)?.query).toEqual({ from: 0, size: 20, sort_direction: 'desc', states: ['FAILED'], task_types: ['DEPLOY_MODEL'], model_id: 'abc_1' });
  });

  it("shows ML Commons' reason when the request fails", async () => {
    setup(httpError(500, 'index [.plugins-ml-task] is read-only'));
    expect(await screen.findByTestId('tasksError-message')).toHaveTextContent('index [.plugins-ml-task] is read-only');
  });

  it('filters by model id, and says so instead of sending an id the route would reject', async () => {
    const { http } = setup(page([task({ id: 't1' })]));
    await screen.findByTestId('taskRow-t1');
    fireEvent.change(screen.getByTestId('tasksModelFilter'), { target: { value: 'abc_1' } });
    await waitFor(() => expect(lastCallOptions(http.get, TASKS)?.query).toMatchObject({ model_id: 'abc_1', from: 0 }));
    fireEvent.change(screen.getByTestId('tasksModelFilter'), { target: { value: 'a b' } });
    expect(await screen.findByText(/Model id must be 1-128 characters of letters, digits/)).toBeInTheDocument();
    expect(lastCallOptions(http.get, TASKS)?.query).not.toHaveProperty('model_id', 'a b');
  });

  it('says the model id filter takes whole ids when it finds nothing', async () => {
    setup(page([]), {}, '/tasks?model=Xq28Fa');
    expect(await screen.findByText('No tasks for model id "Xq28Fa" with these filters. The filter takes a whole model id, not part of one.')).toBeInTheDocument();
  });

  it('opens the details with the full error, per node for a deploy task', async () => {
    setup(page([task({ id: 't2', task_type: 'DEPLOY_MODEL', state: 'COMPLETED_WITH_ERROR', model_id: 'm2', worker_node: ['n1'], error: '{"n1":"model content changed"}' })]));
    fireEvent.click(await screen.findByRole('button', { name: 'Details of task t2' }));
    const flyout = await screen.findByTestId('taskFlyout');
    await waitFor(() => expect(within(flyout).getByTestId('nodeError-n1')).toHaveTextContent('node-1: model content changed'));
    expect(within(flyout).getByTestId('taskFlyoutRawError')).toHaveTextContent('{"n1":"model content changed"}');
    expect(within(flyout).getByTestId('taskFlyoutModelLink')).toHaveAttribute('href', '/models/m2');
  });

  it('deletes a finished task after confirming, and not a running one', async () => {
    const { http, toasts } = setup(page([task({ id: 't3', state: 'FAILED' }), task({ id: 't4', state: 'RUNNING' })]), {
      [routePath('taskDelete', { taskId: 't3' })]: { result: 'deleted' },
    });
    fireEvent.click(await screen.findByTestId('taskDetails-t4'));
    expect(await screen.findByTestId('deleteTaskButton')).toBeDisabled();
    fireEvent.click(screen.getByTestId('euiFlyoutCloseButton'));

    fireEvent.click(screen.getByTestId('taskDetails-t3'));
    fireEvent.click(await screen.findByTestId('deleteTaskButton'));
    expect(http.delete).not.toHaveBeenCalled();
    const before = http.get.mock.calls.filter((c) => c[0] === TASKS).length;
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted task t3' }));
    expect(http.delete).toHaveBeenCalledWith('/api/ml-models/tasks/t3');
    await waitFor(() => expect(screen.queryByTestId('taskFlyout')).not.toBeInTheDocument());
    expect(http.get.mock.calls.filter((c) => c[0] === TASKS).length).toBeGreaterThan(before);
  });

  it('reads running tasks again every 10 s, and the open details follow', async () => {
    jest.useFakeTimers();
    try {
      let state = 'RUNNING';
      const { http } = setup(() => page([task({ id: 't5', task_type: 'DEPLOY_MODEL', state })]));
      fireEvent.click(await screen.findByTestId('taskDetails-t5'));
      const flyout = await screen.findByTestId('taskFlyout');
      expect(flyout).toHaveTextContent('StateRUNNING');
      const reads = () => http.get.mock.calls.filter((c) => c[0] === TASKS).length;
      const before = reads();
      state = 'COMPLETED';
      await act(async () => {
        jest.advanceTimersByTime(10000);
      });
      await waitFor(() => expect(reads()).toBe(before + 1));
      await waitFor(() => expect(screen.getByTestId('taskFlyout')).toHaveTextContent('StateCOMPLETED'));
      // Nothing runs any more: no further reads.
      await act(async () => {
        jest.advanceTimersByTime(30000);
      });
      expect(reads()).toBe(before + 1);
    } finally {
      jest.useRealTimers();
    }
  });

  it("toasts ML Commons' reason when a delete is refused", async () => {
    const { toasts } = setup(page([task({ id: 't3', state: 'FAILED' })]), {
      [routePath('taskDelete', { taskId: 't3' })]: httpError(404, 'Failed to find task'),
    });
    fireEvent.click(await screen.findByTestId('taskDetails-t3'));
    fireEvent.click(await screen.findByTestId('deleteTaskButton'));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(toasts.addDanger).toHaveBeenCalledWith({ title: 'Could not delete task t3', text: 'Failed to find task' }));
  });
});
