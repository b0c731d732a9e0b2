import '../../test/mocks/public_blob';
import { promises as fs, existsSync } from 'fs';
import path from 'path';
import { GENERATED } from '../../test/mocks/public_blob';
import { bufferSource, iteratorSource } from './chunk_reader';
import { blobSlices } from './blob_slices';
import { formatDims, OnnxFormatError, readOnnxSignature } from './onnx_signature';
import { suggestConfig } from './config_suggestions';

const fixtureDir = (name: string) => path.join(GENERATED, name);
const fixtureJson = async (name: string) => JSON.parse(await fs.readFile(path.join(fixtureDir(name), 'fixture.json'), 'utf8'));

beforeAll(() => {
  // The default set is built by the integration setup and `node scripts/fixtures/build.mjs`; fail clearly if absent.
  for (const name of ['tiny-bert', 'glove-semantic', 'tiny-sparse']) {
    if (!existsSync(path.join(fixtureDir(name), 'model.onnx'))) {
      throw new Error(`fixture ${name} missing: run node scripts/fixtures/build.mjs`);
    }
  }
});

describe('readOnnxSignature on the real fixtures', () => {
  it.each(['tiny-bert', 'glove-semantic', 'tiny-sparse', 'tiny-sparse-plain'])('%s: inputs and outputs as declared', async (name) => {
    if (!existsSync(path.join(fixtureDir(name), 'model.onnx'))) return;
    const fx = await fixtureJson(name);
    const bytes = await fs.readFile(path.join(fixtureDir(name), 'model.onnx'));
    const sig = await readOnnxSignature(bufferSource(bytes, 32 * 1024));
    expect(sig.inputs.map((i) => i.name)).toEqual(fx.input_names);
    expect(sig.outputs.map((o) => o.name)).toEqual(fx.output_names);
    expect(sig.irVersion).toBe(fx.onnx.ir_version);
    expect(sig.opsetVersion).toBe(fx.onnx.opset);
    expect(sig.bytesRead).toBe(bytes.length);
    for (const input of sig.inputs) expect(input.elemTypeName).toBe('int64');
  });

  it('glove-semantic: dims give the embedding dimension and a bert text-embedding config', async () => {
    const bytes = await fs.readFile(path.join(fixtureDir('glove-semantic'), 'model.onnx'));
    const sig = await readOnnxSignature(bufferSource(bytes));
    const out = Object.fromEntries(sig.outputs.map((o) => [o.name, formatDims(o.dims)]));
    expect(out.sentence_embedding).toMatch(/, 100\]$/);
    expect(out.token_embeddings).toMatch(/, 100\]$/);
    expect(sig.outputs[1].elemTypeName).toBe('float32');
    expect(suggestConfig(sig)).toMatchObject({
      function_name: 'TEXT_EMBEDDING',
      model_type: 'bert',
      embedding_dimension: 100,
      framework_type: 'sentence_transformers',
    });
  });

  it('tiny-sparse: a [batch, 30522] "output" suggests SPARSE_ENCODING', async () => {
    const bytes = await fs.readFile(path.join(fixtureDir('tiny-sparse'), 'model.onnx'));
    const sig = await readOnnxSignature(bufferSource(bytes));
    expect(sig.outputs[0].dims).toHaveLength(2);
    expect(sig.outputs[0].dims?.[1]).toBe(30522);
    const s = suggestConfig(sig);
    expect(s.function_name).toBe('SPARSE_ENCODING');
    expect(s.model_type).toBeUndefined();
  });

  it('minilm: streams past ~90 MB of weights while copying only names', async () => {
    const file = path.join(fixtureDir('minilm'), 'model.onnx');
    if (!existsSync(file)) {
      console.warn('minilm fixture not built (node scripts/fixtures/build.mjs --minilm); skipping the large-model check');
      return;
    }
    const fx = await fixtureJson('minilm');
    const handle = await fs.open(file, 'r');
    const piece = Buffer.alloc(1024 * 1024);
    let pieces = 0;
    const source = async () => {
      // Each piece reuses one 1 MB buffer: the walker would see garbage if it kept references.
      const { bytesRead } = await handle.read(piece, 0, piece.length, null);
      pieces++;
      return bytesRead ? new Uint8Array(piece.buffer, piece.byteOffset, bytesRead) : undefined;
    };
    try {
      const sig = await readOnnxSignature(source);
      expect(sig.inputs.map((i) => i.name)).toEqual(fx.input_names);
      expect(sig.outputs.map((o) => o.name)).toEqual(fx.output_names);
      expect(suggestConfig(sig).embedding_dimension).toBe(384);
      expect(sig.initializerBytes).toBeGreaterThan(80 * 1000 * 1000);
      expect(sig.bytesRead).toBe(fx.onnx.size_bytes);
      expect(pieces).toBeGreaterThan(80);
      // Names only: nothing near the size of a tensor was ever copied.
      expect(sig.maxBufferedBytes).toBeLessThan(256);
    } finally {
      await handle.close();
    }
  });

  it('reads from Blob slices as the page does', async () => {
    const bytes = await fs.readFile(path.join(fixtureDir('tiny-bert'), 'model.onnx'));
    const sig = await readOnnxSignature(iteratorSource(blobSlices(new Blob([bytes]), 100000)));
    expect(sig.outputs.map((o) => o.name)).toEqual(['last_hidden_state', 'sentence_embedding']);
  });

  it('rejects bytes that are not an ONNX model, and cut-off models', async () => {
    await expect(readOnnxSignature(bufferSource(new TextEncoder().encode('{"not": "onnx"}')))).rejects.toThrow(/wire type|graph|ir_version|field number|overruns/);
    const bytes = await fs.readFile(path.join(fixtureDir('tiny-bert'), 'model.onnx'));
    await expect(readOnnxSignature(bufferSource(bytes.subarray(0, bytes.length - 100)))).rejects.toThrow(/ends unexpectedly|overruns/);
    await expect(readOnnxSignature(bufferSource(new Uint8Array([0x08, 0x08])))).rejects.toBeInstanceOf(OnnxFormatError);
  });
});
