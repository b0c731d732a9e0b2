import type { ReadinessSetting } from '../../../common/ml_commons';
import type { ReadinessResponse } from '../../../common/types';

/** The effective value of a readiness setting as text (`null` when the cluster has none). */
export function settingValue(readiness: ReadinessResponse | undefined, key: ReadinessSetting): string | null {
  const entry = readiness?.settings.find((s) => s.key === key);
  if (!entry || entry.value === null) return null;
  return Array.isArray(entry.value) ? entry.value.join(', ') : String(entry.value);
}

/** Whether a boolean setting is on; `fallback` is ML Commons' default when the cluster reports none. */
export function settingOn(readiness: ReadinessResponse | undefined, key: ReadinessSetting, fallback = false): boolean {
  const value = settingValue(readiness, key);
  return value === null ? fallback : value === 'true';
}

/** Node id → name, for the nodes the readiness route reports (the ones that can run local models). */
export function nodeNames(readiness: ReadinessResponse | undefined): Record<string, string> {
  const names: Record<string, string> = {};
  for (const node of readiness?.nodes ?? []) names[node.id] = node.name || node.id;
  return names;
}
