import { createContext, useContext } from 'react';
import type { ChromeStart, NotificationsStart } from '../types/osd';
import type { Apis } from './apis';

/** What components take from OSD core, handed down from `renderApp` instead of module globals. */
export interface AppServices {
  apis: Apis;
  notifications: NotificationsStart;
  chrome: ChromeStart;
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
