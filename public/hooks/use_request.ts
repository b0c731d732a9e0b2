import { DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError, isTransientError } from '../apis/errors';

export interface RequestState<T> {
  data?: T;
  error?: unknown;
  /**
   * A reload of the same inputs failed on its own (network, 5xx, 429) while `data` stays in place:
   * the page keeps showing (and auto-refreshing) the last answer, and says it could not refresh.
   */
  refreshError?: unknown;
  loading: boolean;
  /** Runs the request again with the same inputs (e.g. after an action changed the data). */
  reload: () => void;
}

export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

/**
 * Runs `fetcher` whenever `deps` change, or not at all while `fetcher` is undefined. A newer run,
 * or unmounting, aborts the one in flight and discards its answer, so a slow early response can
 * never overwrite a later one. `data` stays in place while the next run loads (no table flicker)
 * and is cleared on failure, so rows never sit next to an error they do not belong to; except
 * when a reload of the same inputs fails on its own (`refreshError`): one 502 during auto-refresh
 * must not replace a page, and end its auto-refresh, until someone clicks "Try again".
 * With `keepData: false` (a read of one thing by its id) new `deps` clear it at once instead: one
 * model's page must never show, or act on, the model read before it. A reload always keeps it.
 */
export function useRequest<T>(fetcher: Fetcher<T> | undefined, deps: DependencyList, { keepData = true }: { keepData?: boolean } = {}): RequestState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; refreshError?: unknown; loading: boolean }>({ loading: !!fetcher });
  const [generation, setGeneration] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const lastDeps = useRef<DependencyList>();

  useEffect(() => {
    const run = fetcherRef.current;
    if (!run) {
      setState({ loading: false });
      return undefined;
    }
    const controller = new AbortController();
    let current = true;
    const sameInputs = !!lastDeps.current && lastDeps.current.length === deps.length && deps.every((d, i) => Object.is(d, lastDeps.current?.[i]));
    lastDeps.current = deps;
    setState((prev) => ({ data: keepData || sameInputs ? prev.data : undefined, refreshError: sameInputs ? prev.refreshError : undefined, loading: true }));
    run(controller.signal).then(
      (data) => {
        if (current) setState({ data, loading: false });
      },
      (error) => {
        if (!current || isAbortError(error)) return;
        setState((prev) =>
          sameInputs && prev.data !== undefined && isTransientError(error) ? { data: prev.data, refreshError: error, loading: false } : { error, loading: false }
        );
      }
    );
    return () => {
      current = false;
      controller.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation, !!fetcher]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
