import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from './use_debounced_value';

export type QueryPatch = Record<string, string | undefined>;

/** A query value if it is one of `list`, else '' (a hand-edited or outdated URL is ignored). */
export function knownValue<T extends string>(list: readonly T[], value: string | null): T | '' {
  return value && (list as readonly string[]).includes(value) ? (value as T) : '';
}

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

/**
 * A search box kept in the URL under `key`: typing goes to local state and reaches the URL once
 * it pauses (every URL change replaces a history entry, and browsers throttle, Safari refuses,
 * many in a row). A new value goes back to the first page. `value` is the paused, trimmed text.
 * The box follows the URL when navigation changes it (the side nav's link to the same page,
 * Back/Forward), which keeps the page mounted.
 */
export function useUrlSearchText(key: string): { text: string; setText: (text: string) => void; value: string } {
  const [params, patch] = useUrlQuery();
  const fromUrl = params.get(key) ?? '';
  const [text, setText] = useState(fromUrl);
  const value = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  /** The value the URL and the box last agreed on. */
  const agreed = useRef(fromUrl);
  useEffect(() => {
    if (fromUrl === agreed.current) return;
    agreed.current = fromUrl;
    setText(fromUrl);
  }, [fromUrl]);
  useEffect(() => {
    if (value === agreed.current) return;
    agreed.current = value;
    patch({ [key]: value, page: undefined });
    // Only a new value is written.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return { text, setText, value };
}
