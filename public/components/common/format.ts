import moment from 'moment';
import { formatBytes as formatByteCount } from '../../lib/format_bytes';

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

/** A size in IEC units (see lib/format_bytes), or the empty mark. */
export function formatBytes(bytes: number | undefined): string {
  return bytes === undefined || bytes === null ? EMPTY : formatByteCount(bytes);
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
