import { useCallback, useState } from 'react';
import { addRecentRun, clearRecentRuns, loadRecentRuns, RecentRun } from '../lib/playground_recent';
import type { PlaygroundRequest } from '../lib/playground_request';

/** The recent-runs list, read once from localStorage and written through on every change. */
export function usePlaygroundRecent() {
  const [runs, setRuns] = useState<RecentRun[]>(() => loadRecentRuns());
  const add = useCallback((request: PlaygroundRequest) => setRuns(addRecentRun(request)), []);
  const clear = useCallback(() => {
    clearRecentRuns();
    setRuns([]);
  }, []);
  return { runs, add, clear };
}
