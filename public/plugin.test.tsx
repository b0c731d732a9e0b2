import { act, screen, waitFor } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import { PLUGIN_ID, PLUGIN_NAV_CATEGORY, PLUGIN_TITLE } from '../common/constants';
import { routePath } from '../common/routes';
import { page, READY } from '../test/mocks/public_fixtures';
import { createFakeHttp } from '../test/mocks/public_http';
import { createFakeServices } from '../test/mocks/public_render';
import type { App, AppMountParameters, CoreSetupPublic, CoreStartPublic, ScopedHistory } from '../types/osd';
import { plugin } from './index';

function setupPlugin() {
  const http = createFakeHttp({ get: { [routePath('models')]: page([]), [routePath('readiness')]: READY } });
  const { toasts, chrome } = createFakeServices(http);
  const coreStart: CoreStartPublic = { http, notifications: { toasts }, chrome };
  const register = jest.fn();
  const core: CoreSetupPublic = {
    application: { register },
    getStartServices: () => Promise.resolve([coreStart, {}, {}]),
  };
  plugin({ config: { get: <T,>() => ({} as T) } }).setup(core, {});
  return { app: register.mock.calls[0][0] as App, chrome };
}

describe('plugin', () => {
  it('registers the app under the OpenSearch Plugins category', () => {
    const { app } = setupPlugin();
    expect(app).toMatchObject({ id: PLUGIN_ID, title: PLUGIN_TITLE, category: PLUGIN_NAV_CATEGORY });
  });

  it('mounts into the given element, renders the app, and unmounts', async () => {
    const { app, chrome } = setupPlugin();
    const element = document.createElement('div');
    document.body.appendChild(element);
    const history = createMemoryHistory({ initialEntries: ['/'] }) as unknown as ScopedHistory;
    const params: AppMountParameters = { appBasePath: '/app/mlModels', element, history };

    let unmount = () => {};
    // OSD mounts outside React; act() lets the first requests settle like they would in a browser.
    await act(async () => {
      unmount = await app.mount(params);
    });
    expect(await screen.findByTestId('mlModelsApp')).toBeInTheDocument();
    await screen.findByTestId('modelsEmpty');
    await waitFor(() => expect(chrome.setBreadcrumbs).toHaveBeenCalled());

    unmount();
    expect(element).toBeEmptyDOMElement();
    element.remove();
  });
});
