import { createContext, useContext } from 'react';
import type { ChromeStart, NotificationsStart } from '../types/osd';
import type { Apis } from './apis';
import type { LeaveGuard } from './lib/leave_guard';

/** What components take from OSD core, handed down from `renderApp` instead of module globals. */
export interface AppServices {
  apis: Apis;
  notifications: NotificationsStart;
  chrome: ChromeStart;
  /** Set while leaving would break running work (a registration); see leave_guard.ts. */
  leaveGuard: LeaveGuard;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a ServicesContext.Provider (see renderApp)');
  return services;
}

export function useApis(): Apis {
  return useServices().apis;
}
