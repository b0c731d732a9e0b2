import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `delayMs` (search boxes query the server per pause, not per key). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** How long search boxes wait after the last key before querying. */
export const SEARCH_DEBOUNCE_MS = 300;
