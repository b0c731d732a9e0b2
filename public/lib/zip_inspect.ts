import { MAX_MODEL_SIZE_BYTES } from '../../common/constants';
import { entryExtension, programKind } from '../../common/zip_entries';
import type { ModelFormat } from '../../common/ml_commons';
import { readBlob, throwIfAborted } from './blob_slices';
import type { ChunkSource } from './chunk_reader';
import { ConfigSuggestion, suggestConfig } from './config_suggestions';
import { OnnxSignature, readOnnxSignature } from './onnx_signature';
import { formatBytes } from './format_bytes';

/**
 * Checks a model zip in the browser before anything is sent, with the rules ML Commons applies at
 * deploy time (ml-commons `ModelHelper.verifyModelZipFile`; 3.8+ hardening) plus the usual zip
 * hygiene. Only the central directory is read for the layout; the one ONNX entry is streamed
 * through the signature walker. The file is never held whole in memory.
 */

export type ZipProblemCode =
  | 'empty_file'
  | 'too_large'
  | 'not_a_zip'
  | 'corrupt_zip'
  | 'encrypted_entry'
  | 'duplicate_entry'
  | 'absolute_path'
  | 'path_traversal'
  | 'symlink_entry'
  | 'native_library'
  | 'executable_entry'
  | 'compression_ratio'
  | 'missing_tokenizer'
  | 'missing_model_file'
  | 'multiple_model_files'
  | 'mixed_model_formats'
  | 'model_not_at_root'
  | 'model_named_folder'
  | 'invalid_tokenizer'
  | 'onnx_unreadable';

export interface ZipProblem {
  code: ZipProblemCode;
  message: string;
  entry?: string;
}

export interface ZipEntrySummary {
  name: string;
  size: number;
  compressedSize: number;
  directory: boolean;
}

export interface ZipReport {
  fileName: string;
  sizeBytes: number;
  entries: ZipEntrySummary[];
  /** The model file at the root, when there is exactly one. */
  modelFile?: string;
  /** The format its extension implies (`.onnx` -> ONNX, `.pt` -> TORCH_SCRIPT). */
  format?: ModelFormat;
  /**
   * tokenizer.json and no model file anywhere: what ML Commons registers as a SPARSE_TOKENIZE
   * model (`verifyModelZipFile` exempts that function), and refuses for every other one.
   */
  tokenizerOnly?: boolean;
  /**
   * Entries in folders named like model files (`__MACOSX/._model.onnx`, which macOS Finder adds).
   * Deploy only looks at the root, but registering from a URL checks every entry's name and fails
   * with "Find multiple model files, but expected only one".
   */
  nestedModelFiles?: string[];
  onnx?: OnnxSignature;
  suggestion?: ConfigSuggestion;
  problems: ZipProblem[];
  /** Things that do not block registering but may fail later. */
  warnings: string[];
}

export interface InspectProgress {
  phase: 'directory' | 'onnx';
  bytesDone: number;
  bytesTotal: number;
}

/** Entry types ML Commons 3.8+ refuses, and native code in general. */
const NATIVE_EXTENSIONS = ['.so', '.dll', '.dylib', '.jar', '.class', '.exe'];
/** Deflate rarely beats ~10:1 on model weights; a 100:1 entry over 1 MiB is a decompression bomb. */
const MAX_COMPRESSION_RATIO = 100;
const RATIO_MIN_BYTES = 1024 * 1024;
/** ML Commons 2.19 runs ONNX on onnxruntime 1.16.3 (IR <= 9, opset <= 19). */
const MAX_ORT_IR = 9;
const MAX_ORT_OPSET = 19;

const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];

type ZipModule = typeof import('@zip.js/zip.js');
type ZipEntry = import('@zip.js/zip.js').Entry;
let zipModule: Promise<ZipModule> | undefined;

