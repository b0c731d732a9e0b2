import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import { createFakeHttp, httpError, lastCallOptions } from '../../../test/mocks/public_http';
import { model, page, READY } from '../../../test/mocks/public_fixtures';
import { renderWithServices } from '../../../test/mocks/public_render';
import { ModelsPage } from './models_page';

const MODELS = routePath('models');
const READINESS = routePath('readiness');

function setup(models: unknown = page([model({ id: 'm1', name: 'minilm', model_state: 'DEPLOYED', current_worker_node_count: 1, planning_worker_node_count: 2 })], 45)) {
  const http = createFakeHttp({ get: { [MODELS]: models, [READINESS]: READY } });
  return { http, ...renderWithServices(<ModelsPage />, { http }) };
}

describe('ModelsPage', () => {
  it('asks for the first page sorted by creation time and renders the rows', async () => {
    const { http } = setup();
    expect(await screen.findByTestId('modelName-m1')).toHaveTextContent('minilm');
    expect(lastCallOptions(http.get, MODELS)?.query).toEqual({ from: 0, size: 20, sort_field: 'created_time', sort_direction: 'desc' });
    const row = screen.getByTestId('modelRow-m1');
    expect(within(row).getByText('Text embedding')).toBeInTheDocument();
    expect(within(row).getByText('ONNX')).toBeInTheDocument();
    expect(within(row).getByTestId('modelState-DEPLOYED')).toHaveTextContent('Deployed');
    expect(screen.getByTestId('modelNodes-m1')).toHaveTextContent('1 / 2');
  });

  it('explains a state in plain words on hover', async () => {
    setup(page([model({ id: 'm2', model_state: 'PARTIALLY_DEPLOYED' })]));
    fireEvent.mouseOver(await screen.findByTestId('modelState-PARTIALLY_DEPLOYED'));
    expect(await screen.findByText(/Running on some of its target nodes; some failed or left/)).toBeInTheDocument();
  });

  it('sends the search text, debounced, and goes back to the first page', async () => {
    const { http } = setup();
    await screen.findByTestId('modelName-m1');
    fireEvent.click(screen.getByTestId('pagination-button-next'));
    await waitFor(() => expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ from: 20, size: 20 }));

    fireEvent.change(screen.getByTestId('modelsSearch'), { target: { value: 'mini' } });
    fireEvent.change(screen.getByTestId('modelsSearch'), { target: { value: 'minilm ' } });
    await waitFor(() => expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ search: 'minilm', from: 0 }));
    const searches = http.get.mock.calls.filter((c) => c[0] === MODELS).map((c) => c[1].query.search);
    expect(searches).not.toContain('mini');
  });

  it('filters by state', async () => {
    const { http } = setup();
    await screen.findByTestId('modelName-m1');
    fireEvent.change(screen.getByTestId('modelsStateFilter'), { target: { value: 'PARTIALLY_DEPLOYED' } });
    await waitFor(() => expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ states: ['PARTIALLY_DEPLOYED'], from: 0 }));
  });

  it('sorts on the server when a column header is clicked', async () => {
    const { http } = setup();
    await screen.findByTestId('modelName-m1');
    fireEvent.click(within(screen.getByTestId('tableHeaderCell_name_0')).getByTestId('tableHeaderSortButton'));
    await waitFor(() => expect(lastCallOptions(http.get, MODELS)?.query).toMatchObject({ sort_field: 'name', sort_direction: 'asc' }));
  });

  it("shows ML Commons' reason when the request fails", async () => {
    setup(httpError(403, 'no permissions for [cluster:admin/opensearch/ml/models/search]'));
    expect(await screen.findByTestId('modelsError-message')).toHaveTextContent(
      'no permissions for [cluster:admin/opensearch/ml/models/search]'
    );
  });

  it('shows an empty state when there are no models', async () => {
    setup(page([]));
    expect(await screen.findByTestId('modelsEmpty')).toBeInTheDocument();
  });

  it('lists the readiness checks with their outcome', async () => {
    setup();
    expect(await screen.findByTestId('readinessCheck-register_via_url-ok')).toBeInTheDocument();
    expect(screen.getByTestId('readinessCheck-eligible_nodes-notOk')).toBeInTheDocument();
    expect(screen.getByTestId('readinessCheck-eligible_nodes')).toHaveTextContent('No ML node');
    expect(screen.getByTestId('readinessNodes')).toHaveTextContent('node-1');
  });
});
