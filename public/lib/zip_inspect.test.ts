import '../../test/mocks/public_blob';
import { promises as fs } from 'fs';
import path from 'path';
import { MAX_MODEL_SIZE_BYTES } from '../../common/constants';
import { fileFromDisk, GENERATED } from '../../test/mocks/public_blob';
import { inspectModelZip } from './zip_inspect';

/** A zip of `files` (stored), with `patch` applied to its bytes, as a File. */
async function zipOf(files: Array<[string, string | Uint8Array, { executable?: boolean }?]>, patch: (zip: Buffer) => void = () => undefined): Promise<File> {
  const zipjs = await import('@zip.js/zip.js');
  zipjs.configure({ useWebWorkers: false });
  const writer = new zipjs.ZipWriter(new zipjs.Uint8ArrayWriter(), { level: 0, dataDescriptor: false, extendedTimestamp: false });
  for (const [name, content, opts] of files) {
    await writer.add(name, typeof content === 'string' ? new zipjs.TextReader(content) : new zipjs.Uint8ArrayReader(content), opts);
  }
  const zip = Buffer.from(await writer.close());
  patch(zip);
  return new File([zip], 'm.zip', { type: 'application/zip' });
}

/** The least a tokenizer.json must hold to pass the browser's check. */
const TOKENIZER = '{"model":{"type":"WordPiece","vocab":{}}}';

/** Renames an entry in place (same length) in every local and central header. */
const rename = (from: string, to: string) => (zip: Buffer) => {
  for (let i = 0; i + 4 <= zip.length; i++) {
    const sig = zip.readUInt32LE(i);
    const at = sig === 0x04034b50 ? i + 30 : sig === 0x02014b50 ? i + 46 : -1;
    if (at >= 0 && zip.toString('utf8', at, at + from.length) === from) zip.write(to, at, 'utf8');
  }
};

interface BadFixture {
  name: string;
  file: string;
  bad: boolean;
  reason: string;
}

const BAD_DIR = path.join(GENERATED, 'bad');

