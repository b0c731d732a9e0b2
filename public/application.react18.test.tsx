/**
 * Runs in the `react18` jest project: every `react`/`react-dom` import, OUI's and the router's
 * included, resolves to React 18, as in OSD 3.6+. The same plugin mount as OSD calls, for real.
 */
import { act, screen, waitFor } from '@testing-library/react';
import React from 'react';
import * as ReactDOM from 'react-dom';
import { routePath } from '../common/routes';
import { page, READY } from '../test/mocks/public_fixtures';
import { createFakeHttp } from '../test/mocks/public_http';
import { mountApp, setupPlugin } from '../test/mocks/public_plugin';

// React 18 checks this to know updates are wrapped in act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the app under React 18', () => {
  it('runs on React 18 here, not on the React 16 the other unit tests use', () => {
    expect(React.version).toMatch(/^18\./);
    expect(typeof (ReactDOM as unknown as { createRoot?: unknown }).createRoot).toBe('function');
  });

  it('mounts with createRoot, renders and navigates between pages, and unmounts cleanly', async () => {
    const errors = jest.spyOn(console, 'error');
    const http = createFakeHttp({
      get: {
        [routePath('models')]: page([]),
        [routePath('readiness')]: READY,
        [routePath('modelGroups')]: page([]),
        [routePath('nativeModels')]: { models: [] },
      },
    });
    const { app, chrome } = setupPlugin(http);
    const { element, history, unmount } = await mountApp(app);
    expect(await screen.findByTestId('mlModelsApp')).toBeInTheDocument();
    await screen.findByTestId('modelsEmpty');
    await waitFor(() => expect(chrome.setBreadcrumbs).toHaveBeenCalled());

    for (const [path, title] of [
      ['/playground', 'Playground'],
      ['/model-groups', 'Model groups'],
      ['/register', 'Register model'],
    ]) {
      await act(async () => {
        history.push(path);
      });
      await waitFor(() => expect(screen.getByTestId('pageTitle')).toHaveTextContent(title));
    }

    act(() => unmount());
    expect(element).toBeEmptyDOMElement();
    element.remove();
    // React 18 says so when the legacy ReactDOM.render path is used.
    const legacy = errors.mock.calls.map((c) => String(c[0])).filter((m) => /ReactDOM\.render is no longer supported|unmountComponentAtNode is deprecated/.test(m));
    expect(legacy).toEqual([]);
    errors.mockRestore();
  });
});
