import { useEffect, useRef } from 'react';

/** Refresh choices, in ms; 0 is off. Nothing faster than 10 s, to spare the cluster. */
export const REFRESH_INTERVALS = [0, 10000, 30000, 60000, 300000];
export const MIN_REFRESH_MS = 10000;

/**
 * Calls `refresh` every `intervalMs` while it is on (> 0); never faster than MIN_REFRESH_MS. A tick
 * that comes while `busy` (the last refresh still loading) is skipped: a reload aborts the request
 * in flight, so a cluster slower than the interval would otherwise never answer one.
 */
export function useAutoRefresh(intervalMs: number, refresh: () => void, busy = false) {
  const busyRef = useRef(busy);
  busyRef.current = busy;
  useEffect(() => {
    if (!intervalMs) return undefined;
    const timer = setInterval(() => {
      if (!busyRef.current) refresh();
    }, Math.max(intervalMs, MIN_REFRESH_MS));
    return () => clearInterval(timer);
  }, [intervalMs, refresh]);
}
