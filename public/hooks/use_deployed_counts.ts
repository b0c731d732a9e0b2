import { useMemo } from 'react';
import { MAX_PAGE_SIZE } from '../../common/constants';
import { SERVING_STATES } from '../../common/ml_commons';
import { useModels } from './use_models';

/**
 * Deployed versions per group, from ONE request for the running models (at most a page of
 * MAX_PAGE_SIZE; few clusters run more local models than that). `complete` is false when more
 * exist than one page holds, so counts are shown as lower bounds.
 */
export function useDeployedCounts() {
  // A version counts as deployed in the groups' overview while it serves.
  const running = useModels({ states: SERVING_STATES, size: MAX_PAGE_SIZE });
  const counts = useMemo(() => {
    const map: Record<string, number> = {};
    for (const m of running.data?.items ?? []) if (m.model_group_id) map[m.model_group_id] = (map[m.model_group_id] ?? 0) + 1;
    return map;
  }, [running.data]);
  const complete = !running.data || running.data.total <= running.data.items.length;
  return { counts, complete, loaded: !!running.data, error: running.error, reload: running.reload };
}
