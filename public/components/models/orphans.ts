import type { Model } from '../../../common/types';

/**
 * A chunked upload abandoned mid-way (tab closed, network lost) leaves its model in REGISTERING
 * for good: ML Commons has no timeout for it. The meta document is not touched again until the
 * last chunk arrives, so a big upload still in progress looks idle too; 30 minutes leaves room
 * for a 4 GB zip on a slow link before the page calls it abandoned.
 */
export const ORPHAN_MIN_AGE_MINUTES = 30;

/** `?orphanMinutes=N` overrides the age (tests, or users who know their uploads are fast). */
export const ORPHAN_MINUTES_QUERY_PARAM = 'orphanMinutes';

export function orphanMinutesFrom(search: string): number {
  const raw = new URLSearchParams(search).get(ORPHAN_MINUTES_QUERY_PARAM);
  const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : ORPHAN_MIN_AGE_MINUTES;
}

/** When the model last changed: the meta doc's update time, else its creation time. */
export function lastActivity(model: Model): number | undefined {
  return model.last_updated_time ?? model.created_time;
}

export function isOrphan(model: Model, minAgeMinutes: number, now: number): boolean {
  if (model.model_state !== 'REGISTERING') return false;
  const at = lastActivity(model);
  return at !== undefined && now - at >= minAgeMinutes * 60000;
}
