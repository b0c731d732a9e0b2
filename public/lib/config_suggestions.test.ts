import { configConflicts, suggestConfig } from './config_suggestions';
import type { OnnxSignature } from './onnx_signature';

const sig = (inputs: string[], dim = 32): OnnxSignature => ({
  inputs: inputs.map((name) => ({ name, dims: ['batch', 'sequence'] })),
  outputs: [{ name: 'last_hidden_state', dims: ['batch', 'sequence', dim] }],
  initializerCount: 0,
  initializerBytes: 0,
  bytesRead: 0,
  maxBufferedBytes: 0,
});
const form = (patch: Partial<{ function_name: string; model_type: string; embedding_dimension: string }>) => ({
  function_name: 'TEXT_EMBEDDING',
  model_type: 'bert',
  embedding_dimension: '32',
  ...patch,
});

describe('configConflicts', () => {
  const withTypes = sig(['input_ids', 'attention_mask', 'token_type_ids']);
  const withoutTypes = sig(['input_ids', 'attention_mask']);

  it('agrees with a config that matches the graph', () => {
    expect(configConflicts(withTypes, suggestConfig(withTypes), form({}))).toEqual({});
    expect(configConflicts(withoutTypes, suggestConfig(withoutTypes), form({ model_type: 'distilbert' }))).toEqual({});
  });

  it('warns when model_type decides token_type_ids against what the graph takes (Input mismatch at deploy)', () => {
    expect(configConflicts(withTypes, suggestConfig(withTypes), form({ model_type: 'distilbert' })).model_type).toMatch(/^The graph takes token_type_ids, which ML Commons feeds only for model_type bert or albert: with "distilbert"/);
    expect(configConflicts(withoutTypes, suggestConfig(withoutTypes), form({ model_type: 'BERT' })).model_type).toMatch(/^ML Commons feeds token_type_ids for model_type bert, and the graph has no such input/);
  });

  it('warns when the embedding dimension differs from the width of the graph output', () => {
    expect(configConflicts(withTypes, suggestConfig(withTypes), form({ embedding_dimension: '64' })).embedding_dimension).toBe(
      "The graph's output is 32 wide: the model returns 32-dimensional vectors whatever this says, and a k-NN field sized 64 would refuse them."
    );
  });

  it('says nothing without a graph reading, or for other functions', () => {
    expect(configConflicts(undefined, undefined, form({ model_type: 'distilbert', embedding_dimension: '64' }))).toEqual({});
    // Only that the function itself contradicts the graph: the embedding checks do not apply.
    expect(configConflicts(withTypes, suggestConfig(withTypes), form({ function_name: 'SPARSE_ENCODING', model_type: 'distilbert' }))).toEqual({
      function_name: 'The graph reads as text embedding (see the notes under the zip): registered as sparse encoding, its deploy or predictions would fail.',
    });
  });
});

describe('suggestConfig', () => {
  const io = (inputs: string[], outputs: Array<{ name: string; dims: Array<number | string> }>): OnnxSignature => ({
    inputs: inputs.map((name) => ({ name, dims: ['batch', 'sequence'] })),
    outputs,
    initializerCount: 0,
    initializerBytes: 0,
    bytesRead: 0,
    maxBufferedBytes: 0,
  });

  it('reads one score per document as a cross-encoder (text similarity), as the native check does', () => {
    const s = suggestConfig(io(['input_ids', 'attention_mask', 'token_type_ids'], [{ name: 'logits', dims: ['batch', 1] }]));
    expect(s).toMatchObject({ function_name: 'TEXT_SIMILARITY', model_type: 'bert', embedding_dimension: 1, framework_type: 'sentence_transformers', warnings: [] });
    expect(s.notes.join(' ')).toMatch(/Output "logits" is one score per document: a cross-encoder/);
    // A pooled embedding output is an embedding, whatever its width.
    expect(suggestConfig(io(['input_ids'], [{ name: 'sentence_embedding', dims: ['batch', 1] }])).function_name).toBe('TEXT_EMBEDDING');
  });

  it('warns that the cluster cannot run a sparse graph whose inputs are not named input1.*', () => {
    const plain = suggestConfig(io(['input_ids', 'attention_mask'], [{ name: 'output', dims: ['batch', 30522] }]));
    expect(plain.function_name).toBe('SPARSE_ENCODING');
    expect(plain.warnings).toEqual([expect.stringMatching(/the cluster cannot run it \("Invalid input tensor name": 2\.19\.6 at predict, 3\.6\.0 already at deploy\)/)]);
    expect(suggestConfig(io(['input1.input_ids', 'input1.attention_mask'], [{ name: 'output', dims: ['batch', 30522] }])).warnings).toEqual([]);
  });

  it('warns, on the function field, when the chosen function contradicts the graph', () => {
    const cross = io(['input_ids', 'attention_mask', 'token_type_ids'], [{ name: 'logits', dims: ['batch', 1] }]);
    expect(configConflicts(cross, suggestConfig(cross), form({ function_name: 'TEXT_EMBEDDING', embedding_dimension: '1' })).function_name).toBe(
      'The graph reads as text similarity (see the notes under the zip): registered as text embedding, its deploy or predictions would fail.'
    );
    expect(configConflicts(cross, suggestConfig(cross), form({ function_name: 'TEXT_SIMILARITY' }))).toEqual({});
  });
});
