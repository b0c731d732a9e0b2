import type { IOpenSearchDashboardsResponse, OpenSearchDashboardsResponseFactory } from '../../types/osd';

/** An error raised by this plugin itself, with the HTTP status it should answer with. */
export class PluginHttpError extends Error {
  constructor(public readonly statusCode: number, message: string, public readonly field?: string) {
    super(message);
    this.name = 'PluginHttpError';
  }
}

export interface UpstreamError {
  statusCode: number;
  reason: string;
  type?: string;
}

/**
 * Reads status and reason out of whatever the OpenSearch client threw, in every body shape
 * OpenSearch and ML Commons produce: the standard `{error:{type,reason}}` envelope, core's
 * `{error:"...", status}` (e.g. 406), the profile API's `{error, exception}`, or plain text.
 */
export function readUpstreamError(err: unknown): UpstreamError | undefined {
  const e = err as { meta?: { statusCode?: number; body?: unknown }; statusCode?: number; body?: unknown; message?: string };
  const statusCode = e?.meta?.statusCode ?? e?.statusCode;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 599) return undefined;
  let body = e.meta?.body ?? e.body;
  if (typeof body === 'string') {
    const text: string = body;
    try {
      body = JSON.parse(text);
    } catch {
      return { statusCode, reason: text || e.message || `OpenSearch answered ${statusCode}` };
    }
  }
  const b = body as { error?: unknown; exception?: string; message?: string } | undefined;
  if (b && typeof b.error === 'object' && b.error !== null) {
    const inner = b.error as { type?: string; reason?: string; root_cause?: Array<{ type?: string; reason?: string }>; caused_by?: { reason?: string } };
    let reason = inner.reason || inner.root_cause?.[0]?.reason || e.message || `OpenSearch answered ${statusCode}`;
    // ML Commons wraps engine failures ("Failed to inference ... model: <id>"); the cause says what went wrong.
    const cause = inner.caused_by?.reason;
    if (cause && cause !== reason && !reason.includes(cause)) reason = `${reason} (caused by: ${cause})`;
    return { statusCode, reason, type: inner.type || inner.root_cause?.[0]?.type };
  }
  if (b && typeof b.error === 'string') {
    return { statusCode, reason: b.exception ? `${b.error}: ${b.exception}` : b.error };
  }
  if (b && typeof b.message === 'string') return { statusCode, reason: b.message };
  return { statusCode, reason: e.message || `OpenSearch answered ${statusCode}` };
}

function isConnectionError(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === 'ConnectionError' || name === 'NoLivingConnectionsError';
}

/**
 * The browser went away mid-request (a cancelled upload or inspect, a closed tab): the upstream call
 * is aborted with it (RequestAbortedError) or the body stream ends early ("aborted"). Nobody reads
 * the answer, and it is no fault of the server's worth an error-level stack trace.
 */
/**
 * A request body the client abandoned before it was read (destroyed, never ended), as the error
 * Node gives such a body, so it is answered like any other client abort; undefined if it is whole.
 */
export function abandonedBody(body: { destroyed: boolean; readableEnded: boolean }): Error | undefined {
  return body.destroyed && !body.readableEnded ? Object.assign(new Error('aborted'), { code: 'ECONNRESET' }) : undefined;
}

function isClientAbort(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string } | undefined;
  return e?.name === 'RequestAbortedError' || e?.name === 'AbortError' || (e?.code === 'ECONNRESET' && e?.message === 'aborted');
}

/**
 * Turns any failure into the response the browser gets. Upstream statuses pass through unchanged
 * (a 404 stays a 404, a 409 a 409) with ML Commons' own reason; only the plugin's own bugs become 500.
 */
export function errorResponse(
  response: OpenSearchDashboardsResponseFactory,
  err: unknown,
  log?: (e: unknown) => void
): IOpenSearchDashboardsResponse {
  if (err instanceof PluginHttpError) {
    return response.customError({
      statusCode: err.statusCode,
      body: { message: err.message, attributes: err.field ? { field: err.field } : undefined },
    });
  }
  const upstream = readUpstreamError(err);
  if (upstream) {
    return response.customError({
      statusCode: upstream.statusCode,
      body: { message: upstream.reason, attributes: { reason: upstream.reason, type: upstream.type } },
    });
  }
  // The request may have reached OpenSearch, so what it asked for may still happen: unlike an
  // unreachable cluster (502), a caller must look before repeating a change.
  if ((err as { name?: string })?.name === 'TimeoutError') {
    return response.customError({
      statusCode: 504,
      body: { message: `OpenSearch did not answer in time (${(err as Error).message}); the operation may still complete` },
    });
  }
  if (isConnectionError(err)) {
    return response.customError({
      statusCode: 502,
      body: { message: `OpenSearch could not be reached: ${(err as Error).message}` },
    });
  }
  if (isClientAbort(err)) {
    return response.customError({ statusCode: 400, body: { message: 'The request was cancelled before it finished' } });
  }
  if (log) log(err);
  return response.internalError({ body: { message: `Unexpected error: ${(err as Error)?.message || String(err)}` } });
}