describe('inspectModelZip', () => {
  let index: BadFixture[];
  beforeAll(async () => {
    index = JSON.parse(await fs.readFile(path.join(BAD_DIR, 'index.json'), 'utf8')).fixtures;
  });

  it('covers every fixture of bad/index.json', () => {
    expect(index.filter((f) => f.bad).length).toBeGreaterThanOrEqual(13);
  });

  it('rejects each bad zip with its reason, in words', async () => {
    // A zip without a model file is bad for every function but one: the form decides (below).
    for (const fx of index.filter((f) => f.bad && f.reason !== 'missing_model_file')) {
      const report = await inspectModelZip(await fileFromDisk(path.join(BAD_DIR, fx.file)));
      const codes = report.problems.map((p) => p.code);
      // bad/index.json and the checks share the same names.
      expect({ fixture: fx.name, codes }).toEqual({ fixture: fx.name, codes: expect.arrayContaining([fx.reason === 'corrupt_zip' ? 'corrupt_zip' : fx.reason]) });
      for (const p of report.problems) expect(p.message.length).toBeGreaterThan(20);
      expect(report.onnx).toBeUndefined();
    }
  });

  it('gives messages that say what is wrong', async () => {
    const read = async (file: string) => (await inspectModelZip(await fileFromDisk(path.join(BAD_DIR, file)))).problems.map((p) => p.message).join(' | ');
    expect(await read('no-tokenizer.zip')).toContain('no tokenizer.json at the root');
    expect(await read('model-in-subfolder.zip')).toContain('"model/model.onnx" is in a folder');
    expect(await read('path-traversal.zip')).toContain('"../evil.onnx" points outside the zip');
    expect(await read('native-library.zip')).toContain('"libevil.so" is native code');
    expect(await read('executable-mode.zip')).toContain('"run.sh" is an executable');
    expect(await read('zip-bomb.zip')).toMatch(/"zeros.bin" expands \d+:1/);
    expect(await read('not-a-zip.zip')).toContain('not a zip file');
  });

  it('takes a zip with tokenizer.json and no model file as a sparse tokenizer, the one function ML Commons registers so', async () => {
    const fx = index.find((f) => f.reason === 'missing_model_file')!;
    const bare = await inspectModelZip(await fileFromDisk(path.join(BAD_DIR, fx.file)));
    expect({ problems: bare.problems, tokenizerOnly: bare.tokenizerOnly, fn: bare.suggestion?.function_name, format: bare.format }).toEqual({
      problems: [],
      tokenizerOnly: true,
      fn: 'SPARSE_TOKENIZE',
      format: undefined,
    });
    expect(bare.suggestion?.notes.join(' ')).toContain('no idf.json, so every token weighs 1');
    const idf = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['idf.json', '{"hello":1.5}']]));
    expect(idf.suggestion?.notes.join(' ')).toContain('weighted by its idf.json');
    const withModel = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['model.pt', 'x']]));
    expect(withModel.tokenizerOnly).toBeUndefined();
  });

  it('ignores execute bits on data files (FAT/NTFS mounts, chmod -R 755), but refuses scripts and extensionless executables', async () => {
    const dir = path.join(GENERATED, 'tiny-bert');
    const x = { executable: true };
    const allExec = await inspectModelZip(
      await zipOf([
        ['tokenizer.json', await fs.readFile(path.join(dir, 'tokenizer.json')), x],
        ['model.onnx', await fs.readFile(path.join(dir, 'model.onnx')), x],
        ['config.json', '{}', x],
      ])
    );
    expect({ problems: allExec.problems, format: allExec.format, outputs: allExec.onnx?.outputs.length }).toEqual({ problems: [], format: 'ONNX', outputs: 2 });
    const programs = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['model.pt', 'x'], ['run', '#!/bin/sh', x], ['setup.sh', 'echo']]));
    expect(programs.problems.map((p) => [p.code, p.entry])).toEqual([
      ['executable_entry', 'run'],
      ['executable_entry', 'setup.sh'],
    ]);
  });

  it('warns of model-named entries in folders (macOS __MACOSX copies), which fail URL registration only', async () => {
    const report = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['model.pt', 'x'], ['__MACOSX/._model.pt', 'x']]));
    expect({ problems: report.problems, nested: report.nestedModelFiles, modelFile: report.modelFile }).toEqual({ problems: [], nested: ['__MACOSX/._model.pt'], modelFile: 'model.pt' });
    expect(report.warnings.join(' ')).toMatch(/"__MACOSX\/\._model\.pt" sits in a folder \(macOS Finder adds __MACOSX copies\): uploading works.*Find multiple model files/);
  });

  it('matches model files case-sensitively, as ML Commons and the server do', async () => {
    const upper = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['MODEL.ONNX', 'x']]));
    expect(upper.problems).toEqual([
      { code: 'missing_model_file', message: expect.stringContaining('MODEL.ONNX: ML Commons only recognises lower-case .onnx/.pt') },
    ]);
    const torch = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['model.pt', 'x'], ['EXTRA.PT', 'x']]));
    expect({ problems: torch.problems, format: torch.format, modelFile: torch.modelFile }).toEqual({ problems: [], format: 'TORCH_SCRIPT', modelFile: 'model.pt' });
  });

  it('refuses a tokenizer.json that is not one, which passes every layout check and fails only at deploy', async () => {
    const broken = await inspectModelZip(await zipOf([['tokenizer.json', '{"not":"a tokenizer"'], ['model.pt', 'x']]));
    expect(broken.problems).toEqual([{ code: 'invalid_tokenizer', entry: 'tokenizer.json', message: expect.stringMatching(/^tokenizer\.json is not valid JSON \(.+\); ML Commons would fail to deploy the model\.$/) }]);
    const notOne = await inspectModelZip(await zipOf([['tokenizer.json', '{"version":"1.0"}'], ['model.pt', 'x']]));
    expect(notOne.problems.map((p) => p.code)).toEqual(['invalid_tokenizer']);
  });

  it('refuses a root folder named like a model file (ML Commons counts it as one: "found multiple models")', async () => {
    const report = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['real.onnx', 'x'], ['model.onnx/readme.txt', 'x']]));
    expect(report.problems).toEqual([{ code: 'model_named_folder', entry: 'model.onnx/', message: expect.stringContaining('a folder named "model.onnx" at its root') }]);
  });

  it("blames the zip, not the model, when the zip's directory lies about the model's size", async () => {
    const onnx = await fs.readFile(path.join(BAD_DIR, '..', 'tiny-bert', 'model.onnx'));
    const lie = (zip: Buffer) => {
      for (let i = 0; i + 4 <= zip.length; i++) {
        if (zip.readUInt32LE(i) === 0x02014b50 && zip.toString('utf8', i + 46, i + 56) === 'model.onnx') {
          zip.writeUInt32LE(zip.readUInt32LE(i + 20) - 1000, i + 20);
          zip.writeUInt32LE(zip.readUInt32LE(i + 24) - 1000, i + 24);
        }
      }
    };
    const report = await inspectModelZip(await zipOf([['tokenizer.json', TOKENIZER], ['model.onnx', onnx.toString('latin1')]], lie));
    expect(report.problems.map((p) => p.code)).toEqual(['corrupt_zip']);
    expect(report.problems[0].message).toMatch(/^The zip is damaged: reading "model\.onnx" failed/);
  });

  it('refuses an entry name that appears twice', async () => {
    const report = await inspectModelZip(await zipOf([['tokenizer.json', '{}'], ['model.pt', 'x'], ['tokenizer.jsoX', '{}']], rename('tokenizer.jsoX', 'tokenizer.json')));
    expect(report.problems).toEqual([{ code: 'duplicate_entry', entry: 'tokenizer.json', message: expect.stringContaining('"tokenizer.json" appears twice') }]);
  });

  it('accepts the control zip and reads its one-node stub graph', async () => {
    const report = await inspectModelZip(await fileFromDisk(path.join(BAD_DIR, 'control.zip')));
    expect(report.problems).toEqual([]);
    expect(report.onnx?.inputs.map((i) => i.name)).toEqual(['input_ids']);
    expect(report.format).toBe('ONNX');
    expect(report.modelFile).toBe('model.onnx');
  });

  it.each([
    ['glove-semantic', 100, 'TEXT_EMBEDDING'],
    ['tiny-bert', 32, 'TEXT_EMBEDDING'],
    ['tiny-sparse', undefined, 'SPARSE_ENCODING'],
  ])('accepts %s and reads its graph out of the zip', async (name, dim, fn) => {
    const fx = JSON.parse(await fs.readFile(path.join(GENERATED, name, 'fixture.json'), 'utf8'));
    const phases = new Set<string>();
    const report = await inspectModelZip(await fileFromDisk(path.join(GENERATED, name, 'model.zip'), `${name}.zip`), {
      onProgress: (p) => phases.add(p.phase),
    });
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('ONNX');
    expect(report.entries.map((e) => e.name)).toEqual(['tokenizer.json', 'model.onnx']);
    expect(report.onnx?.inputs.map((i) => i.name)).toEqual(fx.input_names);
    expect(report.onnx?.outputs.map((o) => o.name)).toEqual(fx.output_names);
    expect(report.suggestion?.embedding_dimension).toBe(dim);
    expect(report.suggestion?.function_name).toBe(fn);
    expect(phases).toEqual(new Set(['directory', 'onnx']));
  });

  it('accepts a TorchScript zip as TORCH_SCRIPT (no graph to read)', async () => {
    const zip = path.join(GENERATED, 'torchscript', 'glove-ts-st', 'model.zip');
    const exists = await fs.stat(zip).then(() => true, () => false);
    if (!exists) return;
    const report = await inspectModelZip(await fileFromDisk(zip));
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('TORCH_SCRIPT');
    expect(report.modelFile).toMatch(/\.pt$/);
    expect(report.onnx).toBeUndefined();
  });

  it('refuses files over 4 GB and empty files without reading them', async () => {
    const huge = new Blob(['PK']);
    Object.defineProperty(huge, 'size', { value: MAX_MODEL_SIZE_BYTES + 1 });
    const slice = jest.spyOn(huge, 'slice');
    expect((await inspectModelZip(huge)).problems.map((p) => p.code)).toEqual(['too_large']);
    expect(slice).not.toHaveBeenCalled();
    expect((await inspectModelZip(new Blob([]))).problems.map((p) => p.code)).toEqual(['empty_file']);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const file = await fileFromDisk(path.join(GENERATED, 'glove-semantic', 'model.zip'));
    await expect(inspectModelZip(file, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
