import type { ApiErrorBody } from '../../common/types';

/**
 * The text to show for a failed request. Routes answer Boom bodies whose `message` is ML Commons'
 * own reason, so that comes first; `err.message` covers network failures and aborted requests.
 */
export function errorMessage(err: unknown): string {
  const e = err as { body?: Partial<ApiErrorBody> | string; message?: string } | undefined;
  if (e && typeof e.body === 'object' && e.body !== null && typeof e.body.message === 'string' && e.body.message) {
    return e.body.message;
  }
  if (e && typeof e.body === 'string' && e.body) return e.body;
  if (e && typeof e.message === 'string' && e.message) return e.message;
  return String(err);
}

/** `fetch` rejects with an `AbortError` when a request is cancelled; that is not a failure to show. */
export function isAbortError(err: unknown): boolean {
  return (err as { name?: string } | undefined)?.name === 'AbortError';
}
