import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import type { ReadinessResponse } from '../../../common/types';
import { model, modelGroup, page, READY } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions, sentBodies } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { ModelGroupsPage } from './model_groups_page';

const GROUPS = routePath('modelGroups');
const MODELS = routePath('models');
const READINESS = routePath('readiness');
const CREATE = routePath('modelGroupCreate');
const UPDATE = routePath('modelGroupUpdate', { groupId: 'g1' });
const DELETE = routePath('modelGroupDelete', { groupId: 'g1' });

const ACCESS_ON: ReadinessResponse = {
  ...READY,
  settings: [{ key: 'model_access_control_enabled', setting: 'plugins.ml_commons.model_access_control_enabled', value: 'true', source: 'persistent' }],
};
const GROUP_PAGE = page([modelGroup({ id: 'g1', name: 'embeddings', latest_version: 3, access: 'private', description: 'All encoders' })], 30);
const RUNNING = page([
  model({ id: 'a', model_group_id: 'g1', model_state: 'DEPLOYED' }),
  model({ id: 'b', model_group_id: 'g1', model_state: 'PARTIALLY_DEPLOYED' }),
  model({ id: 'c', model_group_id: 'g2', model_state: 'DEPLOYED' }),
]);

const renderSetup = (path: string) => {
  const http = createFakeHttp({ get: { [GROUPS]: GROUP_PAGE, [MODELS]: RUNNING, [READINESS]: READY } });
  return { http, ...renderWithServices(<ModelGroupsPage />, { http, path }) };
};

function setup({ groups = GROUP_PAGE as unknown, readiness = READY as unknown, post = {} as Record<string, unknown>, put = {} as Record<string, unknown>, del = {} as Record<string, unknown> } = {}) {
  const http = createFakeHttp({ get: { [GROUPS]: groups, [MODELS]: RUNNING, [READINESS]: readiness }, post, put, delete: del });
  return { http, ...renderWithServices(<ModelGroupsPage />, { http, path: '/model-groups' }) };
}

