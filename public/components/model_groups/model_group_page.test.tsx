import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { Route } from 'react-router-dom';
import { routePath } from '../../../common/routes';
import { model, modelGroup, page, READY } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { ModelGroupPage } from './model_group_page';

const GROUP = routePath('modelGroup', { groupId: 'g1' });
const MODELS = routePath('models');

function setup(group: unknown = modelGroup({ id: 'g1', name: 'encoders', latest_version: 2, description: 'Dense text encoders' }), del: Record<string, unknown> = {}) {
  const http = createFakeHttp({
    get: {
      [GROUP]: group,
      [MODELS]: page([model({ id: 'v2', model_version: '2', model_group_id: 'g1', model_state: 'DEPLOYED' }), model({ id: 'v1', model_version: '1', model_group_id: 'g1' })]),
      [routePath('readiness')]: READY,
    },
    delete: del,
  });
  return { http, ...renderWithServices(<Route path="/model-groups/:groupId" component={ModelGroupPage} />, { http, path: '/model-groups/g1' }) };
}

describe('ModelGroupPage', () => {
  it("lists the group's versions and links to registering a new one", async () => {
    const { http, chrome } = setup();
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('encoders');
    expect(screen.getByText('Dense text encoders')).toBeInTheDocument();
    expect(await screen.findByTestId('versionLink-v2')).toHaveAttribute('href', '/models/v2');
    expect(screen.getByTestId('versionRow-v1')).toBeInTheDocument();
    expect(lastCallOptions(http.get, MODELS)?.query).toEqual({ model_group_id: 'g1', from: 0, size: 20, sort_field: 'created_time', sort_direction: 'desc' });
    expect(screen.getByTestId('registerVersionButton')).toHaveAttribute('href', '/register?group=g1');
    expect(screen.getByTestId('deleteButton-v2')).toBeDisabled();
    await waitFor(() =>
      expect(chrome.setBreadcrumbs).toHaveBeenLastCalledWith([
        expect.objectContaining({ text: 'ML Models' }),
        expect.objectContaining({ text: 'Model groups', href: '/model-groups' }),
        { text: 'encoders' },
      ])
    );
  });

  it('deletes the group after its name is typed, then returns to the list', async () => {
    const { http, history } = setup(undefined, { [routePath('modelGroupDelete', { groupId: 'g1' })]: { result: 'deleted' } });
    fireEvent.click(await screen.findByTestId('deleteGroupButton'));
    fireEvent.change(screen.getByTestId('deleteGroupModal-input'), { target: { value: 'encoders' } });
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    await waitFor(() => expect(history.location.pathname).toBe('/model-groups'));
    expect(http.delete).toHaveBeenCalledWith('/api/ml-models/model_groups/g1');
    // Back does not lead to the deleted group's page.
    expect(history.entries.map((e) => e.pathname)).toEqual(['/model-groups']);
  });

  it('a delete answered after the user left toasts it, and leaves them where they went', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const { history, toasts } = setup(undefined, { [routePath('modelGroupDelete', { groupId: 'g1' })]: () => new Promise((r) => (answer = r)) });
    fireEvent.click(await screen.findByTestId('deleteGroupButton'));
    fireEvent.change(screen.getByTestId('deleteGroupModal-input'), { target: { value: 'encoders' } });
    fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
    act(() => history.push('/tasks'));
    await act(async () => answer({ result: 'deleted' }));
    expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted model group encoders' });
    expect(history.location.pathname).toBe('/tasks');
  });

  it('a name with stray spaces or a line break (made elsewhere) is confirmed as the page shows it, by Enter too', async () => {
    const { http } = setup(modelGroup({ id: 'g1', name: ' team  alpha\nline2 ' }), { [routePath('modelGroupDelete', { groupId: 'g1' })]: { result: 'deleted' } });
    fireEvent.click(await screen.findByTestId('deleteGroupButton'));
    expect(screen.getByTestId('deleteGroupModal')).toHaveTextContent('Type team alpha line2 to confirm');
    const input = screen.getByTestId('deleteGroupModal-input');
    fireEvent.change(input, { target: { value: 'team alpha' } });
    expect(screen.getByTestId('confirmModalConfirmButton')).toBeDisabled();
    // Enter confirms only once the name matches.
    fireEvent.submit(input.closest('form')!);
    expect(http.delete).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'team alpha line2' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(http.delete).toHaveBeenCalledWith('/api/ml-models/model_groups/g1'));
    expect(http.delete).toHaveBeenCalledTimes(1);
  });

  it('shows nothing of the previous group once the id in the URL changes, and starts its versions at the first page', async () => {
    let resolveG2: (g: unknown) => void = () => {};
    const versions = [model({ id: 'v2', model_group_id: 'g1' }), model({ id: 'v1', model_group_id: 'g1' })];
    const http = createFakeHttp({
      get: {
        [GROUP]: modelGroup({ id: 'g1', name: 'encoders' }),
        [routePath('modelGroup', { groupId: 'g2' })]: () => new Promise((r) => (resolveG2 = r)),
        // More versions than a page holds, so there is a second page to leave.
        [MODELS]: page(versions, 45),
        [routePath('readiness')]: READY,
      },
    });
    const { history } = renderWithServices(<Route path="/model-groups/:groupId" component={ModelGroupPage} />, { http, path: '/model-groups/g1' });
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('encoders');
    await screen.findByTestId('versionRow-v1');
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() => expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ model_group_id: 'g1', from: 20 }));

    act(() => history.push('/model-groups/g2'));
    expect(screen.queryByTestId('pageTitle')).not.toBeInTheDocument();
    expect(screen.queryByTestId('deleteGroupButton')).not.toBeInTheDocument();
    await waitFor(() => expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ model_group_id: 'g2' }));
    expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ from: 0 });
    await act(async () => resolveG2(modelGroup({ id: 'g2', name: 'rerankers' })));
    expect(await screen.findByTestId('pageTitle')).toHaveTextContent('rerankers');
  });

  it("shows ML Commons' reason when the group cannot be read", async () => {
    setup(httpError(404, 'Failed to find model group with the provided model group id: g1'));
    expect(await screen.findByTestId('modelGroupError-message')).toHaveTextContent('Failed to find model group with the provided model group id: g1');
  });
});
