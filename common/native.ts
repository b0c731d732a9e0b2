import type { NativeZipLimit } from './types/native';

/**
 * The refusal of a zip over the limit, worded once: the server answers it (413 `zip_too_large`),
 * and the browser says it before sending, since OSD reads a whole refused body before answering.
 */
export function zipTooLargeMessage(limit: NativeZipLimit): string {
  return `The zip is larger than ${limit.bytes} bytes (${limit.setting})`;
}
