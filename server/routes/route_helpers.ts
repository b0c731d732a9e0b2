import { Check } from '../../common/schema';
import type {
  Logger,
  OpenSearchDashboardsRequest,
  RequestHandler,
  RequestHandlerContext,
  RouteValidationFunction,
  Transport,
} from '../../types/osd';
import { getTransport } from '../lib/client';
import type { UserOf } from '../lib/current_user';
import { errorResponse } from '../lib/errors';

/**
 * Adapts a shared validator to OSD's validation-function contract. OSD prefixes the failing part
 * and path itself (`[request body.name]: ...`), so the bare reason goes with the path.
 */
export function validation<T>(check: Check<T>, opts: { emptyAs?: unknown } = {}): RouteValidationFunction<T> {
  return (data, { ok, badRequest }) => {
    const input = data === null || data === undefined || (Buffer.isBuffer(data) && data.length === 0) ? opts.emptyAs ?? data : data;
    const r = check(input, '');
    if (r.ok) return ok(r.value) as ReturnType<RouteValidationFunction<T>>;
    return (r.field ? badRequest(r.reason, r.field.split('.')) : badRequest(r.reason)) as ReturnType<RouteValidationFunction<T>>;
  };
}

export interface RouteDeps {
  logger: Logger;
  /** Who a request runs as (see current_user.ts); absent, everyone is one user. */
  userOf?: UserOf;
}

export interface HandlerArgs<P, Q, B> {
  request: OpenSearchDashboardsRequest<P, Q, B>;
  context: RequestHandlerContext;
  transport: Transport;
}

/**
 * Every handler: picks the transport for the request (current user or data source), runs the
 * call, answers 200 with its result, and maps any failure with its upstream status preserved.
 */
export function jsonHandler<P, Q extends { data_source_id?: string }, B>(
  deps: RouteDeps,
  fn: (args: HandlerArgs<P, Q, B>) => Promise<unknown>
): RequestHandler<P, Q, B> {
  return async (context, request, response) => {
    try {
      const transport = await getTransport(context, request.query?.data_source_id);
      const body = await fn({ request, context, transport });
      return response.ok({ body: body as object });
    } catch (err) {
      return errorResponse(response, err, (e) => deps.logger.error(e as Error));
    }
  };
}
