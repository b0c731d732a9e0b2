import { errors } from '@opensearch-project/opensearch';
import type { Transport, TransportRequestOptions, TransportRequestParams, TransportResponse } from '../../types/osd';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
  /** For streamed bodies: the bytes that went upstream. */
  bytes?: Buffer;
  querystring?: unknown;
  options?: TransportRequestOptions;
}

type Reply = (call: RecordedCall) => unknown;

/**
 * The transport boundary, faked: records every upstream request and answers from a queue.
 * Failures are the real client's `ResponseError`, so error mapping is tested against its shape.
 */
export class FakeTransport implements Transport {
  readonly calls: RecordedCall[] = [];
  private readonly replies: Reply[] = [];

  reply(body: unknown) {
    this.replies.push(() => body);
    return this;
  }

  replyWith(fn: Reply) {
    this.replies.push(fn);
    return this;
  }

  fail(statusCode: number, body: unknown) {
    this.replies.push(() => {
      throw responseError(statusCode, body);
    });
    return this;
  }

  async request<T>(params: TransportRequestParams, options?: TransportRequestOptions): Promise<TransportResponse<T>> {
    const call: RecordedCall = { method: params.method, path: params.path, body: params.body, querystring: params.querystring, options };
    const body = params.body as { pipe?: unknown; [Symbol.asyncIterator]?: unknown } | undefined;
    if (body && typeof body.pipe === 'function') {
      const chunks: Buffer[] = [];
      for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
      call.bytes = Buffer.concat(chunks);
      call.body = undefined;
    }
    this.calls.push(call);
    const next = this.replies.shift();
    if (!next) throw new Error(`FakeTransport: no reply queued for ${params.method} ${params.path}`);
    return { body: next(call) as T, statusCode: 200, headers: {} };
  }
}

export function responseError(statusCode: number, body: unknown) {
  return new errors.ResponseError({ body, statusCode, headers: {}, warnings: null, meta: {} as never } as never);
}

/** ML Commons' standard error envelope. */
export function mlError(statusCode: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status: statusCode };
}

/** `GET /_nodes?filter_path=nodes.*.version` of a one-node cluster: read before a model_config is sent. */
export function nodesAt(version: string) {
  return { nodes: { n1: { version } } };
}
