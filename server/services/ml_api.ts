import type { Page } from '../../common/types';
import type { Transport, TransportRequestOptions } from '../../types/osd';

export const ML_API = '/_plugins/_ml';

/** Upstream path segment for an id that was validated against ID_PATTERN; encoding is belt and braces. */
export const seg = (id: string | number) => encodeURIComponent(String(id));

/** Base of every service: one place that sends a request and unwraps the body. */
export abstract class MlService {
  constructor(protected readonly transport: Transport) {}

  protected async send<T>(
    method: string,
    path: string,
    body?: unknown,
    querystring?: Record<string, unknown>,
    options?: TransportRequestOptions
  ): Promise<T> {
    const res = await this.transport.request<T>({ method, path, body, querystring }, options);
    return res.body;
  }

  /** A `_search` answered as one page of documents, each with its id (hits carry it as `_id`). */
  protected async searchPage<S>(path: string, body: unknown): Promise<Page<S & { id: string }>> {
    const res = await this.send<SearchResponse<S>>('POST', path, body);
    return { total: totalOf(res), items: res.hits.hits.map((h) => ({ ...(h._source as S), id: h._id })) };
  }

  /** ML Commons' GET answers the stored document without its id; add it back. */
  protected async getWithId<S>(path: string, id: string): Promise<S & { id: string }> {
    return { ...(await this.send<S>('GET', path)), id };
  }
}

export interface SearchHit<S> {
  _id: string;
  _source?: S;
}
export interface SearchResponse<S> {
  hits: { total?: { value: number } | number; hits: Array<SearchHit<S>> };
}

export function totalOf(res: SearchResponse<unknown>): number {
  const t = res.hits?.total;
  return typeof t === 'number' ? t : t?.value ?? 0;
}
