import { screen, waitFor } from '@testing-library/react';
import React from 'react';
import { PLUGIN_ID, PLUGIN_NAV_CATEGORY, PLUGIN_TITLE } from '../common/constants';
import { routePath } from '../common/routes';
import { page, READY } from '../test/mocks/public_fixtures';
import { createFakeHttp } from '../test/mocks/public_http';
import { mountApp, setupPlugin as setupWith } from '../test/mocks/public_plugin';
import type { DataSourceMenuProps } from '../types/osd';

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

  it("with multiple data sources enabled, hands OSD's picker the header mount and works on what it picks", async () => {
    const http = createFakeHttp({ get: { [routePath('models')]: page([]), [routePath('readiness')]: READY } });
    const Menu = jest.fn((props: DataSourceMenuProps) => {
      React.useEffect(() => props.componentConfig.onSelectedDataSources([{ id: 'ds-1', label: 'remote' }]), []);
      return null;
    });
    const dataSourceManagement = { ui: { getDataSourceMenu: () => Menu } };
    const { app } = setupWith(http, { dataSource: { dataSourceEnabled: true }, dataSourceManagement });
    const { unmount, setHeaderActionMenu, element } = await mountApp(app);
    await screen.findByTestId('modelsEmpty');
    const props = Menu.mock.calls[0][0];
    expect(props).toMatchObject({ componentType: 'DataSourceSelectable', setMenuMountPoint: setHeaderActionMenu });
    expect(props.componentConfig.savedObjects).toBe('savedObjectsClient');
    expect(http.get).toHaveBeenCalledWith(routePath('models'), expect.objectContaining({ query: expect.objectContaining({ data_source_id: 'ds-1' }) }));
    unmount();
    element.remove();
  });

  it('shows no picker while data sources are disabled (the plugins present, data_source.enabled false)', async () => {
    const http = createFakeHttp({ get: { [routePath('models')]: page([]), [routePath('readiness')]: READY } });
    const getDataSourceMenu = jest.fn();
    const { app } = setupWith(http, { dataSource: { dataSourceEnabled: false }, dataSourceManagement: { ui: { getDataSourceMenu } } });
    const { unmount, element } = await mountApp(app);
    await screen.findByTestId('modelsEmpty');
    expect(getDataSourceMenu).not.toHaveBeenCalled();
    expect(http.get).toHaveBeenCalledWith(routePath('models'), expect.objectContaining({ query: expect.not.objectContaining({ data_source_id: expect.anything() }) }));
    unmount();
    element.remove();
  });
});
