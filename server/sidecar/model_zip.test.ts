import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import * as zipjs from '@zip.js/zip.js';
import { openModelZip, ZIP_LIMITS } from './model_zip';
import { ModelRunner } from './model_runner';
import { NativeError } from './native_error';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

interface Bad {
  name: string;
  reason: string;
  bad: boolean;
  path: string;
}

describe('model zip rules (the generated bad fixtures)', () => {
  const all: Bad[] = fixtures.loadBadFixtures();

  it('covers every bad fixture', () => expect(all.filter((b) => b.bad).length).toBeGreaterThanOrEqual(13));

  it.each(all.filter((b) => b.bad).map((b) => [b.name, b] as const))('%s: refused with 400 and the problem named', async (_n, b) => {
    // The layout is checked on opening; the tokenizer when a model is loaded (inspect, predict).
    const err = await openModelZip(b.path).then(
      async (zip) => {
        try {
          ModelRunner.tokenizer(await zip.read(zip.tokenizerFile as string));
        } finally {
          zip.close();
        }
      },
      (e) => e
    ).catch((e) => e);
    expect(err).toBeInstanceOf(NativeError);
    expect({ status: err.statusCode, code: err.code }).toEqual({ status: 400, code: b.reason });
    expect(err.message.length).toBeGreaterThan(10);
  });

  it('accepts the control zip: tokenizer.json and one model.onnx at the root', async () => {
    const zip = await openModelZip(all.find((b) => b.reason === 'ok')!.path);
    expect({ format: zip.format, model: zip.modelFile, tokenizer: zip.tokenizerFile }).toEqual({ format: 'ONNX', model: 'model.onnx', tokenizer: 'tokenizer.json' });
    expect((await zip.read('tokenizer.json')).length).toBeGreaterThan(0);
    zip.close();
  });

  it('reads a real fixture with ML Commons error wording for layout problems', async () => {
    const zip = await openModelZip(fixtures.loadFixture('tiny-bert').zipPath);
    expect(zip.entries.map((e) => e.name)).toEqual(['tokenizer.json', 'model.onnx']);
    zip.close();
    const noModel = await openModelZip(all.find((b) => b.reason === 'missing_model_file')!.path).catch((e) => e);
    expect(noModel.message).toMatch(/Can't find model file/);
    const noTok = await openModelZip(all.find((b) => b.reason === 'missing_tokenizer')!.path).catch((e) => e);
    expect(noTok.message).toMatch(/No tokenizer file/);
  });
});

/**
 * Zips no well-behaved writer produces, made with @zip.js/zip.js (stored entries) and then patched:
 * entry names renamed in place (same length) to duplicate them, compression methods rewritten.
 */
describe('model zip rules (zips built here)', () => {
  let dir: string;
  beforeAll(async () => {
    zipjs.configure({ useWebWorkers: false });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'model-zip-test-'));
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const tokenizer = JSON.stringify({ version: '1.0', model: { type: 'WordPiece', vocab: { '[UNK]': 0 } } });
  const onnx = Buffer.from([0x08, 0x07, 0x12, 0x04, 0x74, 0x65, 0x73, 0x74]);

  /** Each file may carry a Unix mode (e.g. 0o100755); without one zip.js writes its default. */
  async function writeZip(file: string, files: Array<[string, string | Buffer, number?]>, patch: (zip: Buffer) => void = () => undefined) {
    const writer = new zipjs.ZipWriter(new zipjs.Uint8ArrayWriter(), { level: 0, dataDescriptor: false, extendedTimestamp: false });
    for (const [name, data, unixMode] of files) await writer.add(name, new zipjs.Uint8ArrayReader(new Uint8Array(Buffer.from(data))), unixMode === undefined ? {} : { unixMode });
    const zip = Buffer.from(await writer.close());
    patch(zip);
    const target = path.join(dir, file);
    await fs.writeFile(target, zip);
    return target;
  }

  /** Calls `visit(nameOffset, methodOffset, name)` for every local and central header. */
  function eachHeader(zip: Buffer, visit: (nameAt: number, methodAt: number, name: string) => void) {
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = zip.readUInt32LE(i);
      if (sig === 0x04034b50) visit(i + 30, i + 8, zip.toString('utf8', i + 30, i + 30 + zip.readUInt16LE(i + 26)));
      else if (sig === 0x02014b50) visit(i + 46, i + 10, zip.toString('utf8', i + 46, i + 46 + zip.readUInt16LE(i + 28)));
    }
  }
  const rename = (from: string, to: string) => (zip: Buffer) =>
    eachHeader(zip, (at, _m, name) => name === from && zip.write(to, at, 'utf8'));
  const setMethod = (entry: string, method: number) => (zip: Buffer) =>
    eachHeader(zip, (_at, methodAt, name) => name === entry && zip.writeUInt16LE(method, methodAt));

  const refused = (file: string) =>
    openModelZip(file).then(
      (zip) => {
        zip.close();
        return undefined;
      },
      (e) => e
    );

  it('accepts the same zip built here unpatched (the helpers make valid zips)', async () => {
    const zip = await openModelZip(await writeZip('plain.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx]]));
    expect({ format: zip.format, model: zip.modelFile }).toEqual({ format: 'ONNX', model: 'model.onnx' });
    expect((await zip.read('model.onnx')).equals(onnx)).toBe(true);
    zip.close();
  });

  it('refuses a .onnx entry that would inflate past 2 GiB (onnxruntime reads one protobuf of at most that) before reading it', async () => {
    // The directory claims 3 GB stored (ratio 1:1, so only this rule can refuse it).
    const claim = (zip: Buffer) =>
      eachHeader(zip, (_at, methodAt, name) => {
        if (name !== 'model.onnx') return;
        zip.writeUInt32LE(3e9, methodAt + 10);
        zip.writeUInt32LE(3e9, methodAt + 14);
      });
    const err = await refused(await writeZip('huge.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx]], claim));
    expect({ status: err?.statusCode, code: err?.code }).toEqual({ status: 400, code: 'onnx_too_large' });
    expect(err.message).toContain('model.onnx inflates to 3000000000 bytes');
  });

  it('refuses a tokenizer.json over maxTokenizerBytes (it could never be parsed) before reading it, naming size and limit', async () => {
    const over = ZIP_LIMITS.maxTokenizerBytes + 1;
    // The directory claims it stored (ratio 1:1, so only this rule can refuse it).
    const claim = (zip: Buffer) =>
      eachHeader(zip, (_at, methodAt, name) => {
        if (name !== 'tokenizer.json') return;
        zip.writeUInt32LE(over, methodAt + 10);
        zip.writeUInt32LE(over, methodAt + 14);
      });
    const err = await refused(await writeZip('huge-tokenizer.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx]], claim));
    expect({ status: err?.statusCode, code: err?.code }).toEqual({ status: 400, code: 'tokenizer_too_large' });
    expect(err.message).toContain(`tokenizer.json inflates to ${over} bytes (limit ${ZIP_LIMITS.maxTokenizerBytes} bytes)`);
  });

  it('reads no entry past the maximum it is given', async () => {
    const zip = await openModelZip(await writeZip('small.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx]]));
    try {
      const err = await zip.read('model.onnx', onnx.length - 1).catch((e) => e);
      expect({ status: err?.statusCode, code: err?.code }).toEqual({ status: 400, code: 'entry_too_large' });
      expect((await zip.read('model.onnx', onnx.length)).equals(onnx)).toBe(true);
    } finally {
      zip.close();
    }
  });

  it('matches model files case-sensitively, like ML Commons: MODEL.ONNX alone is no model, and the error says why', async () => {
    const err = await refused(await writeZip('upper.zip', [['tokenizer.json', tokenizer], ['MODEL.ONNX', onnx]]));
    expect(err).toBeInstanceOf(NativeError);
    expect({ status: err.statusCode, code: err.code }).toEqual({ status: 400, code: 'missing_model_file' });
    expect(err.message).toMatch(/Can't find model file/);
    expect(err.message).toMatch(/MODEL\.ONNX: ML Commons only recognises lower-case \.onnx\/\.pt/);
    const pt = await refused(await writeZip('upper-pt.zip', [['tokenizer.json', tokenizer], ['model.Pt', 'torchscript']]));
    expect({ code: pt.code, message: pt.message }).toEqual({ code: 'missing_model_file', message: expect.stringContaining('model.Pt: ML Commons only recognises lower-case') });
  });

  it('ignores an upper-case twin next to the real model.onnx, as ML Commons does', async () => {
    const zip = await openModelZip(await writeZip('twin.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx], ['MODEL.ONNX', onnx]]));
    expect({ format: zip.format, model: zip.modelFile }).toEqual({ format: 'ONNX', model: 'model.onnx' });
    zip.close();
  });

  it('opens a valid zip whose every file is marked executable (as a FAT/NTFS mount or chmod -R 755 leaves them)', async () => {
    const zip = await openModelZip(
      await writeZip('all-755.zip', [['tokenizer.json', tokenizer, 0o100755], ['model.onnx', onnx, 0o100755], ['config.json', '{}', 0o100755], ['weights.bin', 'w', 0o100755]])
    );
    expect({ format: zip.format, model: zip.modelFile, tokenizer: zip.tokenizerFile }).toEqual({ format: 'ONNX', model: 'model.onnx', tokenizer: 'tokenizer.json' });
    zip.close();
  });

  it.each([
    ['a file with no extension marked executable', 'run', 0o100755],
    ['a script whatever its mode', 'run.sh', 0o100644],
    ['a script in upper case', 'tools/SETUP.PS1', 0o100644],
  ])('refuses %s with 400 executable_entry naming it', async (_what, name, mode) => {
    const err = await refused(await writeZip(`program-${name.replace(/\W/g, '_')}.zip`, [['tokenizer.json', tokenizer], ['model.onnx', onnx], [name, '#!/bin/sh\n', mode]]));
    expect({ status: err?.statusCode, code: err?.code }).toEqual({ status: 400, code: 'executable_entry' });
    expect(err.message).toContain(`"${name}"`);
  });

  it('refuses duplicate entry names with 400 duplicate_entry naming the entry', async () => {
    // Two tokenizer.json: readers disagree on which copy wins (yauzl's map kept the last one).
    const file = await writeZip('duplicate.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx], ['tokenizer.jsoX', '{"other":true}']], rename('tokenizer.jsoX', 'tokenizer.json'));
    const err = await refused(file);
    expect(err).toBeInstanceOf(NativeError);
    expect({ status: err.statusCode, code: err.code }).toEqual({ status: 400, code: 'duplicate_entry' });
    expect(err.message).toContain('"tokenizer.json"');
  });

  it('refuses an unsupported compression method (bzip2, 12) with 400 unsupported_compression naming entry and method', async () => {
    const file = await writeZip('bzip2.zip', [['tokenizer.json', tokenizer], ['model.onnx', onnx]], setMethod('model.onnx', 12));
    const err = await refused(file);
    expect(err).toBeInstanceOf(NativeError);
    expect({ status: err.statusCode, code: err.code }).toEqual({ status: 400, code: 'unsupported_compression' });
    expect(err.message).toMatch(/"model\.onnx".*bzip2, method 12/);
  });
});
