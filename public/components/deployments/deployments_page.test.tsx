import { fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import { model, page, READY } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { DeploymentsPage } from './deployments_page';

const MODELS = routePath('models');
const PROFILES = routePath('profileModels');
const UNDEPLOY = routePath('modelUndeploy', { modelId: 'm2' });

const DEPLOYED = page([
  model({ id: 'm1', name: 'minilm', model_state: 'DEPLOYED', current_worker_node_count: 2, planning_worker_node_count: 2 }),
  model({ id: 'm2', name: 'splade', model_state: 'PARTIALLY_DEPLOYED', current_worker_node_count: 1, planning_worker_node_count: 2 }),
]);
const PROFILE = {
  models: {
    m1: { worker_nodes: ['a', 'b'], target_worker_nodes: ['a', 'b'] },
    m2: { worker_nodes: ['a'], target_worker_nodes: ['a', 'b'] },
  },
};

function setup(undeploy: unknown = { a: { stats: { m2: 'undeployed' } } }) {
  const http = createFakeHttp({ get: { [MODELS]: DEPLOYED, [PROFILES]: PROFILE, [routePath('readiness')]: { ...READY, nodes: [{ id: 'a', name: 'node-a', roles: ['data'] }] } }, post: { [UNDEPLOY]: undeploy } });
  return { http, ...renderWithServices(<DeploymentsPage />, { http }) };
}

describe('DeploymentsPage', () => {
  it('lists deployed models with worker against target nodes', async () => {
    const { http } = setup();
    expect(await screen.findByTestId('deploymentName-m2')).toHaveTextContent('splade');
    expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ states: ['DEPLOYED', 'PARTIALLY_DEPLOYED', 'DEPLOYING'] });
    expect(await screen.findByTestId('nodeStatus-m2')).toHaveTextContent('1 of 2 target nodes');
    expect(lastCallOptions(http.get, PROFILES)?.query).toEqual({ model_ids: ['m1', 'm2'] });
    expect(screen.getByTestId('nodeStatusMissing-m2')).toHaveTextContent('Not running on: b');
    expect(screen.getByTestId('modelName-m2')).toHaveAttribute('href', '/models/m2');
    expect(screen.queryByTestId('nodeStatusMissing-m1')).not.toBeInTheDocument();
  });

  it('undeploys after confirming, then says so and reloads', async () => {
    const { http, toasts } = setup();
    // Each row's button is named for its model (one "Undeploy" per row would be ambiguous).
    fireEvent.click(await screen.findByRole('button', { name: 'Undeploy splade' }));
    expect(http.post).not.toHaveBeenCalled();
    const getsBefore = http.get.mock.calls.filter((c) => c[0] === MODELS).length;

    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Undeployed splade', text: expect.any(Function) }));
    // The toast's text is a mount point (OSD renders it outside the app) linking to the model.
    const holder = document.createElement('div');
    const unmount = toasts.addSuccess.mock.calls[0][0].text(holder);
    expect(holder.querySelector('[data-test-subj="toastLink"]')).toHaveAttribute('href', '/models/m2');
    unmount();
    expect(http.post).toHaveBeenCalledWith(UNDEPLOY);
    await waitFor(() => expect(http.get.mock.calls.filter((c) => c[0] === MODELS).length).toBeGreaterThan(getsBefore));
    expect(screen.queryByTestId('undeployModal')).not.toBeInTheDocument();
  });

  it('says so when no node had the model (ML Commons still answers 200)', async () => {
    const { toasts } = setup({ a: { stats: { m2: 'not_found' } } });
    fireEvent.click(await screen.findByRole('button', { name: 'Undeploy splade' }));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(toasts.addWarning).toHaveBeenCalledWith({ title: 'Nothing undeployed for splade', text: expect.any(Function) }));
    expect(toasts.addSuccess).not.toHaveBeenCalled();
  });

  it('does not offer undeploy while a deploy runs (ML Commons cannot stop it midway)', async () => {
    const http = createFakeHttp({
      get: { [MODELS]: page([model({ id: 'm3', name: 'loading', model_state: 'DEPLOYING' })]), [PROFILES]: {}, [routePath('readiness')]: READY },
    });
    renderWithServices(<DeploymentsPage />, { http });
    const button = await screen.findByTestId('undeployButton-m3');
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-label', 'Undeploy loading: not available, A deploy is running, and ML Commons cannot stop it midway: undeploy once it has ended');
  });

  it('does nothing when the confirmation is cancelled', async () => {
    const { http } = setup();
    fireEvent.click(await screen.findByTestId('undeployButton-m1'));
    fireEvent.click(screen.getByTestId('confirmModalCancelButton'));
    expect(screen.queryByTestId('undeployModal')).not.toBeInTheDocument();
    expect(http.post).not.toHaveBeenCalled();
  });

  it("toasts ML Commons' reason when undeploy fails", async () => {
    const { toasts } = setup(httpError(403, 'User does not have permissions to undeploy model m2'));
    fireEvent.click(await screen.findByTestId('undeployButton-m2'));
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() =>
      expect(toasts.addDanger).toHaveBeenCalledWith({
        title: 'Could not undeploy splade',
        text: 'User does not have permissions to undeploy model m2',
      })
    );
  });
});
