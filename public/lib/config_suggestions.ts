import type { FrameworkType, FunctionName } from '../../common/ml_commons';
import type { OnnxSignature, OnnxValueInfo } from './onnx_signature';

/** What the graph's signature says about how to register it; each field is only set when the graph shows it. */
export interface ConfigSuggestion {
  function_name?: FunctionName;
  model_type?: string;
  embedding_dimension?: number;
  framework_type?: FrameworkType;
  /** Plain-language reasons, shown next to the prefilled form. */
  notes: string[];
}

/** Sparse encoders output one weight per vocabulary entry; no embedding is that wide. */
const MIN_VOCAB_SIZE = 10000;

const baseName = (name: string) => name.replace(/^input1\./, '');

function lastDim(info: OnnxValueInfo | undefined): number | undefined {
  const last = info?.dims?.[info.dims.length - 1];
  return typeof last === 'number' && last > 0 ? last : undefined;
}

export function suggestConfig(sig: OnnxSignature): ConfigSuggestion {
  const notes: string[] = [];
  const out: ConfigSuggestion = { notes };
  const inputNames = sig.inputs.map((i) => baseName(i.name));
  const first = sig.outputs[0];

  const vocabWidth = lastDim(first);
  if (first && first.name === 'output' && first.dims?.length === 2 && vocabWidth !== undefined && vocabWidth >= MIN_VOCAB_SIZE) {
    out.function_name = 'SPARSE_ENCODING';
    notes.push(`Output "output" is ${vocabWidth} wide per document, one weight per vocabulary token: a sparse encoder.`);
    if (!sig.inputs.every((i) => i.name.startsWith('input1.'))) {
      notes.push('ML Commons feeds sparse encoders the inputs "input1.input_ids" and "input1.attention_mask"; this graph names them differently, so predictions may fail.');
    }
    return out;
  }

  if (inputNames.includes('token_type_ids')) {
    out.model_type = 'bert';
    notes.push('The graph takes token_type_ids, which ML Commons only feeds for model_type "bert" (or "albert").');
  }
  const pooled = sig.outputs.find((o) => o.name === 'sentence_embedding');
  const dimSource = pooled || first;
  const dim = lastDim(dimSource);
  if (dim !== undefined) {
    out.function_name = 'TEXT_EMBEDDING';
    out.embedding_dimension = dim;
    notes.push(`Embedding dimension ${dim} is the last dimension of output "${dimSource?.name}".`);
  }
  if (pooled) {
    out.framework_type = 'sentence_transformers';
    notes.push('A "sentence_embedding" output is what sentence-transformers exports produce.');
  }
  return out;
}
