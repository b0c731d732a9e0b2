import moment from 'moment';

/** Shown in cells with no value, as elsewhere in OSD. */
export const EMPTY = '\u2014';

/** A table's state column: wide enough that a one-word state ("Registering") never breaks mid-word. */
export const STATE_COLUMN_WIDTH = '130px';

export function formatTime(epochMs: number | undefined): string {
  return epochMs === undefined || epochMs === null ? EMPTY : moment(epochMs).format('YYYY-MM-DD HH:mm:ss');
}

export function orEmpty(value: string | number | undefined | null): string {
  return value === undefined || value === null || value === '' ? EMPTY : String(value);
}

/** `12345678` -> `11.8 MB` (binary units, as OSD shows sizes), with the exact count kept for tooltips. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || bytes === null) return EMPTY;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * A shared validator's message shown under its own field, without its `[path]: ` prefix: there
 * the path only repeats the label ("[name]: must not be empty" reads "must not be empty").
 */
export function fieldError(message: string | undefined): string | undefined {
  return message?.replace(/^\[[^\]]+\]: /, '');
}

/** How much of an input a heading shows (the Playground's result cards, the similarity query). */
export const INPUT_HEADING_CHARS = 160;

/** `text` cut to at most `max` characters, the cut marked with an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
