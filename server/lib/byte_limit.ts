import { Readable, Transform, TransformCallback } from 'stream';
import { PluginHttpError } from './errors';

/** Passes bytes through untouched and fails the stream once more than `maxBytes` went by. */
export class ByteLimit extends Transform {
  bytes = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.exceeded = true;
      cb(new PluginHttpError(413, `Chunk is larger than ${this.maxBytes} bytes`));
      return;
    }
    cb(null, chunk);
  }
}

export function isReadable(value: unknown): value is Readable {
  return !!value && typeof (value as Readable).pipe === 'function' && typeof (value as Readable).on === 'function';
}
