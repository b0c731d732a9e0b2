import { promises as fs } from 'fs';
import yauzl, { Entry, ZipFile } from 'yauzl';
import type { ModelFormat } from '../../common/ml_commons';
import type { NativeZipEntry } from '../../common/types';
import { entryExtension, programKind } from '../../common/zip_entries';
import { NativeError } from './native_error';

/**
 * Reads an ML Commons model zip without extracting it: entries are checked first (zip-slip,
 * absolute paths, symlinks, programs (scripts by their extension, files with no extension marked
 * executable: execute bits on any other file are ignored), native libraries, duplicate names,
 * compression method, entry count, total size and compression ratio), then the layout ML Commons
 * deploys (tokenizer.json and exactly one .onnx or .pt at the root, `ModelHelper.verifyModelZipFile`).
 * Files are read into memory only, with their declared sizes and limits enforced while inflating.
 */

export const ZIP_LIMITS = {
  maxEntries: 1000,
  /** ML Commons refuses zips of 4e9 bytes and more; nothing inside may inflate past that either. */
  maxTotalUncompressed: 4e9,
  /** Models and tokenizers deflate 1–5:1; a bomb deflates ~1000:1. Small entries are exempt. */
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
  /**
   * One .onnx file is read whole into memory to load it, and onnxruntime parses it as one protobuf
   * message, which cannot exceed 2 GiB: a larger entry (a 40 MB zip may inflate 100:1) is refused
   * before it costs gigabytes of the host's memory.
   */
  maxOnnxBytes: 2 ** 31 - 1,
  /**
   * tokenizer.json is read whole and parsed as one string, which V8 caps at about 512 MB: a larger
   * one can never load, and a 22 MB zip inflating 48:1 (under maxRatio) cost the sidecar 2.1 GB
   * before failing. The largest real tokenizers are about 35 MB.
   */
  maxTokenizerBytes: 128 * 1024 * 1024,
};

const NATIVE_LIBRARY = /\.(so(\.\d+)*|dylib|dll|jar|class)$/i;
/**
 * ML Commons finds the model with a case-sensitive `name.endsWith(".onnx")` / `.endsWith(".pt")`
 * (`DLModel.loadModel`, `ModelHelper.verifyModelZipFile`): `MODEL.ONNX` is not a model file there.
 */
const ONNX_FILE = /\.onnx$/;
const PT_FILE = /\.pt$/;
const MODEL_FILE = /\.(onnx|pt)$/;
/** What a user probably meant as a model file, to explain why it was not taken. */
const MODEL_FILE_ANY_CASE = /\.(onnx|pt)$/i;
/** Stored (0) and deflated (8): all java.util.zip (ML Commons) and yauzl can read. */
const READABLE_METHODS = new Set([0, 8]);
const COMPRESSION_NAMES: Record<number, string> = { 9: 'deflate64', 12: 'bzip2', 14: 'lzma', 93: 'zstd', 95: 'xz', 98: 'ppmd', 99: 'AES' };
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;

export interface ModelZip {
  entries: NativeZipEntry[];
  format?: ModelFormat;
  modelFile?: string;
  tokenizerFile?: string;
  /** An entry's bytes, refused rather than buffered past `maxBytes` (by default the entry's own limit). */
  read(name: string, maxBytes?: number): Promise<Buffer>;
  close(): void;
}

const bad = (code: string, message: string) => new NativeError(400, code, message);

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip as ZipFile)))
  );
}

/** yauzl validates names itself; its messages become our codes. */
function zipError(err: Error, firstBytes: Buffer): NativeError {
  const m = err.message || String(err);
  if (/absolute path/i.test(m)) return bad('absolute_path', `The zip has an entry with an absolute path (${m}); entries must be relative`);
  if (/invalid relative path/i.test(m)) return bad('path_traversal', `The zip has an entry that escapes its folder (${m})`);
  const method = /unsupported compression method: (\d+)/i.exec(m);
  if (method) return unsupportedCompression(undefined, Number(method[1]));
  if (firstBytes.length < 4 || firstBytes.readUInt32LE(0) !== 0x04034b50) {
    return bad('not_a_zip', `The file is not a zip archive (${m})`);
  }
  return bad('corrupt_zip', `The zip is damaged or truncated (${m})`);
}

