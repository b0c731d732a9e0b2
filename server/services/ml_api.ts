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
