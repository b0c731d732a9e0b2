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
    expect(configConflicts(withTypes, suggestConfig(withTypes), form({ function_name: 'SPARSE_ENCODING', model_type: 'distilbert' }))).toEqual({});
  });
});
