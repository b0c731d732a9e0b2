import { fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import { page, READY } from '../../../test/mocks/public_fixtures';
import { createFakeHttp } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { App } from './app';

function setup(path: string) {
  const empty = page([]);
  const http = createFakeHttp({
    get: {
      [routePath('models')]: empty,
      [routePath('modelGroups')]: empty,
      [routePath('tasks')]: empty,
      [routePath('readiness')]: READY,
    },
  });
  return { http, ...renderWithServices(<App />, { http, path }) };
}

describe('App', () => {
  it('opens on the models page and sets the breadcrumbs', async () => {
    const { history, chrome } = setup('/');
    expect(history.location.pathname).toBe('/models');
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('Models');
    await waitFor(() =>
      expect(chrome.setBreadcrumbs).toHaveBeenLastCalledWith([expect.objectContaining({ text: 'ML Models', href: '/' }), { text: 'Models' }])
    );
  });

  it('navigates with the side nav and follows with the breadcrumbs', async () => {
    const { history, chrome } = setup('/models');
    const link = screen.getByTestId('appNav-tasks');
    expect(link).toHaveAttribute('href', '/tasks');
    fireEvent.click(link);
    expect(history.location.pathname).toBe('/tasks');
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('Tasks');
    await waitFor(() => expect(chrome.setBreadcrumbs).toHaveBeenLastCalledWith([expect.objectContaining({ text: 'ML Models' }), { text: 'Tasks' }]));
    await screen.findByTestId('tasksTable');
  });

  it('redirects unknown paths to the models page', async () => {
    const { history } = setup('/nowhere');
    expect(history.location.pathname).toBe('/models');
    await screen.findByTestId('modelsEmpty');
  });

  it('lists Cluster readiness in the nav', async () => {
    setup('/cluster');
    expect(screen.getByTestId('appNav-cluster')).toHaveAttribute('href', '/cluster');
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('Cluster readiness');
  });

  it('opens a model version page under Models, leaving the breadcrumbs to it', async () => {
    const { http } = setup('/models/m1');
    await waitFor(() => expect(http.get).toHaveBeenCalledWith('/api/ml-models/models/m1', expect.anything()));
    expect(screen.getByTestId('page-models-detail')).toBeInTheDocument();
  });
});
