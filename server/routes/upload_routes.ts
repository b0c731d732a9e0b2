import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { ROUTES } from '../../common/routes';
import * as v from '../../common/validators';
import type { IRouter, RouteValidationFunction } from '../../types/osd';
import type { Readable } from 'stream';
import { ByteLimit, isReadable } from '../lib/byte_limit';
import { abandonedBody, PluginHttpError } from '../lib/errors';
import { ModelService } from '../services/model_service';
import type { UploadObserver } from '../sidecar/chunk_assembler';
import { jsonHandler, RouteDeps, validation } from './route_helpers';

const streamBody: RouteValidationFunction<Readable> = (data, { ok, badRequest }) =>
  (isReadable(data) ? ok(data) : badRequest('expected the raw chunk bytes as the request body')) as ReturnType<
    RouteValidationFunction<Readable>
  >;

/**
 * One chunk of a zip, streamed from the browser to ML Commons without buffering or parsing. The
 * server keeps no upload state between chunks, so any Dashboards instance can take any chunk.
 */
export function registerUploadRoutes(router: IRouter, deps: RouteDeps & { uploads?: UploadObserver }) {
  router.post(
    {
      path: ROUTES.modelUploadChunk.path,
      validate: { params: validation(v.chunkParams), query: validation(v.dataSourceQuery), body: streamBody },
      options: {
        body: { accepts: ['application/octet-stream'], output: 'stream', parse: false, maxBytes: CHUNK_SIZE_BYTES },
      },
    },
    jsonHandler(deps, async ({ transport, request }) => {
      const declared = Number(request.headers['content-length']);
      if (request.headers['content-length'] !== undefined && declared === 0) {
        throw new PluginHttpError(400, 'Chunk is empty');
      }
      if (declared > CHUNK_SIZE_BYTES) throw new PluginHttpError(413, `Chunk is larger than ${CHUNK_SIZE_BYTES} bytes`);
      const service = new ModelService(transport);
      const limit = new ByteLimit(CHUNK_SIZE_BYTES);
      // Listened to from the start: a browser that goes away during the check below must end this
      // request, not leave it waiting for bytes that never come.
      request.body.on('error', (e) => limit.destroy(e));
      // An error nobody else hears (no copy kept, or a client that never read the body) must not
      // become an uncaught exception of the Dashboards server; the upload call sees it as a failure.
      limit.on('error', () => undefined);
      await service.checkChunkTarget(request.params.modelId, request.params.chunkNumber, request.headers['content-length'] === undefined ? undefined : declared);
      const abandoned = abandonedBody(request.body);
      if (abandoned) throw abandoned;
      // Native inference keeps a copy when it saw this upload registered (best effort, see ChunkAssembler).
      const tap = deps.uploads?.tap(request.params.modelId, request.params.chunkNumber);
      if (tap) {
        limit.on('error', (e) => tap.stream.destroy(e));
        tap.stream.on('error', () => undefined);
      }
      const upstream = tap ? request.body.pipe(limit).pipe(tap.stream) : request.body.pipe(limit);
      let accepted = false;
      try {
        const result = await service.uploadChunk(request.params.modelId, request.params.chunkNumber, upstream);
        accepted = true;
        return result;
      } catch (err) {
        if (limit.exceeded) throw new PluginHttpError(413, `Chunk is larger than ${CHUNK_SIZE_BYTES} bytes`);
        // A body sent without a length (chunked) that turned out empty: ML Commons answers 500.
        // Only a body that really ended empty, not one cut short before its first bytes went up.
        if (request.headers['content-length'] === undefined && limit.bytes === 0 && request.body.readableEnded) {
          throw new PluginHttpError(400, 'Chunk is empty');
        }
        throw err;
      } finally {
        // Either way the copy's file is closed: a refused chunk must not hold its descriptor and bytes.
        tap?.done(accepted);
      }
    })
  );
}