/**
 * zip.js is loaded on first use: it touches stream globals when evaluated, which must not happen
 * just because the app's page list was imported. The bundle stays a single file (esbuild inlines
 * the module without code splitting). Web workers are off: inflating runs through the browser's
 * own DecompressionStream on the main thread, slice by slice.
 */
function loadZip(): Promise<ZipModule> {
  if (!zipModule) {
    zipModule = import('@zip.js/zip.js').then((zip) => {
      zip.configure({ useWebWorkers: false, useCompressionStream: true });
      return zip;
    });
  }
  return zipModule;
}


/** ML Commons matches model files with a case-sensitive `endsWith(".onnx")` / `endsWith(".pt")`. */
const modelExt = (name: string) => (name.endsWith('.onnx') ? '.onnx' : name.endsWith('.pt') ? '.pt' : '');

const isNativeLibrary = (name: string) => {
  const base = name.slice(name.lastIndexOf('/') + 1).toLowerCase();
  // libfoo.so.1 is a shared library too.
  return NATIVE_EXTENSIONS.includes(entryExtension(name)) || /\.so(\.\d+)+$/.test(base);
};

function entryProblem(entry: { filename: string; symlink: boolean; executable: boolean; encrypted: boolean; directory: boolean; uncompressedSize: number; compressedSize: number }): ZipProblem | undefined {
  const raw = entry.filename;
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    return { code: 'absolute_path', entry: raw, message: `"${raw}" is an absolute path; every entry must be relative to the zip root.` };
  }
  if (name.split('/').includes('..')) {
    return { code: 'path_traversal', entry: raw, message: `"${raw}" points outside the zip (a ".." path), which could overwrite files where it is unpacked.` };
  }
  if (entry.symlink) {
    return { code: 'symlink_entry', entry: raw, message: `"${raw}" is a symbolic link; model zips must contain plain files only.` };
  }
  if (entry.encrypted) {
    return { code: 'encrypted_entry', entry: raw, message: `"${raw}" is encrypted; ML Commons cannot read encrypted entries.` };
  }
  if (!entry.directory && isNativeLibrary(name)) {
    return { code: 'native_library', entry: raw, message: `"${raw}" is native code (${entryExtension(name) || 'shared library'}); ML Commons 3.8+ refuses zips with native libraries, and no model needs one.` };
  }
  const program = entry.directory ? undefined : programKind(name, entry.executable);
  if (program === 'script') {
    return { code: 'executable_entry', entry: raw, message: `"${raw}" is an executable script; model zips must not contain programs.` };
  }
  if (program === 'executable') {
    return { code: 'executable_entry', entry: raw, message: `"${raw}" is an executable (its Unix mode has execute bits, and it has no file extension); model zips must not contain programs.` };
  }
  if (entry.uncompressedSize > RATIO_MIN_BYTES && entry.uncompressedSize > entry.compressedSize * MAX_COMPRESSION_RATIO) {
    const ratio = Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize));
    return {
      code: 'compression_ratio',
      entry: raw,
      message: `"${raw}" expands ${ratio}:1 (${formatBytes(entry.compressedSize)} to ${formatBytes(entry.uncompressedSize)}), which is how zip bombs look; real model files compress far less.`,
    };
  }
  return undefined;
}

/** Turns a pushed stream (zip.js writes into a WritableStream) into a pulled one, one chunk at a time. */
function pushToPull() {
  let waiting: ((chunk: Uint8Array | undefined) => void) | undefined;
  let waitingReject: ((err: unknown) => void) | undefined;
  let queued: { chunk: Uint8Array; done: () => void } | undefined;
  let ended = false;
  let failure: unknown;
  const source: ChunkSource = () =>
    new Promise((resolve, reject) => {
      if (queued) {
        const q = queued;
        queued = undefined;
        q.done();
        resolve(q.chunk);
      } else if (failure) reject(failure);
      else if (ended) resolve(undefined);
      else {
        waiting = resolve;
        waitingReject = reject;
      }
    });
  return {
    source,
    // Resolves once the walker has taken the chunk: zip.js waits, so at most one chunk is queued.
    push: (chunk: Uint8Array) =>
      new Promise<void>((resolve) => {
        if (waiting) {
          const w = waiting;
          waiting = undefined;
          w(chunk);
          resolve();
        } else queued = { chunk, done: resolve };
      }),
    end: (err?: unknown) => {
      ended = true;
      failure = err;
      if (waiting) {
        const w = waiting;
        const rj = waitingReject;
        waiting = undefined;
        if (err && rj) rj(err);
        else w(undefined);
      }
      // Never leave the writer hanging.
      queued?.done();
    },
  };
}

