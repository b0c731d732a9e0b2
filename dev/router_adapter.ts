/**
 * OSD's router semantics on plain node:http, so the standalone host and the route tests exercise
 * the same handlers OSD would run: validation functions (failure -> 400 with the message),
 * the xsrf header rule, body parsing limits, injected response factory, Boom-shaped errors,
 * thrown errors -> 500.
 */
import { IncomingMessage, ServerResponse, STATUS_CODES } from 'http';
import { Readable } from 'stream';
import type {
  CustomHttpResponseOptions,
  ErrorHttpResponseOptions,
  HttpAuth,
  HttpResponseOptions,
  IOpenSearchDashboardsResponse,
  IRouter,
  Logger,
  OpenSearchDashboardsRequest,
  OpenSearchDashboardsResponseFactory,
  RequestHandler,
  RequestHandlerContext,
  RouteConfig,
  RouteValidationFunction,
  RouteValidationResultFactory,
} from '../types/osd';

/** hapi's default payload limit, which OSD keeps. */
const DEFAULT_MAX_BYTES = 1024 * 1024;

class AdapterResponse implements IOpenSearchDashboardsResponse {
  constructor(public readonly status: number, public readonly payload: unknown, public readonly options: HttpResponseOptions) {}
}

function errorPayload(status: number, options: ErrorHttpResponseOptions = {}) {
  const body = options.body;
  const message = typeof body === 'string' ? body : body?.message || STATUS_CODES[status] || 'Error';
  const attributes = typeof body === 'object' && body ? body.attributes : undefined;
  return { statusCode: status, error: STATUS_CODES[status] || 'Error', message, ...(attributes ? { attributes } : {}) };
}

function makeError(status: number) {
  return (options: ErrorHttpResponseOptions = {}) => new AdapterResponse(status, errorPayload(status, options), options);
}

export const responseFactory: OpenSearchDashboardsResponseFactory = {
  ok: (o: HttpResponseOptions = {}) => new AdapterResponse(200, o.body, o),
  accepted: (o: HttpResponseOptions = {}) => new AdapterResponse(202, o.body, o),
  noContent: (o: HttpResponseOptions = {}) => new AdapterResponse(204, undefined, o),
  badRequest: makeError(400),
  unauthorized: makeError(401),
  forbidden: makeError(403),
  notFound: makeError(404),
  conflict: makeError(409),
  internalError: makeError(500),
  customError(o) {
    if (!o || o.statusCode < 400 || o.statusCode > 599) {
      throw new Error(`Unexpected Http status code. Expected from 400 to 599, but given: ${o?.statusCode}`);
    }
    return new AdapterResponse(o.statusCode, errorPayload(o.statusCode, o), o as ErrorHttpResponseOptions as HttpResponseOptions);
  },
  custom: (o: CustomHttpResponseOptions) => new AdapterResponse(o.statusCode, o.body, o),
};

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly headers?: Record<string, string>) {
    super(message);
  }
}

const validationResult: RouteValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error, path) => {
    const e = typeof error === 'string' ? new Error(error) : error;
    (e as Error & { path?: string[] }).path = path;
    return { error: e };
  },
};

/** As OSD's RouteValidator: the message names the part and the path, `[request body.name]: ...`. */
function runValidation<T>(fn: RouteValidationFunction<T> | undefined, data: unknown, namespace: string): T {
  if (!fn) return {} as T;
  const r = fn(data, validationResult);
  if (r.error) {
    const path = [namespace, ...((r.error as Error & { path?: string[] }).path || [])];
    throw new HttpError(400, `[${path.join('.')}]: ${r.error.message || 'invalid'}`);
  }
  return r.value as T;
}

interface Route {
  method: string;
  config: RouteConfig<unknown, unknown, unknown>;
  handler: RequestHandler;
  regex: RegExp;
  keys: string[];
}

