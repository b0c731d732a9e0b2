/**
 * Reading a File/Blob piece by piece, so nothing ever holds a whole model zip in memory: every
 * reader in this folder (hashing, the ONNX walker, the chunk uploader) goes through these.
 */

/** What a File picked earlier answers once the file on disk changed or moved. */
export const FILE_CHANGED = 'The file changed or moved on disk since it was picked; pick it again.';

/** The browser's NotReadableError ("...typically due to permission problems...") in plain words. */
function fileReadError(err: unknown): unknown {
  return (err as { name?: string } | undefined)?.name === 'NotReadableError' ? Object.assign(new Error(FILE_CHANGED), { name: 'FileChangedError' }) : err;
}

/** The bytes of a (small) blob slice. `FileReader` covers runtimes whose Blob lacks `arrayBuffer()`. */
export function readBlob(blob: Blob): Promise<Uint8Array> {
  const withArrayBuffer = blob as Blob & { arrayBuffer?: () => Promise<ArrayBuffer> };
  if (typeof withArrayBuffer.arrayBuffer === 'function') {
    return withArrayBuffer.arrayBuffer().then(
      (b) => new Uint8Array(b),
      (err) => Promise.reject(fileReadError(err))
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(fileReadError(reader.error) || new Error('Could not read the file'));
    reader.readAsArrayBuffer(blob);
  });
}

export function abortError(): Error {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

export function throwIfAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw abortError();
}

/**
 * Yields `blob` in slices of `sliceBytes`, reading the next slice while the caller works on the
 * current one (the disk read and the hashing overlap). At most two slices are alive at a time.
 */
export async function* blobSlices(blob: Blob, sliceBytes: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  if (sliceBytes <= 0) throw new Error('sliceBytes must be positive');
  let start = 0;
  let pending: Promise<Uint8Array> | undefined = blob.size > 0 ? readBlob(blob.slice(0, Math.min(sliceBytes, blob.size))) : undefined;
  while (pending) {
    throwIfAborted(signal);
    const current = await pending;
    start += current.length;
    if (current.length === 0 && start < blob.size) throw new Error('The file could not be read (it may have changed on disk)');
    pending = start < blob.size ? readBlob(blob.slice(start, Math.min(start + sliceBytes, blob.size))) : undefined;
    yield current;
  }
}