/** Larger than any real tokenizer.json (multilingual ones are ~20 MB); past it, the check is left to the deploy. */
const MAX_TOKENIZER_CHECK_BYTES = 64 * 1024 * 1024;

/**
 * A tokenizer.json that is not one (not JSON, or no `model`) passes every layout check and fails
 * only at deploy, after the whole upload ("expected `,` or `}` at line 1 column 7").
 */
async function tokenizerProblem(entry: ZipEntry, zip: ZipModule): Promise<ZipProblem | undefined> {
  if (entry.directory || !entry.getData || entry.uncompressedSize > MAX_TOKENIZER_CHECK_BYTES) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await entry.getData(new zip.Uint8ArrayWriter()));
  } catch (e) {
    return { code: 'invalid_tokenizer', entry: 'tokenizer.json', message: `tokenizer.json could not be read from the zip: ${(e as Error).message}.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { code: 'invalid_tokenizer', entry: 'tokenizer.json', message: `tokenizer.json is not valid JSON (${(e as Error).message}); ML Commons would fail to deploy the model.` };
  }
  const model = json && typeof json === 'object' ? (json as { model?: unknown }).model : undefined;
  if (!model || typeof model !== 'object') {
    return { code: 'invalid_tokenizer', entry: 'tokenizer.json', message: 'tokenizer.json is JSON but not a Hugging Face tokenizer (it has no "model"); ML Commons would fail to deploy the model.' };
  }
  return undefined;
}

async function hasZipMagic(file: Blob): Promise<boolean> {
  const head = await readBlob(file.slice(0, 4));
  return ZIP_MAGICS.some((m) => m.every((b, i) => head[i] === b));
}

export async function inspectModelZip(
  file: Blob & { name?: string },
  opts: { signal?: AbortSignal; onProgress?: (p: InspectProgress) => void } = {}
): Promise<ZipReport> {
  const report: ZipReport = { fileName: file.name || 'model.zip', sizeBytes: file.size, entries: [], problems: [], warnings: [] };
  const problem = (p: ZipProblem) => {
    report.problems.push(p);
    return report;
  };
  if (file.size === 0) return problem({ code: 'empty_file', message: 'The file is empty.' });
  if (file.size > MAX_MODEL_SIZE_BYTES) {
    return problem({
      code: 'too_large',
      message: `The file is ${formatBytes(file.size)}; ML Commons accepts model zips up to ${MAX_MODEL_SIZE_BYTES.toLocaleString('en-US')} bytes (${formatBytes(MAX_MODEL_SIZE_BYTES)}).`,
    });
  }
  if (!(await hasZipMagic(file))) {
    return problem({ code: 'not_a_zip', message: 'This is not a zip file (it does not start with a zip signature).' });
  }
  throwIfAborted(opts.signal);

  const zip = await loadZip();
  const reader = new zip.ZipReader(new zip.BlobReader(file));
  try {
    let entries: Awaited<ReturnType<typeof reader.getEntries>>;
    try {
      opts.onProgress?.({ phase: 'directory', bytesDone: 0, bytesTotal: file.size });
      // Names are judged below with a message per entry; zip.js's own check would stop at the first.
      entries = await reader.getEntries({ filenameValidation: 'tolerant' });
    } catch (e) {
      return problem({ code: 'corrupt_zip', message: `The zip is damaged or incomplete (${(e as Error).message}). Was the download or copy cut short?` });
    }
    throwIfAborted(opts.signal);

    const rootModels: string[] = [];
    const nestedModels: string[] = [];
    let tokenizer = false;
    const seen = new Set<string>();
    const caseOnly: string[] = [];
    /** Root folders named like a model file: ML Commons lists the unzipped root and counts them as models. */
    const modelFolders = new Set<string>();
    for (const entry of entries) {
      const top = entry.filename.split('/')[0];
      if (entry.filename.includes('/') && modelExt(top)) modelFolders.add(top);
    }
    for (const entry of entries) {
      report.entries.push({ name: entry.filename, size: entry.uncompressedSize, compressedSize: entry.compressedSize, directory: entry.directory });
      const bad = entryProblem(entry);
      if (bad) {
        report.problems.push(bad);
        continue;
      }
      const name = entry.filename;
      if (seen.has(name)) {
        // Readers disagree on which copy wins; the server refuses it too.
        report.problems.push({ code: 'duplicate_entry', entry: name, message: `"${name}" appears twice in the zip; which copy is used would depend on the reader. Zip each file once.` });
        continue;
      }
      seen.add(name);
      if (entry.directory) continue;
      const atRoot = !name.includes('/');
      const e = modelExt(name);
      if (e) (atRoot ? rootModels : nestedModels).push(name);
      else if (atRoot && (entryExtension(name) === '.onnx' || entryExtension(name) === '.pt')) caseOnly.push(name);
      if (atRoot && name === 'tokenizer.json') tokenizer = true;
    }

    if (!tokenizer) {
      report.problems.push({ code: 'missing_tokenizer', message: 'There is no tokenizer.json at the root of the zip (ML Commons: "No tokenizer file").' });
    }
    const onnxFiles = rootModels.filter((n) => modelExt(n) === '.onnx');
    const ptFiles = rootModels.filter((n) => modelExt(n) === '.pt');
    if (rootModels.length === 0) {
      if (nestedModels.length) {
        report.problems.push({
          code: 'model_not_at_root',
          entry: nestedModels[0],
          message: `The model file "${nestedModels[0]}" is in a folder; ML Commons only looks at files at the root of the zip. Zip the files themselves, not their folder.`,
        });
      } else if (caseOnly.length) {
        report.problems.push({
          code: 'missing_model_file',
          message: `There is no .onnx or .pt model file at the root of the zip (ML Commons: "Can't find model file"). ${caseOnly.join(', ')}: ML Commons only recognises lower-case .onnx/.pt; rename it.`,
        });
      } else {
        // Not a problem of the zip: of the function it is registered as (the form checks that).
        report.tokenizerOnly = true;
        const idf = seen.has('idf.json');
        report.suggestion = {
          function_name: 'SPARSE_TOKENIZE',
          notes: [
            `The zip holds tokenizer.json and no model file: a sparse tokenizer (Sparse tokenize), the one function ML Commons registers without a model file (with either format; ML Commons' own sparse tokenizers say TORCH_SCRIPT). ${
              idf ? 'Tokens are weighted by its idf.json.' : 'It has no idf.json, so every token weighs 1.'
            }`,
          ],
          warnings: [],
        };
      }
    } else if (modelFolders.size) {
      const folder = Array.from(modelFolders)[0];
      report.problems.push({
        code: 'model_named_folder',
        entry: `${folder}/`,
        message: `The zip holds a folder named "${folder}" at its root; ML Commons counts it as a model file next to ${rootModels[0]}, so the deploy fails ("found multiple models"). Rename or remove the folder.`,
      });
    } else if (onnxFiles.length && ptFiles.length) {
      report.problems.push({
        code: 'mixed_model_formats',
        message: `The zip holds both a TorchScript (${ptFiles.join(', ')}) and an ONNX (${onnxFiles.join(', ')}) model; keep exactly one.`,
      });
    } else if (rootModels.length > 1) {
      report.problems.push({ code: 'multiple_model_files', message: `The zip holds ${rootModels.length} model files (${rootModels.join(', ')}); ML Commons needs exactly one ("found multiple models").` });
    } else {
      report.modelFile = rootModels[0];
      report.format = onnxFiles.length ? 'ONNX' : 'TORCH_SCRIPT';
      if (nestedModels.length) {
        report.nestedModelFiles = nestedModels;
        report.warnings.push(
          `${nestedModels.map((n) => `"${n}"`).join(', ')} ${nestedModels.length === 1 ? 'sits' : 'sit'} in a folder${
            nestedModels.some((n) => n.startsWith('__MACOSX/')) ? ' (macOS Finder adds __MACOSX copies)' : ''
          }: uploading works (deploy reads the root only), but registering from a URL would fail, as ML Commons counts every entry ending in .onnx or .pt there ("Find multiple model files, but expected only one"). Zip the files without it.`
        );
      }
    }

    if (!report.problems.length && tokenizer) {
      const problem = await tokenizerProblem(entries.find((en) => en.filename === 'tokenizer.json')!, zip);
      throwIfAborted(opts.signal);
      if (problem) report.problems.push(problem);
    }
    if (report.problems.length || report.format !== 'ONNX' || !report.modelFile) return report;

    // The signature of the ONNX graph, streamed out of the zip entry.
    const found = entries.find((en) => en.filename === report.modelFile);
    if (!found || found.directory) return report;
    const entry = found;
    const total = entry.uncompressedSize;
    const pipe = pushToPull();
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort();
    opts.signal?.addEventListener('abort', onOuterAbort);
    let done = 0;
    const writable = new WritableStream<Uint8Array>({
      write: (chunk) => {
        done += chunk.length;
        opts.onProgress?.({ phase: 'onnx', bytesDone: done, bytesTotal: total });
        return pipe.push(chunk);
      },
      close: () => pipe.end(),
      abort: (reason) => pipe.end(reason || new Error('aborted')),
    });
    /** Set when zip.js itself failed to inflate the entry: the zip is at fault, not the model. */
    let zipFailure: unknown;
    const extraction = entry.getData(writable, { signal: controller.signal }).then(
      () => pipe.end(),
      (err: unknown) => {
        zipFailure = err;
        pipe.end(err);
      }
    );
    try {
      report.onnx = await readOnnxSignature(pipe.source);
      report.suggestion = suggestConfig(report.onnx);
      report.warnings.push(...report.suggestion.warnings);
      if (report.onnx.irVersion !== undefined && report.onnx.irVersion > MAX_ORT_IR) {
        report.warnings.push(`The model uses ONNX IR version ${report.onnx.irVersion}; ML Commons 2.19 runs onnxruntime 1.16, which reads IR up to ${MAX_ORT_IR}. Deploying may fail.`);
      }
      if (report.onnx.opsetVersion !== undefined && report.onnx.opsetVersion > MAX_ORT_OPSET) {
        report.warnings.push(`The model uses opset ${report.onnx.opsetVersion}; onnxruntime 1.16 supports opsets up to ${MAX_ORT_OPSET}. Deploying may fail.`);
      }
    } catch (e) {
      // Stop zip.js first, and release a write it may be waiting on, so `extraction` settles.
      controller.abort();
      pipe.end(e);
      await extraction;
      throwIfAborted(opts.signal);
      if (zipFailure !== undefined && e === zipFailure) {
        report.problems.push({ code: 'corrupt_zip', entry: report.modelFile, message: `The zip is damaged: reading "${report.modelFile}" failed (${(e as Error).message}). Was the download or copy cut short, or the zip edited by hand?` });
      } else {
        report.problems.push({ code: 'onnx_unreadable', entry: report.modelFile, message: `"${report.modelFile}" is not a readable ONNX model: ${(e as Error).message}.` });
      }
    } finally {
      opts.signal?.removeEventListener('abort', onOuterAbort);
      await extraction;
    }
    return report;
  } finally {
    await reader.close();
  }
}