function compilePath(path: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const pattern = path
    .split('/')
    .map((part) => {
      const m = /^\{(\w+)(\?)?\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      keys.push(m[1]);
      return m[2] ? '?([^/]*)' : '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}/?$`), keys };
}

function readQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  return query;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes) throw new HttpError(413, `Payload content length greater than maximum allowed: ${maxBytes}`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new HttpError(413, `Payload content length greater than maximum allowed: ${maxBytes}`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function mediaType(req: IncomingMessage): string {
  return String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
}

/** What an auth handler decided for one request, as OSD's `http.auth.get()` reports it. */
export type AuthResult = { status: 'authenticated'; state: unknown } | { status: 'unknown' };

export interface RouterAdapterOptions {
  logger: Logger;
  /** Builds the handler context (OpenSearch clients) for one request. */
  createContext(req: IncomingMessage): RequestHandlerContext;
  /**
   * OSD's auth stage, run before xsrf, body and validation (an auth plugin's handler): throws an
   * HttpError (401) to refuse. Without it every request is `unknown`, as in OSD without one.
   */
  authenticate?(req: IncomingMessage): Promise<AuthResult>;
}

export class RouterAdapter implements IRouter {
  readonly routerPath = '/';
  private readonly routes: Route[] = [];

  private readonly authResults = new WeakMap<object, AuthResult>();

  constructor(private readonly options: RouterAdapterOptions) {}

  /** OSD's `core.http.auth`: what the auth stage decided for a request a handler was given. */
  readonly auth: HttpAuth = {
    get: (request) => this.authResults.get(request) ?? { status: 'unknown' },
  };

  private add(method: string) {
    return <P, Q, B>(config: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>) => {
      if (!config.validate && config.validate !== false) throw new Error(`Route ${config.path}: validate is required`);
      const exists = this.routes.some((r) => r.method === method && r.config.path === config.path);
      if (exists) throw new Error(`Route ${method.toUpperCase()} ${config.path} is registered twice`);
      this.routes.push({ method, config: config as RouteConfig<unknown, unknown, unknown>, handler: handler as RequestHandler, ...compilePath(config.path) });
    };
  }

  get = this.add('get');
  post = this.add('post');
  put = this.add('put');
  patch = this.add('patch');
  delete = this.add('delete');

  /** The registered routes, for tests that check the surface. */
  list(): Array<{ method: string; path: string }> {
    return this.routes.map((r) => ({ method: r.method, path: r.config.path }));
  }

  /** Answers the request if a route matches; returns false otherwise. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    // The raw path, not `new URL()`'s: dot segments must reach id validation, not be resolved away.
    const rawUrl = req.url || '/';
    const q = rawUrl.indexOf('?');
    const url = { pathname: q < 0 ? rawUrl : rawUrl.slice(0, q), search: q < 0 ? '' : rawUrl.slice(q), searchParams: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)) };
    const method = (req.method || 'GET').toLowerCase();
    let matched: { route: Route; match: RegExpExecArray } | undefined;
    for (const route of this.routes) {
      const match = route.regex.exec(url.pathname);
      if (match && route.method === (method === 'head' ? 'get' : method)) {
        matched = { route, match };
        break;
      }
    }
    if (!matched) return false;
    const { route, match } = matched;
    try {
      const response = await this.dispatch(route, match, url, req);
      await this.send(res, response);
    } catch (err) {
      if (err instanceof HttpError) {
        await this.send(res, new AdapterResponse(err.status, errorPayload(err.status, { body: err.message }), { headers: err.headers }));
      } else {
        this.options.logger.error(err as Error);
        await this.send(res, new AdapterResponse(500, errorPayload(500, { body: 'An internal server error occurred.' }), {}));
      }
    }
    return true;
  }

  private async dispatch(route: Route, match: RegExpExecArray, url: { pathname: string; search: string; searchParams: URLSearchParams }, req: IncomingMessage) {
    const { config } = route;
    const validate = config.validate || {};
    const method = route.method;
    const authResult: AuthResult = this.options.authenticate ? await this.options.authenticate(req) : { status: 'unknown' };
    const xsrfRequired = config.options?.xsrfRequired !== false;
    if (method !== 'get' && xsrfRequired && !req.headers['osd-xsrf'] && !req.headers['osd-version']) {
      throw new HttpError(400, 'Request must contain the osd-xsrf header.');
    }

    const rawParams: Record<string, string> = {};
    for (let i = 0; i < route.keys.length; i++) {
      const raw = match[i + 1];
      if (raw === undefined || raw === '') continue;
      try {
        rawParams[route.keys[i]] = decodeURIComponent(raw);
      } catch {
        throw new HttpError(400, `[${route.keys[i]}]: is not a valid URL component`);
      }
    }

    const bodyOptions = config.options?.body || {};
    const accepts = bodyOptions.accepts ? ([] as string[]).concat(bodyOptions.accepts) : ['application/json'];
    const maxBytes = bodyOptions.maxBytes ?? DEFAULT_MAX_BYTES;
    let rawBody: unknown = undefined;
    if (method !== 'get' && method !== 'delete') {
      // A body sent without a type is JSON to hapi (its route default `payload.defaultContentType`),
      // so a raw-bytes route refuses it in OSD as here.
      const type = mediaType(req) || 'application/json';
      const hasBody = Number(req.headers['content-length'] || 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (hasBody && !accepts.includes(type)) throw new HttpError(415, 'Unsupported Media Type');
      if (bodyOptions.output === 'stream') {
        if (Number(req.headers['content-length']) > maxBytes) {
          throw new HttpError(413, `Payload content length greater than maximum allowed: ${maxBytes}`);
        }
        rawBody = req as Readable;
      } else {
        const buf = await readBody(req, maxBytes);
        if (buf.length === 0) rawBody = null;
        else if (bodyOptions.parse === false) rawBody = buf;
        else {
          try {
            rawBody = JSON.parse(buf.toString('utf8'));
          } catch {
            throw new HttpError(400, 'Invalid request payload JSON format');
          }
        }
      }
    }

    const v = validate as { params?: RouteValidationFunction<unknown>; query?: RouteValidationFunction<unknown>; body?: RouteValidationFunction<unknown> };
    const params = runValidation(v.params, rawParams, 'request params');
    const query = runValidation(v.query, readQuery(url.searchParams), 'request query');
    const body = runValidation(v.body, rawBody, 'request body');

    const abortHandlers = new Set<() => void>();
    req.on('aborted', () => abortHandlers.forEach((h) => h()));
    const request: OpenSearchDashboardsRequest = {
      params,
      query,
      body,
      headers: req.headers,
      url: { pathname: url.pathname, search: url.search },
      route: { path: config.path, method },
      events: {
        aborted$: {
          subscribe(cb: () => void) {
            abortHandlers.add(cb);
            return { unsubscribe: () => abortHandlers.delete(cb) };
          },
        },
      },
    };
    this.authResults.set(request, authResult);
    const result = await route.handler(this.options.createContext(req), request, responseFactory);
    if (!(result instanceof AdapterResponse)) {
      throw new Error(`Unexpected result from Route Handler. Expected OpenSearchDashboardsResponse, but given: ${typeof result}.`);
    }
    return result;
  }

  private async send(res: ServerResponse, response: AdapterResponse) {
    const headers: Record<string, string | string[]> = { ...(response.options.headers || {}) };
    const payload = response.payload;
    if (payload === undefined || payload === null) {
      res.writeHead(response.status, headers).end();
    } else if (payload instanceof Readable) {
      res.writeHead(response.status, headers);
      payload.pipe(res);
    } else if (Buffer.isBuffer(payload)) {
      res.writeHead(response.status, { 'content-type': 'application/octet-stream', ...headers }).end(payload);
    } else if (typeof payload === 'string') {
      res.writeHead(response.status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(payload);
    } else {
      res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(payload));
    }
  }
}
