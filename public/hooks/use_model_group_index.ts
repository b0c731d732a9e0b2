import { useMemo, useRef } from 'react';
import type { ModelGroup, Page } from '../../common/types';
import { useApis } from '../services';
import { useRequest } from './use_request';

/**
 * Names of the groups in `ids` (the groups of the models a table shows, at most a page), from ONE
 * request rather than one per row. Names already read stay known while the next page loads, so
 * rows keep their names instead of flashing ids; a reload reads them again (renames show).
 */
export function useModelGroupIndex(ids: string[]) {
  const apis = useApis();
  // One request per set of ids, whatever their order on the page.
  const key = Array.from(new Set(ids)).sort().join(',');
  const groups = useRequest<Page<ModelGroup>>(
    key
      ? (signal) => {
          const wanted = key.split(',');
          return apis.modelGroups.search({ ids: wanted, size: wanted.length }, signal);
        }
      : undefined,
    [key]
  );
  const known = useRef<Record<string, string>>({});
  const names = useMemo(() => {
    const next = { ...known.current };
    for (const g of groups.data?.items ?? []) next[g.id] = g.name;
    known.current = next;
    return next;
  }, [groups.data]);
  return { names, error: groups.error, reload: groups.reload };
}
