/** Pulls the next piece of a byte stream; `undefined` at the end. */
export type ChunkSource = () => Promise<Uint8Array | undefined>;

export class TruncatedError extends Error {
  constructor(offset: number) {
    super(`the data ends unexpectedly at byte ${offset}`);
    this.name = 'TruncatedError';
  }
}

/**
 * A forward-only reader over a stream of chunks. It never concatenates chunks: skipping N bytes
 * just drops whole chunks, and the only copies it makes are the small values asked for with
 * `bytes()` (tracked in `maxCopiedBytes`), so a 4 GB input costs the memory of one chunk.
 */
export class ChunkReader {
  private chunk: Uint8Array = new Uint8Array(0);
  private pos = 0;
  /** Absolute offset of the next unread byte. */
  offset = 0;
  /** The largest single copy made by `bytes()`. */
  maxCopiedBytes = 0;

  constructor(private readonly next: ChunkSource) {}

  /** Makes a byte available; false at the end of the stream. */
  private async fill(): Promise<boolean> {
    while (this.pos >= this.chunk.length) {
      const c = await this.next();
      if (!c) return false;
      this.chunk = c;
      this.pos = 0;
    }
    return true;
  }

  async atEnd(): Promise<boolean> {
    return this.pos >= this.chunk.length && !(await this.fill());
  }

  async byte(): Promise<number> {
    if (this.pos >= this.chunk.length && !(await this.fill())) throw new TruncatedError(this.offset);
    this.offset++;
    return this.chunk[this.pos++];
  }

  /** A base-128 varint. Values above 2^53 lose precision, which no field read here reaches. */
  async varint(): Promise<number> {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.pos < this.chunk.length ? (this.offset++, this.chunk[this.pos++]) : await this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new Error(`malformed varint at byte ${this.offset}`);
  }

  async skip(n: number): Promise<void> {
    let left = n;
    while (left > 0) {
      if (this.pos >= this.chunk.length && !(await this.fill())) throw new TruncatedError(this.offset);
      const take = Math.min(left, this.chunk.length - this.pos);
      this.pos += take;
      this.offset += take;
      left -= take;
    }
  }

  async bytes(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      if (this.pos >= this.chunk.length && !(await this.fill())) throw new TruncatedError(this.offset);
      const take = Math.min(n - filled, this.chunk.length - this.pos);
      out.set(this.chunk.subarray(this.pos, this.pos + take), filled);
      this.pos += take;
      this.offset += take;
      filled += take;
    }
    this.maxCopiedBytes = Math.max(this.maxCopiedBytes, n);
    return out;
  }
}

/** A source over an in-memory buffer, served in pieces of `pieceBytes` (tests, small files). */
export function bufferSource(buffer: Uint8Array, pieceBytes = 64 * 1024): ChunkSource {
  let at = 0;
  return async () => {
    if (at >= buffer.length) return undefined;
    const piece = buffer.subarray(at, Math.min(at + pieceBytes, buffer.length));
    at += piece.length;
    return piece;
  };
}

/** A source over an async iterator (e.g. `blobSlices`). */
export function iteratorSource(it: AsyncIterator<Uint8Array>): ChunkSource {
  return async () => {
    const r = await it.next();
    return r.done ? undefined : r.value;
  };
}
