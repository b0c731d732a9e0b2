import { useEffect } from 'react';

/** Refresh choices, in ms; 0 is off. Nothing faster than 10 s, to spare the cluster. */
export const REFRESH_INTERVALS = [0, 10000, 30000, 60000, 300000];
export const MIN_REFRESH_MS = 10000;

/** Calls `refresh` every `intervalMs` while it is on (> 0); never faster than MIN_REFRESH_MS. */
export function useAutoRefresh(intervalMs: number, refresh: () => void) {
  useEffect(() => {
    if (!intervalMs) return undefined;
    const timer = setInterval(refresh, Math.max(intervalMs, MIN_REFRESH_MS));
    return () => clearInterval(timer);
  }, [intervalMs, refresh]);
}
