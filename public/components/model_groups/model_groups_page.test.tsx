import { fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import { modelGroup, page } from '../../../test/mocks/public_fixtures';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { ModelGroupsPage } from './model_groups_page';

const GROUPS = routePath('modelGroups');

function setup(groups: unknown) {
  const http = createFakeHttp({ get: { [GROUPS]: groups } });
  return { http, ...renderWithServices(<ModelGroupsPage />, { http }) };
}

describe('ModelGroupsPage', () => {
  it('renders groups and pages on the server', async () => {
    const { http } = setup(page([modelGroup({ id: 'g1', name: 'embeddings', latest_version: 3, access: 'private', description: 'All encoders' })], 30));
    const row = await screen.findByTestId('modelGroupRow-g1');
    expect(row).toHaveTextContent('embeddings');
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('Private');
    expect(row).toHaveTextContent('All encoders');
    expect(lastCallOptions(http.get, GROUPS)?.query).toEqual({ from: 0, size: 20, sort_field: 'last_updated_time', sort_direction: 'desc' });

    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() => expect(lastCallOptions(http.get, GROUPS)?.query).toMatchObject({ from: 20 }));
  });

  it('searches by name or id', async () => {
    const { http } = setup(page([modelGroup({ id: 'g1' })]));
    await screen.findByTestId('modelGroupRow-g1');
    fireEvent.change(screen.getByTestId('modelGroupsSearch'), { target: { value: 'embed' } });
    await waitFor(() => expect(lastCallOptions(http.get, GROUPS)?.query).toMatchObject({ search: 'embed', from: 0 }));
  });

  it("shows ML Commons' reason when the request fails", async () => {
    setup(httpError(403, 'no permissions for [cluster:admin/opensearch/ml/model_groups/search]'));
    expect(await screen.findByTestId('modelGroupsError-message')).toHaveTextContent('no permissions for [cluster:admin/opensearch/ml/model_groups/search]');
  });
});
