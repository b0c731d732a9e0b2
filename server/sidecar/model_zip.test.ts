import { openModelZip } from './model_zip';
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
    const err = await openModelZip(b.path).then(
      () => undefined,
      (e) => e
    );
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
