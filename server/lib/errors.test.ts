import { errors } from '@opensearch-project/opensearch';
import { responseFactory } from '../../dev/router_adapter';
import { responseError } from '../../test/mocks/fake_transport';
import { errorResponse, PluginHttpError, readUpstreamError } from './errors';

describe('readUpstreamError', () => {
  it("reads ML Commons' standard envelope", () => {
    const err = responseError(404, { error: { root_cause: [{ type: 'status_exception', reason: 'Failed to find model' }], type: 'status_exception', reason: 'Failed to find model' }, status: 404 });
    expect(readUpstreamError(err)).toEqual({ statusCode: 404, reason: 'Failed to find model', type: 'status_exception' });
  });

  it("adds the cause OpenSearch's envelope carries under a wrapping reason", () => {
    const err = responseError(500, {
      error: {
        root_cause: [{ type: 'm_l_exception', reason: 'Failed to inference TEXT_EMBEDDING model: m1' }],
        type: 'm_l_exception',
        reason: 'Failed to inference TEXT_EMBEDDING model: m1',
        caused_by: { type: 'ort_exception', reason: 'Error code - ORT_INVALID_ARGUMENT - message: Invalid input name: token_type_ids' },
      },
      status: 500,
    });
    expect(readUpstreamError(err)?.reason).toBe('Failed to inference TEXT_EMBEDDING model: m1 (caused by: Error code - ORT_INVALID_ARGUMENT - message: Invalid input name: token_type_ids)');
    const same = responseError(400, { error: { type: 'x', reason: 'bad thing', caused_by: { type: 'x', reason: 'bad thing' } }, status: 400 });
    expect(readUpstreamError(same)?.reason).toBe('bad thing');
  });

  it("reads core's plain-string error (e.g. the 406 for octet-stream)", () => {
    const err = responseError(406, { error: 'Content-Type header [application/octet-stream] is not supported', status: 406 });
    expect(readUpstreamError(err)).toEqual({ statusCode: 406, reason: 'Content-Type header [application/octet-stream] is not supported' });
  });

  it("reads the profile API's {error, exception} shape", () => {
    const err = responseError(500, { error: 'Failed to get ML node level profile', exception: 'boom' });
    expect(readUpstreamError(err)).toEqual({ statusCode: 500, reason: 'Failed to get ML node level profile: boom' });
  });

  it('reads a text body, JSON or not', () => {
    expect(readUpstreamError(responseError(502, 'bad gateway'))).toEqual({ statusCode: 502, reason: 'bad gateway' });
  });

  it('ignores errors that carry no HTTP status', () => {
    expect(readUpstreamError(new Error('x'))).toBeUndefined();
  });
});

describe('errorResponse', () => {
  it('keeps the upstream status and reason', () => {
    const res = errorResponse(responseFactory, responseError(409, { error: { type: 'status_exception', reason: 'Model is deploying.' } }));
    expect([res.status, (res.payload as any).message, (res.payload as any).attributes.type]).toEqual([409, 'Model is deploying.', 'status_exception']);
  });

  it('answers 502 when OpenSearch cannot be reached', () => {
    const res = errorResponse(responseFactory, new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9', {} as never));
    expect(res.status).toBe(502);
    expect((res.payload as any).message).toMatch(/OpenSearch could not be reached: connect ECONNREFUSED/);
  });

  it('answers 504 when OpenSearch did not answer in time, saying the operation may still complete', () => {
    const res = errorResponse(responseFactory, new errors.TimeoutError('Request timed out', {} as never));
    expect(res.status).toBe(504);
    expect((res.payload as any).message).toBe('OpenSearch did not answer in time (Request timed out); the operation may still complete');
  });

  it("answers the plugin's own errors with their status and field", () => {
    const res = errorResponse(responseFactory, new PluginHttpError(413, 'too big', 'body'));
    expect(res.status).toBe(413);
    expect((res.payload as any).attributes).toEqual({ field: 'body' });
  });

  it('does not log a request the browser cancelled (the upstream call aborted with it, or the body cut short)', () => {
    for (const err of [new errors.RequestAbortedError('Request aborted', {} as never), Object.assign(new Error('aborted'), { code: 'ECONNRESET' })]) {
      const log = jest.fn();
      const res = errorResponse(responseFactory, err, log);
      expect([res.status, (res.payload as any).message]).toEqual([400, 'The request was cancelled before it finished']);
      expect(log).not.toHaveBeenCalled();
    }
  });

  it('logs and answers 500 for a bug of ours', () => {
    const log = jest.fn();
    const res = errorResponse(responseFactory, new TypeError('x is undefined'), log);
    expect(res.status).toBe(500);
    expect(log).toHaveBeenCalled();
  });
});
