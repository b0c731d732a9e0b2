import { render } from '@testing-library/react';
import { createMemoryHistory, MemoryHistory } from 'history';
import React from 'react';
import { Router } from 'react-router-dom';
import { createApis } from '../../public/apis';
import { guardHistory, LeaveGuard } from '../../public/lib/leave_guard';
import { AppServices, ServicesContext } from '../../public/services';
import type { HttpSetup } from '../../types/osd';

export function createFakeServices(http: HttpSetup) {
  const toasts = { addSuccess: jest.fn(), addWarning: jest.fn(), addDanger: jest.fn(), addError: jest.fn() };
  const chrome = { setBreadcrumbs: jest.fn(), docTitle: { change: jest.fn() } };
  const services: AppServices = { apis: createApis(http), notifications: { toasts }, chrome, leaveGuard: new LeaveGuard() };
  return { services, toasts, chrome };
}

/** Renders `ui` as `renderApp` would: services in context, inside a router at `path`. */
export function renderWithServices(ui: React.ReactElement, { http, path = '/' }: { http: HttpSetup; path?: string }) {
  const { services, toasts, chrome } = createFakeServices(http);
  // Guarded as renderApp guards OSD's history (confirm is window.confirm, which tests stub).
  const history: MemoryHistory = guardHistory(createMemoryHistory({ initialEntries: [path] }), services.leaveGuard);
  const result = render(
    <ServicesContext.Provider value={services}>
      <Router history={history}>{ui}</Router>
    </ServicesContext.Provider>
  );
  return { ...result, history, toasts, chrome, services };
}
