/**
 * jsdom 20 (jest-environment-jsdom 29) lacks what the browser's file code uses: Blob#arrayBuffer,
 * the WHATWG streams, DecompressionStream and TextEncoder/TextDecoder. Tests that read files in
 * the browser code import this first; it takes Node's own implementations, never fakes.
 */
import { promises as fs } from 'fs';
import path from 'path';
import * as streamWeb from 'stream/web';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

const g = globalThis as Record<string, unknown>;
const fill = (name: string, value: unknown) => {
  if (typeof g[name] === 'undefined') g[name] = value;
};
fill('ReadableStream', streamWeb.ReadableStream);
fill('WritableStream', streamWeb.WritableStream);
fill('TransformStream', streamWeb.TransformStream);
fill('CompressionStream', (streamWeb as unknown as Record<string, unknown>).CompressionStream);
fill('DecompressionStream', (streamWeb as unknown as Record<string, unknown>).DecompressionStream);
fill('TextEncoder', NodeTextEncoder);
fill('TextDecoder', NodeTextDecoder);

const proto = Blob.prototype as Blob & { arrayBuffer?: () => Promise<ArrayBuffer> };
if (typeof proto.arrayBuffer !== 'function') {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    value(this: Blob) {
      return new Promise<ArrayBuffer>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const GENERATED = path.join(REPO_ROOT, 'test', 'fixtures', 'generated');

/** A jsdom File holding the bytes of a file on disk (what EuiFilePicker hands the page). */
export async function fileFromDisk(file: string, name = path.basename(file), type = 'application/zip'): Promise<File> {
  const bytes = await fs.readFile(file);
  return new File([bytes], name, { type });
}
