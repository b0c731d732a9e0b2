import type { HttpAuth, OpenSearchDashboardsRequest } from '../../types/osd';

/**
 * The Dashboards user a request runs as, read from OSD's auth state (no cluster call: the
 * Security plugin already put the user's authinfo there). `undefined` means no auth plugin is
 * installed, so there is one shared identity and nothing to keep apart. A request that is
 * authenticated but carries no name gets '' (it owns nothing).
 */
export type UserOf = (request: OpenSearchDashboardsRequest<any, any, any>) => string | undefined;

export function userOfRequest(auth: HttpAuth | undefined, request: OpenSearchDashboardsRequest<any, any, any>): string | undefined {
  if (!auth) return undefined;
  const { status, state } = auth.get(request);
  if (status === 'unknown') return undefined;
  const name = (state as { authInfo?: { user_name?: unknown } } | undefined)?.authInfo?.user_name;
  return typeof name === 'string' ? name : '';
}
