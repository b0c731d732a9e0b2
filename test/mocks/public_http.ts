import type { ApiErrorBody } from '../../common/types';
import type { HttpFetchOptions, HttpSetup } from '../../types/osd';

type Handler = (path: string, options?: HttpFetchOptions) => unknown;
export type RouteTable = Record<string, unknown | Handler>;

export interface FakeHttp extends HttpSetup {
  fetch: jest.Mock;
  get: jest.Mock;
  post: jest.Mock;
  put: jest.Mock;
  delete: jest.Mock;
}

/**
 * An `HttpSetup` whose methods answer from a table keyed by path. A value is the response body,
 * a function computes it from (path, options), and an Error (see `httpError`) rejects.
 * Paths not in the table reject with a 404, as the server would.
 */
export function createFakeHttp(routes: { get?: RouteTable; post?: RouteTable; put?: RouteTable; delete?: RouteTable } = {}): FakeHttp {
  const method = (table: RouteTable = {}) =>
    jest.fn(async (path: string, options?: HttpFetchOptions) => {
      if (!(path in table)) throw httpError(404, `Not Found: ${path}`);
      const entry = table[path];
      const value = typeof entry === 'function' ? (entry as Handler)(path, options) : entry;
      if (value instanceof Error) throw value;
      return value;
    });
  return {
    fetch: jest.fn(),
    get: method(routes.get),
    post: method(routes.post),
    put: method(routes.put),
    delete: method(routes.delete),
    basePath: { prepend: (p: string) => p, get: () => '' },
  };
}

/** What `core.http` throws for a non-2xx answer: an Error carrying the Boom body. */
export function httpError(statusCode: number, message: string, attributes?: ApiErrorBody['attributes']) {
  const body: ApiErrorBody = {
    statusCode,
    error: statusCode === 404 ? 'Not Found' : statusCode >= 500 ? 'Internal Server Error' : 'Bad Request',
    message,
    attributes,
  };
  return Object.assign(new Error(body.error), { name: 'HttpFetchError', body });
}

/**
 * The options of the last call to `mock` for `path` (e.g. its `query`); `where` picks among calls
 * to the same path (a page may query one route for two purposes).
 */
export function lastCallOptions(mock: jest.Mock, path: string, where?: (options: HttpFetchOptions) => boolean): HttpFetchOptions | undefined {
  const calls = mock.mock.calls.filter((c) => c[0] === path && (!where || where((c[1] ?? {}) as HttpFetchOptions)));
  return calls.length ? (calls[calls.length - 1][1] as HttpFetchOptions | undefined) : undefined;
}

/** Every body sent to `path` through `mock`, parsed. */
export function sentBodies(mock: jest.Mock, path: string): unknown[] {
  return mock.mock.calls.filter((c) => c[0] === path).map((c) => (c[1]?.body ? JSON.parse(c[1].body as string) : undefined));
}
