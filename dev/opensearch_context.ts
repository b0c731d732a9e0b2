import { Client } from '@opensearch-project/opensearch';
import type { IncomingMessage } from 'http';
import type { OpenSearchClient, RequestHandlerContext } from '../types/osd';
import { AuthResult, HttpError } from './router_adapter';

/** How long one Authorization header's authinfo is reused (the Security plugin's session does the same). */
const AUTHINFO_TTL_MS = 30000;
const AUTHINFO_CACHE_MAX = 100;

const statusOf = (err: unknown) => (err as { meta?: { statusCode?: number } })?.meta?.statusCode;

/**
 * The request context OSD would give a handler. `asCurrentUser` carries the caller's own
 * credentials (their Authorization header), as OSD's scoped client does; `asInternalUser` those
 * in OPENSEARCH_URL.
 *
 * With the Security plugin on the cluster, `authenticate` plays the security-dashboards plugin's
 * auth handler: the caller's authinfo becomes the request's auth state (what the plugin reads as
 * the current user), and a caller the cluster does not know gets 401. The same credentials as
 * `asCurrentUser`: the header, or else OPENSEARCH_URL's.
 */
export function createOpenSearchContextFactory(opensearchUrl: string) {
  const base = new Client({ node: opensearchUrl, requestTimeout: 120000 });
  const clientFor = (req: IncomingMessage) => {
    const authorization = req.headers.authorization;
    return authorization ? base.child({ headers: { authorization } }) : base;
  };
  /** Whether the cluster has the Security plugin; undefined until it has answered. */
  let security: boolean | undefined;
  const authinfos = new Map<string, { at: number; info: unknown }>();

  /**
   * Its authinfo endpoint exists only with the Security plugin (a 401 or 403 says it exists too).
   * An unreachable cluster leaves it undecided: it is asked again on the next request.
   */
  async function detectSecurity(): Promise<boolean | undefined> {
    try {
      await base.transport.request({ method: 'GET', path: '/_plugins/_security/authinfo' });
      security = true;
    } catch (err) {
      const status = statusOf(err);
      if (status == null) return undefined;
      security = status === 401 || status === 403;
    }
    return security;
  }

  async function authenticate(req: IncomingMessage): Promise<AuthResult> {
    // Undecided is refused: running it as nobody in particular would open every cached zip to
    // anyone whenever the host started before a secured cluster was up.
    if (security === undefined && (await detectSecurity()) === undefined) {
      throw new HttpError(503, 'OpenSearch could not be reached to learn whether it asks for a login (the Security plugin): retry once it is up');
    }
    if (!security) return { status: 'unknown' };
    const key = req.headers.authorization || '';
    const cached = authinfos.get(key);
    if (cached && Date.now() - cached.at < AUTHINFO_TTL_MS) return { status: 'authenticated', state: { authInfo: cached.info } };
    let info: unknown;
    try {
      info = (await clientFor(req).transport.request({ method: 'GET', path: '/_plugins/_security/authinfo' })).body;
    } catch (err) {
      const status = statusOf(err);
      // The challenge the Security plugin's basic auth sends, so a browser asks for a login.
      if (status === 401 || status === 403) throw new HttpError(401, 'Unauthorized', { 'www-authenticate': 'Basic realm="OpenSearch Security"' });
      throw new HttpError(503, `OpenSearch could not be asked who the user is: ${(err as Error).message}`);
    }
    if (authinfos.size >= AUTHINFO_CACHE_MAX) authinfos.delete(authinfos.keys().next().value as string);
    authinfos.set(key, { at: Date.now(), info });
    return { status: 'authenticated', state: { authInfo: info } };
  }

  return {
    createContext(req: IncomingMessage): RequestHandlerContext {
      const asCurrentUser = clientFor(req);
      return {
        core: {
          opensearch: {
            client: {
              asCurrentUser: asCurrentUser as unknown as OpenSearchClient,
              asInternalUser: base as unknown as OpenSearchClient,
            },
          },
        },
      };
    },
    detectSecurity,
    authenticate,
    close: () => base.close(),
  };
}
