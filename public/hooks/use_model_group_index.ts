import { MAX_PAGE_SIZE } from '../../common/constants';
import { useMemo } from 'react';
import { useModelGroups } from './use_model_groups';

/**
 * Group names for the model tables and the group filter, from ONE request (the largest page the
 * route allows) rather than one per row. A group beyond that page shows as its id.
 */
export function useModelGroupIndex() {
  const groups = useModelGroups({ size: MAX_PAGE_SIZE, sort_field: 'name', sort_direction: 'asc' });
  const names = useMemo(() => {
    const map: Record<string, string> = {};
    for (const g of groups.data?.items ?? []) map[g.id] = g.name;
    return map;
  }, [groups.data]);
  return { groups: groups.data?.items ?? [], names, error: groups.error, reload: groups.reload };
}
