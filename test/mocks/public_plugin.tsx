import { act } from '@testing-library/react';
import { createMemoryHistory, MemoryHistory } from 'history';
import { plugin } from '../../public/index';
import type { App, AppMountParameters, CoreSetupPublic, CoreStartPublic, HttpSetup, ScopedHistory } from '../../types/osd';
import type { MlModelsSetupDeps } from '../../public/types';
import { createFakeServices } from './public_render';

/** The browser plugin set up as OSD sets it up, with core's services faked around `http`. */
export function setupPlugin(http: HttpSetup, deps: MlModelsSetupDeps = {}) {
  const { toasts, chrome } = createFakeServices(http);
  const coreStart: CoreStartPublic = { http, notifications: { toasts }, chrome, savedObjects: { client: 'savedObjectsClient' } };
  const register = jest.fn();
  const core: CoreSetupPublic = { application: { register }, getStartServices: () => Promise.resolve([coreStart, {}, {}]) };
  plugin({ config: { get: <T,>() => ({} as T) } }).setup(core, deps);
  return { app: register.mock.calls[0][0] as App, chrome, toasts };
}

/** Mounts `app` into a fresh element at `path`, as OSD does when the user opens it. */
export async function mountApp(
  app: App,
  path = '/'
): Promise<{ element: HTMLElement; history: MemoryHistory; unmount: () => void; onAppLeave: jest.Mock; setHeaderActionMenu: jest.Mock }> {
  const element = document.createElement('div');
  document.body.appendChild(element);
  const history = createMemoryHistory({ initialEntries: [path] });
  const onAppLeave = jest.fn();
  const setHeaderActionMenu = jest.fn();
  const params: AppMountParameters = { appBasePath: '/app/mlModels', element, history: history as unknown as ScopedHistory, onAppLeave, setHeaderActionMenu };
  let unmount = () => {};
  // OSD mounts outside React; act() lets the first requests settle like they would in a browser.
  await act(async () => {
    unmount = await app.mount(params);
  });
  return { element, history, unmount, onAppLeave, setHeaderActionMenu };
}
