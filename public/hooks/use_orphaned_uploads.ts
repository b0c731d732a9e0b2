import { useMemo } from 'react';
import { MAX_PAGE_SIZE } from '../../common/constants';
import { isOrphan } from '../components/models/orphans';
import { useModels } from './use_models';

/**
 * Models stuck in REGISTERING for at least `minAgeMinutes`, oldest first. Narrowed by the same
 * search and group as the table, so users can limit a cleanup to what they are looking at.
 */
export function useOrphanedUploads({ minAgeMinutes, search, groupId }: { minAgeMinutes: number; search?: string; groupId?: string }) {
  const registering = useModels({
    states: ['REGISTERING'],
    search,
    model_group_id: groupId,
    size: MAX_PAGE_SIZE,
    sort_field: 'created_time',
    sort_direction: 'asc',
  });
  const orphans = useMemo(() => {
    const now = Date.now();
    return (registering.data?.items ?? []).filter((m) => isOrphan(m, minAgeMinutes, now));
  }, [registering.data, minAgeMinutes]);
  return { orphans, error: registering.error, reload: registering.reload };
}