describe('ModelGroupsPage', () => {
  it('renders groups with latest version and deployed count, paging on the server', async () => {
    const { http } = setup();
    const row = await screen.findByTestId('modelGroupRow-g1');
    expect(row).toHaveTextContent('embeddings');
    expect(row).toHaveTextContent('Private');
    expect(row).toHaveTextContent('All encoders');
    expect(screen.getByTestId('modelGroupName-g1')).toHaveAttribute('href', '/model-groups/g1');
    expect(await screen.findByTestId('modelGroupDeployed-g1')).toHaveTextContent('2');
    expect(lastCallOptions(http.get, MODELS)?.query).toEqual({ states: ['DEPLOYED', 'PARTIALLY_DEPLOYED'], size: 100 });
    expect(http.get.mock.calls.filter((c) => c[0] === MODELS)).toHaveLength(1);
    expect(lastCallOptions(http.get, GROUPS)?.query).toEqual({ from: 0, size: 20, sort_field: 'last_updated_time', sort_direction: 'desc' });

    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() => expect(lastCallOptions(http.get, GROUPS)?.query).toMatchObject({ from: 20 }));
  });

  it('reads again when a group is deleted elsewhere in the app (a cancelled registration removing the group it made)', async () => {
    let deleted = false;
    const { services } = setup({ groups: () => (deleted ? page([]) : GROUP_PAGE), del: { [DELETE]: () => ((deleted = true), { result: 'deleted' }) } });
    expect(await screen.findByTestId('modelGroupName-g1')).toBeInTheDocument();
    await act(async () => {
      await services.apis.modelGroups.delete('g1');
    });
    await waitFor(() => expect(screen.queryByTestId('modelGroupName-g1')).not.toBeInTheDocument());
  });

  it('searches by name or id', async () => {
    const { http } = setup();
    await screen.findByTestId('modelGroupRow-g1');
    fireEvent.change(screen.getByTestId('modelGroupsSearch'), { target: { value: 'embed' } });
    await waitFor(() => expect(lastCallOptions(http.get, GROUPS)?.query).toMatchObject({ search: 'embed', from: 0 }));
  });

  it("shows ML Commons' reason when the request fails", async () => {
    setup({ groups: httpError(403, 'no permissions for [cluster:admin/opensearch/ml/model_groups/search]') });
    expect(await screen.findByTestId('modelGroupsError-message')).toHaveTextContent('no permissions for [cluster:admin/opensearch/ml/model_groups/search]');
  });

  it('says why the deployed counts are missing, and counts again on retry', async () => {
    let running: unknown = httpError(403, 'no permissions for [cluster:admin/opensearch/ml/models/search]');
    const http = createFakeHttp({ get: { [GROUPS]: GROUP_PAGE, [MODELS]: () => running, [READINESS]: READY } });
    renderWithServices(<ModelGroupsPage />, { http, path: '/model-groups' });
    expect(await screen.findByTestId('deployedCountsError-message')).toHaveTextContent('no permissions for [cluster:admin/opensearch/ml/models/search]');
    expect(screen.getByTestId('modelGroupRow-g1')).toBeInTheDocument();
    running = RUNNING;
    fireEvent.click(screen.getByTestId('deployedCountsError-retry'));
    expect(await screen.findByTestId('modelGroupDeployed-g1')).toHaveTextContent('2');
    expect(screen.queryByTestId('deployedCountsError')).not.toBeInTheDocument();
  });

  it('keeps its search in the URL once typing pauses, and starts it again from the URL', async () => {
    const { http, history } = renderSetup('/model-groups?q=emb&page=2');
    await screen.findByTestId('modelGroupRow-g1');
    expect(lastCallOptions(http.get, GROUPS)?.query).toMatchObject({ search: 'emb', from: 20 });
    fireEvent.change(screen.getByPlaceholderText('Search by name or id'), { target: { value: 'embeddings' } });
    await waitFor(() => expect(history.location.search).toBe('?q=embeddings'));
  });

  describe('create', () => {
    it('validates inline, offers no access fields while access control is off, and opens the new group', async () => {
      const { http, history, toasts } = setup({ post: { [CREATE]: { model_group_id: 'new1', status: 'CREATED' } } });
      fireEvent.click(await screen.findByTestId('createGroupButton'));
      expect(await screen.findByTestId('groupAccessOff')).toHaveTextContent('Model access control is off');
      expect(screen.queryByTestId('groupAccessInput')).not.toBeInTheDocument();

      fireEvent.click(screen.getByTestId('groupFormSubmit'));
      expect(await screen.findByText('must not be empty')).toBeInTheDocument();
      expect(http.post).not.toHaveBeenCalled();

      fireEvent.change(screen.getByTestId('groupNameInput'), { target: { value: 'x'.repeat(257) } });
      expect(screen.getByText('must have at most 256 characters')).toBeInTheDocument();

      fireEvent.change(screen.getByTestId('groupNameInput'), { target: { value: ' encoders ' } });
      fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: 'Text encoders' } });
      fireEvent.click(screen.getByTestId('groupFormSubmit'));
      await waitFor(() => expect(sentBodies(http.post, CREATE)).toEqual([{ name: 'encoders', description: 'Text encoders' }]));
      expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Created model group encoders' });
      await waitFor(() => expect(history.location.pathname).toBe('/model-groups/new1'));
    });

    it('on 3.1 and later, refuses in the form the characters ML Commons refuses there', async () => {
      const { http } = setup({ readiness: { ...READY, version: '3.6.0' } });
      fireEvent.click(await screen.findByTestId('createGroupButton'));
      fireEvent.change(await screen.findByTestId('groupNameInput'), { target: { value: 'team #1' } });
      fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: 'Fast & small' } });
      fireEvent.click(screen.getByTestId('groupFormSubmit'));
      expect(await screen.findByText(/^OpenSearch 3\.6\.0 takes only letters, numbers, spaces and basic punctuation .* here, not "#"/)).toBeInTheDocument();
      expect(screen.getByText(/^OpenSearch 3\.6\.0 takes only .* here, not "&"/)).toBeInTheDocument();
      expect(http.post).not.toHaveBeenCalled();
    });

    it('sends access mode and backend roles when access control is on, and requires roles for restricted', async () => {
      const { http } = setup({ readiness: ACCESS_ON, post: { [CREATE]: { model_group_id: 'new1', status: 'CREATED' } } });
      fireEvent.click(await screen.findByTestId('createGroupButton'));
      fireEvent.change(await screen.findByTestId('groupAccessInput'), { target: { value: 'restricted' } });
      fireEvent.change(screen.getByTestId('groupNameInput'), { target: { value: 'shared' } });
      fireEvent.click(screen.getByTestId('groupFormSubmit'));
      expect(await screen.findByText(/A restricted group needs backend roles/)).toBeInTheDocument();
      expect(http.post).not.toHaveBeenCalled();

      const roles = screen.getByTestId('groupRolesInput');
      const input = within(roles).getByTestId('comboBoxSearchInput');
      fireEvent.change(input, { target: { value: 'ml-team' } });
      fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
      fireEvent.click(screen.getByTestId('groupFormSubmit'));
      await waitFor(() => expect(sentBodies(http.post, CREATE)).toEqual([{ name: 'shared', access_mode: 'restricted', backend_roles: ['ml-team'] }]));
    });

    it('creates once however often the form is submitted (Enter in the name field) while the first create runs', async () => {
      let answer: (v: unknown) => void = () => undefined;
      const { http } = setup({ post: { [CREATE]: () => new Promise((r) => (answer = r)) } });
      fireEvent.click(await screen.findByTestId('createGroupButton'));
      fireEvent.change(screen.getByTestId('groupNameInput'), { target: { value: 'once' } });
      const form = screen.getByTestId('groupNameInput').closest('form')!;
      fireEvent.submit(form);
      fireEvent.submit(form);
      fireEvent.submit(form);
      answer({ model_group_id: 'new1', status: 'CREATED' });
      await waitFor(() => expect(sentBodies(http.post, CREATE)).toEqual([{ name: 'once' }]));
    });

    it("keeps the form open with ML Commons' reason when the name is taken", async () => {
      setup({ post: { [CREATE]: httpError(400, 'The name you provided is already being used by a model group with ID: g7.') } });
      fireEvent.click(await screen.findByTestId('createGroupButton'));
      fireEvent.change(screen.getByTestId('groupNameInput'), { target: { value: 'embeddings' } });
      fireEvent.click(screen.getByTestId('groupFormSubmit'));
      expect(await screen.findByTestId('groupFormError')).toHaveTextContent('The name you provided is already being used by a model group with ID: g7.');
    });
  });

  it('edits a group, sending only what changed', async () => {
    const { http, toasts } = setup({ put: { [UPDATE]: { status: 'Updated' } } });
    fireEvent.click(await screen.findByTestId('editGroupButton-g1'));
    expect(screen.getByTestId('groupNameInput')).toHaveValue('embeddings');
    fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: 'Dense encoders' } });
    fireEvent.click(screen.getByTestId('groupFormSubmit'));
    await waitFor(() => expect(sentBodies(http.put, UPDATE)).toEqual([{ description: 'Dense encoders' }]));
    expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Saved model group embeddings' });
  });

  it('clearing the description is refused in the form with the reason, since ML Commons would keep the old one', async () => {
    const { http } = setup({ put: { [UPDATE]: { status: 'Updated' } } });
    fireEvent.click(await screen.findByTestId('editGroupButton-g1'));
    fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: ' ' } });
    fireEvent.click(screen.getByTestId('groupFormSubmit'));
    expect(await screen.findByText(/cannot be cleared: ML Commons keeps a model group's description/)).toBeInTheDocument();
    expect(screen.getByTestId('groupDescriptionInput')).toBeInvalid();
    expect(http.put).not.toHaveBeenCalled();
  });

  it('an edit of the description alone leaves a name with stray spaces (made elsewhere) as it is', async () => {
    const odd = modelGroup({ id: 'g1', name: ' team  alpha ', description: 'x' });
    const { http } = setup({ groups: page([odd], 1), put: { [UPDATE]: { status: 'Updated' } } });
    fireEvent.click(await screen.findByTestId('editGroupButton-g1'));
    fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: 'hello' } });
    fireEvent.click(screen.getByTestId('groupFormSubmit'));
    await waitFor(() => expect(sentBodies(http.put, UPDATE)).toEqual([{ description: 'hello' }]));
  });

  it('an edit that changes nothing sends nothing and shows no error, even on Enter', async () => {
    const { http } = setup({ put: { [UPDATE]: { status: 'Updated' } } });
    fireEvent.click(await screen.findByTestId('editGroupButton-g1'));
    expect(screen.getByTestId('groupFormSubmit')).toBeDisabled();
    fireEvent.submit(screen.getByTestId('groupNameInput').closest('form')!);
    expect(http.put).not.toHaveBeenCalled();
    expect(screen.getByTestId('groupFormModal')).not.toHaveTextContent('names no field to change');
    // Still nothing to send once the modal has read the cluster's settings (access control is off).
    expect(await screen.findByTestId('groupAccessOff')).toBeInTheDocument();
    expect(screen.getByTestId('groupFormSubmit')).toBeDisabled();
    expect(http.put).not.toHaveBeenCalled();
  });

  it('shows the saved values at once, though the search still answers with the group as it was before the edit', async () => {
    // The search lags the edit (index refresh); the read by id does not.
    const stale = modelGroup({ id: 'g1', name: 'embeddings', description: 'All encoders', last_updated_time: 1000 });
    const http = createFakeHttp({
      get: {
        [GROUPS]: page([stale]),
        [MODELS]: RUNNING,
        [READINESS]: READY,
        // As 2.19.6 answers: the edit does not move last_updated_time.
        [routePath('modelGroup', { groupId: 'g1' })]: { ...stale, description: 'Dense encoders' },
      },
      put: { [UPDATE]: { status: 'Updated' } },
    });
    renderWithServices(<ModelGroupsPage />, { http, path: '/model-groups' });
    fireEvent.click(await screen.findByTestId('editGroupButton-g1'));
    fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: 'Dense encoders' } });
    fireEvent.click(screen.getByTestId('groupFormSubmit'));
    await waitFor(() => expect(screen.getByTestId('modelGroupRow-g1')).toHaveTextContent('Dense encoders'));
    await waitFor(() => expect(http.get.mock.calls.filter(([p]) => p === GROUPS).length).toBeGreaterThan(1));
    expect(screen.getByTestId('modelGroupRow-g1')).toHaveTextContent('Dense encoders');
  });

  it('lets the search speak again once it has caught up with an edit (a later change elsewhere shows)', async () => {
    const before = modelGroup({ id: 'g1', name: 'embeddings', description: 'All encoders', last_updated_time: 1000 });
    const after = { ...before, description: 'Dense encoders' };
    // The searches answer: before (twice, lagging the edit), then after, then reverted elsewhere.
    const answers = [before, before, after, before];
    let searches = 0;
    const http = createFakeHttp({
      get: {
        [GROUPS]: () => page([answers[Math.min(searches++, answers.length - 1)]]),
        [MODELS]: RUNNING,
        [READINESS]: READY,
        [routePath('modelGroup', { groupId: 'g1' })]: after,
      },
      put: { [UPDATE]: { status: 'Updated' } },
    });
    renderWithServices(<ModelGroupsPage />, { http, path: '/model-groups' });
    fireEvent.click(await screen.findByTestId('editGroupButton-g1'));
    fireEvent.change(screen.getByTestId('groupDescriptionInput'), { target: { value: 'Dense encoders' } });
    fireEvent.click(screen.getByTestId('groupFormSubmit'));
    await waitFor(() => expect(searches).toBe(2));
    await waitFor(() => expect(screen.getByTestId('modelGroupRow-g1')).toHaveTextContent('Dense encoders'));
    const sortBy = (name: RegExp) => fireEvent.click(within(screen.getByTestId('modelGroupsTable')).getAllByRole('button', { name })[0]);
    sortBy(/^Name/);
    await waitFor(() => expect(searches).toBe(3));
    sortBy(/^Name/);
    await waitFor(() => expect(searches).toBe(4));
    await waitFor(() => expect(screen.getByTestId('modelGroupRow-g1')).toHaveTextContent('All encoders'));
  });

  describe('delete', () => {
    it('needs the name typed before it deletes', async () => {
      const { http, toasts } = setup({ del: { [DELETE]: { result: 'deleted' } } });
      fireEvent.click(await screen.findByTestId('deleteGroupButton-g1'));
      const confirm = screen.getByTestId('confirmModalConfirmButton');
      expect(confirm).toBeDisabled();
      fireEvent.change(screen.getByTestId('deleteGroupModal-input'), { target: { value: 'embedding' } });
      expect(confirm).toBeDisabled();
      fireEvent.change(screen.getByTestId('deleteGroupModal-input'), { target: { value: 'embeddings' } });
      expect(confirm).toBeEnabled();
      fireEvent.click(confirm);
      await waitFor(() => expect(toasts.addSuccess).toHaveBeenCalledWith({ title: 'Deleted model group embeddings' }));
      expect(http.delete).toHaveBeenCalledWith('/api/ml-models/model_groups/g1');
    });

    it("toasts ML Commons' reason when the group still has versions", async () => {
      const { toasts } = setup({ del: { [DELETE]: httpError(409, 'Cannot delete the model group when it has associated model versions') } });
      fireEvent.click(await screen.findByTestId('deleteGroupButton-g1'));
      fireEvent.change(screen.getByTestId('deleteGroupModal-input'), { target: { value: 'embeddings' } });
      fireEvent.click(screen.getByTestId('confirmModalConfirmButton'));
      await waitFor(() =>
        expect(toasts.addDanger).toHaveBeenCalledWith({
          title: 'Could not delete model group embeddings',
          text: 'Cannot delete the model group when it has associated model versions',
        })
      );
    });
  });
});
