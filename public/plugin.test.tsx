import { screen, waitFor } from '@testing-library/react';
import { PLUGIN_ID, PLUGIN_NAV_CATEGORY, PLUGIN_TITLE } from '../common/constants';
import { routePath } from '../common/routes';
import { page, READY } from '../test/mocks/public_fixtures';
import { createFakeHttp } from '../test/mocks/public_http';
import { mountApp, setupPlugin as setupWith } from '../test/mocks/public_plugin';

const setupPlugin = () => setupWith(createFakeHttp({ get: { [routePath('models')]: page([]), [routePath('readiness')]: READY } }));

describe('plugin', () => {
  it('registers the app under the OpenSearch Plugins category', () => {
    const { app } = setupPlugin();
    expect(app).toMatchObject({ id: PLUGIN_ID, title: PLUGIN_TITLE, category: PLUGIN_NAV_CATEGORY });
  });

  it('mounts into the given element, renders the app, and unmounts', async () => {
    const { app, chrome } = setupPlugin();
    const { element, unmount, onAppLeave } = await mountApp(app);
    expect(await screen.findByTestId('mlModelsApp')).toBeInTheDocument();
    // Leaving for another OSD app goes through this handler; with nothing running it lets go.
    const actions = { confirm: jest.fn(), default: jest.fn(() => 'default') };
    expect(onAppLeave.mock.calls[0][0](actions)).toBe('default');
    await screen.findByTestId('modelsEmpty');
    await waitFor(() => expect(chrome.setBreadcrumbs).toHaveBeenCalled());

    unmount();
    expect(element).toBeEmptyDOMElement();
    element.remove();
  });
});
