import { fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import { page, task } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { TasksPage } from './tasks_page';

const TASKS = routePath('tasks');

function setup(tasks: unknown) {
  const http = createFakeHttp({ get: { [TASKS]: tasks } });
  return { http, ...renderWithServices(<TasksPage />, { http }) };
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

  it('sends the state and type filters', async () => {
    const { http } = setup(page([task({ id: 't1' })]));
    await screen.findByTestId('taskRow-t1');
    fireEvent.change(screen.getByTestId('tasksTypeFilter'), { target: { value: 'DEPLOY_MODEL' } });
    fireEvent.change(screen.getByTestId('tasksStateFilter'), { target: { value: 'FAILED' } });
    await waitFor(() =>
      expect(lastCallOptions(http.get, TASKS)?.query).toEqual({ from: 0, size: 20, sort_direction: 'desc', task_types: ['DEPLOY_MODEL'], states: ['FAILED'] })
    );
  });

  it("shows ML Commons' reason when the request fails", async () => {
    setup(httpError(500, 'index [.plugins-ml-task] is read-only'));
    expect(await screen.findByTestId('tasksError-message')).toHaveTextContent('index [.plugins-ml-task] is read-only');
  });
});
