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

/** The HTTP status a route answered with; undefined for network failures and aborts. */
export function errorStatus(err: unknown): number | undefined {
  const e = err as { body?: Partial<ApiErrorBody> | string; response?: { status?: unknown }; status?: unknown } | undefined;
  const candidates = [typeof e?.body === 'object' && e.body !== null ? e.body.statusCode : undefined, e?.response?.status, e?.status];
  return candidates.find((c): c is number => typeof c === 'number');
}

/** Native inference's failure code (`attributes.code`), when the route gave one. */
export function errorCode(err: unknown): string | undefined {
  const e = err as { body?: Partial<ApiErrorBody> | string } | undefined;
  const code = typeof e?.body === 'object' && e.body !== null ? e.body.attributes?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** `fetch` rejects with an `AbortError` when a request is cancelled; that is not a failure to show. */
export function isAbortError(err: unknown): boolean {
  return (err as { name?: string } | undefined)?.name === 'AbortError';
}

/**
 * A failure that may pass on its own: the network (no status), 5xx and 429. A 4xx is the
 * request's fault (too big, unknown model, not allowed) and answers the same every time.
 */
export function isTransientError(err: unknown): boolean {
  if (isAbortError(err)) return false;
  const status = errorStatus(err);
  if (status === undefined) return true;
  return status >= 500 || status === 429;
}