function unsupportedCompression(name: string | undefined, method: number): NativeError {
  const label = COMPRESSION_NAMES[method] ? `${COMPRESSION_NAMES[method]}, method ${method}` : `method ${method}`;
  return bad(
    'unsupported_compression',
    `${name === undefined ? 'An entry' : `Entry "${name}"`} uses an unsupported compression method (${label}); ML Commons reads stored or deflated entries only — re-create the zip with standard (deflate) compression`
  );
}

function checkEntry(entry: Entry, name: string) {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw bad('absolute_path', `Entry "${name}" has an absolute path; entries must be relative`);
  if (name.split('/').some((part) => part === '..')) throw bad('path_traversal', `Entry "${name}" escapes the zip's folder ("..")`);
  const madeByUnix = entry.versionMadeBy >> 8 === 3;
  const mode = (entry.externalFileAttributes >>> 16) & 0xffff;
  if (madeByUnix && (mode & S_IFMT) === S_IFLNK) throw bad('symlink_entry', `Entry "${name}" is a symbolic link; model zips may hold regular files only`);
  if (NATIVE_LIBRARY.test(name)) {
    throw bad('native_library', `Entry "${name}" is native or JVM code (.so/.dylib/.dll/.jar/.class), which ML Commons 3.8+ rejects`);
  }
  if (!name.endsWith('/')) {
    const executable = madeByUnix && ((mode & S_IFMT) === S_IFREG || (mode & S_IFMT) === 0) && (mode & 0o111) !== 0;
    const program = programKind(name, executable);
    if (program === 'script') throw bad('executable_entry', `Entry "${name}" is a script (${entryExtension(name)}); model zips hold data only`);
    if (program === 'executable') {
      throw bad('executable_entry', `Entry "${name}" has no extension and is marked executable (mode ${(mode & 0o7777).toString(8)}); model zips hold data only`);
    }
  }
  if (entry.isEncrypted()) throw bad('encrypted_entry', `Entry "${name}" is encrypted`);
  if (!READABLE_METHODS.has(entry.compressionMethod)) throw unsupportedCompression(name, entry.compressionMethod);
  const size = entry.uncompressedSize;
  if (size >= ZIP_LIMITS.ratioMinBytes && size / Math.max(entry.compressedSize, 1) > ZIP_LIMITS.maxRatio) {
    throw bad(
      'compression_ratio',
      `Entry "${name}" inflates ${Math.round(size / Math.max(entry.compressedSize, 1))}:1 (limit ${ZIP_LIMITS.maxRatio}:1): refused as a possible zip bomb`
    );
  }
}

function tooLarge(name: string, size: string, limit: number): NativeError {
  if (name === 'tokenizer.json') {
    return bad(
      'tokenizer_too_large',
      `tokenizer.json inflates to ${size} bytes (limit ${limit} bytes): real tokenizers are at most a few tens of MB, and one this large cannot be parsed`
    );
  }
  return bad('entry_too_large', `${name} inflates to ${size} bytes; at most ${limit} bytes of it are read into memory`);
}

function layout(entries: NativeZipEntry[], folders: Set<string>): Pick<ModelZip, 'format' | 'modelFile' | 'tokenizerFile'> {
  const root = entries.filter((e) => !e.name.includes('/'));
  const onnx = root.filter((e) => ONNX_FILE.test(e.name));
  const pt = root.filter((e) => PT_FILE.test(e.name));
  if (onnx.length && pt.length) {
    throw bad('mixed_model_formats', `The zip root holds both TorchScript (${pt[0].name}) and ONNX (${onnx[0].name}) files; keep exactly one model file`);
  }
  const models = onnx.length ? onnx : pt;
  if (models.length > 1) {
    throw bad('multiple_model_files', `found multiple models (${models.map((m) => m.name).join(', ')}): the zip root must hold exactly one .onnx or .pt file`);
  }
  if (!models.length) {
    const wrongCase = root.filter((e) => MODEL_FILE_ANY_CASE.test(e.name)).map((e) => e.name);
    if (wrongCase.length) {
      throw bad(
        'missing_model_file',
        `Can't find model file: ${wrongCase.join(', ')}: ML Commons only recognises lower-case .onnx/.pt (its check is case-sensitive); rename it, e.g. to model.onnx`
      );
    }
    const nested = entries.find((e) => MODEL_FILE.test(e.name));
    if (nested) throw bad('model_not_at_root', `The model file ${nested.name} is in a folder; ML Commons only looks at the zip root`);
    throw bad('missing_model_file', "Can't find model file: the zip root must hold one .onnx or .pt file");
  }
  // ML Commons lists the unzipped root, where a folder named like a model file counts as one.
  const modelFolder = Array.from(folders).find((f) => MODEL_FILE.test(f));
  if (modelFolder) {
    throw bad('model_named_folder', `found multiple models: the zip root holds a folder named ${modelFolder} next to ${models[0].name}, and ML Commons counts it as a model file; rename or remove the folder`);
  }
  if (!root.some((e) => e.name === 'tokenizer.json')) {
    const nested = entries.find((e) => e.name.endsWith('/tokenizer.json'));
    throw bad('missing_tokenizer', `No tokenizer file: tokenizer.json must be at the zip root${nested ? ` (found ${nested.name})` : ''}`);
  }
  const tokenizer = root.find((e) => e.name === 'tokenizer.json') as NativeZipEntry;
  if (tokenizer.size_bytes > ZIP_LIMITS.maxTokenizerBytes) throw tooLarge(tokenizer.name, String(tokenizer.size_bytes), ZIP_LIMITS.maxTokenizerBytes);
  if (onnx.length && onnx[0].size_bytes > ZIP_LIMITS.maxOnnxBytes) {
    throw bad('onnx_too_large', `${onnx[0].name} inflates to ${onnx[0].size_bytes} bytes; onnxruntime reads one .onnx file of at most ${ZIP_LIMITS.maxOnnxBytes} bytes (2 GiB, protobuf's limit)`);
  }
  return { format: onnx.length ? 'ONNX' : 'TORCH_SCRIPT', modelFile: models[0].name, tokenizerFile: 'tokenizer.json' };
}

