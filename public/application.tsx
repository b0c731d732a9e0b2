import type { History } from 'history';
import React from 'react';
import { Router } from 'react-router-dom';
import type { AppMountParameters, CoreStartPublic } from '../types/osd';
import { createApis } from './apis';
import { App } from './components/app/app';
import { appLeaveHandler, guardHistory, LeaveGuard } from './lib/leave_guard';
import { mountReact } from './mount_react';
import { AppServices, ServicesContext } from './services';

/** Mounts the app into OSD's element and returns the unmount function OSD calls on leave. */
export function renderApp(coreStart: CoreStartPublic, params: AppMountParameters): () => void {
  const services: AppServices = {
    apis: createApis(coreStart.http),
    notifications: coreStart.notifications,
    chrome: coreStart.chrome,
    leaveGuard: new LeaveGuard(),
  };
  params.onAppLeave?.(appLeaveHandler(services.leaveGuard));
  // OSD's ScopedHistory implements history 4's History; its routes are relative to the app base path.
  const history = guardHistory(params.history as unknown as History, services.leaveGuard);
  return mountReact(
    <ServicesContext.Provider value={services}>
      <Router history={history}>
        <App />
      </Router>
    </ServicesContext.Provider>,
    params.element
  );
}
