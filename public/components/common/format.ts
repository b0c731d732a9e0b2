import moment from 'moment';

/** Shown in cells with no value, as elsewhere in OSD. */
export const EMPTY = '\u2014';

export function formatTime(epochMs: number | undefined): string {
  return epochMs === undefined || epochMs === null ? EMPTY : moment(epochMs).format('YYYY-MM-DD HH:mm:ss');
}

export function orEmpty(value: string | number | undefined | null): string {
  return value === undefined || value === null || value === '' ? EMPTY : String(value);
}