export async function openModelZip(file: string): Promise<ModelZip> {
  const head = Buffer.alloc(4);
  const fh = await fs.open(file, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  let zip: ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    throw zipError(err as Error, head);
  }
  const byName = new Map<string, Entry>();
  const seen = new Set<string>();
  /** First path segments of nested entries: the folders at the zip root. */
  const folders = new Set<string>();
  const entries: NativeZipEntry[] = [];
  try {
    if (zip.entryCount > ZIP_LIMITS.maxEntries) {
      throw bad('too_many_entries', `The zip has ${zip.entryCount} entries (limit ${ZIP_LIMITS.maxEntries})`);
    }
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (err) => reject(err instanceof NativeError ? err : zipError(err, head)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        try {
          const name = entry.fileName;
          checkEntry(entry, name);
          if (seen.has(name)) {
            throw bad('duplicate_entry', `The zip holds "${name}" more than once; which copy is used would depend on the reader, so every entry name must be unique`);
          }
          seen.add(name);
          if (name.includes('/')) folders.add(name.split('/')[0]);
          total += entry.uncompressedSize;
          if (total > ZIP_LIMITS.maxTotalUncompressed) {
            throw bad('too_large_uncompressed', `The zip inflates to more than ${ZIP_LIMITS.maxTotalUncompressed} bytes`);
          }
          if (!name.endsWith('/')) {
            byName.set(name, entry);
            entries.push({ name, size_bytes: entry.uncompressedSize, compressed_bytes: entry.compressedSize });
          }
          zip.readEntry();
        } catch (err) {
          reject(err);
        }
      });
      zip.readEntry();
    });
  } catch (err) {
    zip.close();
    throw err;
  }
  let found: ReturnType<typeof layout>;
  try {
    found = layout(entries, folders);
  } catch (err) {
    zip.close();
    throw err;
  }
  return {
    entries,
    ...found,
    read(name: string, maxBytes = name === 'tokenizer.json' ? ZIP_LIMITS.maxTokenizerBytes : ZIP_LIMITS.maxOnnxBytes) {
      const entry = byName.get(name);
      if (!entry) return Promise.reject(bad('missing_entry', `No entry ${name} in the zip`));
      if (entry.uncompressedSize > maxBytes) return Promise.reject(tooLarge(name, String(entry.uncompressedSize), maxBytes));
      return new Promise<Buffer>((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(zipError(err || new Error('no stream'), head));
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            // Not left to yauzl's check of the declared size (an option of openZip): the bound is this read's own.
            if (size > maxBytes) {
              stream.destroy();
              reject(tooLarge(name, `more than ${maxBytes}`, maxBytes));
              return;
            }
            chunks.push(c);
          });
          stream.on('error', (e) => reject(zipError(e, head)));
          stream.on('end', () => resolve(Buffer.concat(chunks)));
        });
      });
    },
    close: () => zip.close(),
  };
}
