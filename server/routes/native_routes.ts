import type { Readable } from 'stream';
import { ROUTES } from '../../common/routes';
import type { NativePredictBody } from '../../common/types';
import * as v from '../../common/validators';
import type { IRouter, OpenSearchDashboardsResponseFactory, RequestHandler, RouteValidationFunction } from '../../types/osd';
import { isReadable } from '../lib/byte_limit';
import { errorResponse } from '../lib/errors';
import { NativeError } from '../sidecar/native_error';
import { createNativeRuntime, NativeRuntime } from '../sidecar/native_runtime';
import { NativeCaller, NativeService } from '../services/native_service';
import { getTransport } from '../lib/client';
import { RouteDeps, validation } from './route_helpers';

export interface NativeRouteDeps extends RouteDeps {
  /** The plugin's runtime; a default one (lazy: nothing starts before a request) when absent. */
  native?: NativeRuntime;
}

const zipBody: RouteValidationFunction<Readable> = (data, { ok, badRequest }) =>
  (isReadable(data) ? ok(data) : badRequest('expected the raw zip bytes as the request body')) as ReturnType<RouteValidationFunction<Readable>>;

/** Native failures carry a code next to the message, so the UI can tell "queue full" from "bad zip". */
function nativeHandler<P, Q, B>(
  deps: RouteDeps,
  fn: (request: Parameters<RequestHandler<P, Q, B>>[1], caller: NativeCaller) => Promise<unknown>
): RequestHandler<P, Q, B> {
  return async (context, request, response: OpenSearchDashboardsResponseFactory) => {
    try {
      // The cluster is asked (as this user) only when a zip's owners do not include them.
      const caller: NativeCaller = { user: deps.userOf?.(request), transport: () => getTransport(context) };
      const body = await fn(request, caller);
      // Predict replies arrive from the sidecar as finished JSON text.
      if (Buffer.isBuffer(body)) return response.ok({ body, headers: { 'content-type': 'application/json; charset=utf-8' } });
      return response.ok({ body: body as object });
    } catch (err) {
      if (err instanceof NativeError) {
        return response.customError({ statusCode: err.statusCode, body: { message: err.message, attributes: { code: err.code } } });
      }
      return errorResponse(response, err, (e) => deps.logger.error(e as Error));
    }
  };
}

/**
 * `/api/ml-models/native/*`: inspect a zip (raw bytes, streamed to the cache), predict with a
 * cached zip by its SHA-256 in ML Commons' request and response shapes, and the sidecar's status.
 */
export function registerNativeRoutes(router: IRouter, deps: NativeRouteDeps) {
  const runtime = deps.native ?? createNativeRuntime(undefined, deps.logger);
  const service = new NativeService(runtime);

  router.post(
    {
      path: ROUTES.nativeInspect.path,
      validate: { body: zipBody },
      options: {
        body: { accepts: ['application/octet-stream', 'application/zip'], output: 'stream', parse: false, maxBytes: runtime.zipLimit.bytes },
        timeout: { payload: 30 * 60 * 1000 },
      },
    },
    nativeHandler<unknown, unknown, Readable>(deps, (request, caller) => {
      const header = request.headers['content-length'];
      return service.inspect(request.body, header === undefined ? undefined : Number(header), caller);
    })
  );

  router.post(
    {
      path: ROUTES.nativePredict.path,
      validate: { params: validation(v.nativePredictParams), body: validation(v.nativePredictBody) },
    },
    nativeHandler<{ functionName: string; sha256: string }, unknown, NativePredictBody>(deps, (request, caller) =>
      service.predict(request.params.functionName, request.params.sha256, request.body, caller)
    )
  );

  router.get({ path: ROUTES.nativeStatus.path, validate: {} }, nativeHandler(deps, (_request, caller) => service.status(caller)));
  router.get({ path: ROUTES.nativeModels.path, validate: {} }, nativeHandler(deps, (_request, caller) => service.models(caller)));
}
