import { Client } from '@opensearch-project/opensearch';
import type { IncomingMessage } from 'http';
import type { OpenSearchClient, RequestHandlerContext } from '../types/osd';

/**
 * The request context OSD would give a handler. `asCurrentUser` carries the caller's own
 * credentials (their Authorization header), as OSD's scoped client does; `asInternalUser` those
 * in OPENSEARCH_URL.
 */
export function createOpenSearchContextFactory(opensearchUrl: string) {
  const base = new Client({ node: opensearchUrl, requestTimeout: 120000 });
  return {
    createContext(req: IncomingMessage): RequestHandlerContext {
      const authorization = req.headers.authorization;
      const asCurrentUser = authorization ? base.child({ headers: { authorization } }) : base;
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
    close: () => base.close(),
  };
}
