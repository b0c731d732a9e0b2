import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';

export type QueryPatch = Record<string, string | undefined>;

/**
 * The page's URL query as state, so a list's page, sort and filters survive Back and reload and
 * can be shared as a link. A patch replaces the keys it names (empty or undefined removes one) and
 * keeps the others; it replaces the entry rather than pushing one, so Back leaves the page instead
 * of stepping through every keystroke.
 */
export function useUrlQuery(): [URLSearchParams, (patch: QueryPatch) => void] {
  const location = useLocation();
  const history = useHistory();
  const params = useMemo(() => new URLSearchParams(location.search), [location.search]);
  const patch = useCallback(
    (updates: QueryPatch) => {
      const current = history.location.search.replace(/^\?/, '');
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(updates)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      const search = next.toString();
      if (search !== current) history.replace({ pathname: history.location.pathname, search: search ? `?${search}` : '', hash: history.location.hash });
    },
    [history]
  );
  return [params, patch];
}
