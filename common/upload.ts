import { CHUNK_SIZE_BYTES } from './constants';

/** How many chunks ML Commons expects for a zip of `sizeBytes` (`total_chunks`). */
export function chunkCount(sizeBytes: number): number {
  return Math.ceil(sizeBytes / CHUNK_SIZE_BYTES);
}

/** Byte range `[start, end)` of chunk `n` (0-based) of a zip of `sizeBytes`. */
export function chunkRange(n: number, sizeBytes: number): { start: number; end: number } {
  const start = n * CHUNK_SIZE_BYTES;
  return { start, end: Math.min(start + CHUNK_SIZE_BYTES, sizeBytes) };
}
