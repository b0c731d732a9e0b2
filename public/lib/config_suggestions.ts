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
  /** What would fail on the cluster as the graph stands, shown as warnings. */
  warnings: string[];
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
  const warnings: string[] = [];
  const out: ConfigSuggestion = { notes, warnings };
  const inputNames = sig.inputs.map((i) => baseName(i.name));
  const first = sig.outputs[0];

  const vocabWidth = lastDim(first);
  if (first && first.name === 'output' && first.dims?.length === 2 && vocabWidth !== undefined && vocabWidth >= MIN_VOCAB_SIZE) {
    out.function_name = 'SPARSE_ENCODING';
    notes.push(`Output "output" is ${vocabWidth} wide per document, one weight per vocabulary token: a sparse encoder.`);
    if (!sig.inputs.every((i) => i.name.startsWith('input1.'))) {
      warnings.push(
        'ML Commons feeds sparse encoders inputs named "input1.input_ids" and "input1.attention_mask", and this graph names them differently: the cluster cannot run it ("Invalid input tensor name": 2.19.6 at predict, 3.6.0 already at deploy). Native inference here runs it.'
      );
    }
    return out;
  }

  if (inputNames.includes('token_type_ids')) {
    out.model_type = 'bert';
    notes.push('The graph takes token_type_ids, which ML Commons only feeds for model_type "bert" (or "albert").');
  }
  // One score per document: a cross-encoder, as the native check reads it too.
  if (first && first.name !== 'sentence_embedding' && first.dims?.length === 2 && lastDim(first) === 1) {
    out.function_name = 'TEXT_SIMILARITY';
    out.embedding_dimension = 1;
    out.framework_type = 'sentence_transformers';
    notes.push(`Output "${first.name}" is one score per document: a cross-encoder, registered as text similarity (ML Commons 2.19 still wants embedding_dimension and framework_type in its config; their values are not used).`);
    return out;
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

/** model_type values for which ML Commons feeds an ONNX graph `token_type_ids`. */
const TOKEN_TYPE_MODEL_TYPES = ['bert', 'albert'];

/**
 * Where an edited text-embedding config contradicts the graph (not blocking: the graph reading may
 * be incomplete), by form field. Each would register fine and fail later, at deploy or predict.
 */
export function configConflicts(
  sig: OnnxSignature | undefined,
  suggestion: ConfigSuggestion | undefined,
  values: { function_name: string; model_type: string; embedding_dimension: string }
): { function_name?: string; model_type?: string; embedding_dimension?: string } {
  const out: { function_name?: string; model_type?: string; embedding_dimension?: string } = {};
  const read = suggestion?.function_name;
  if (sig && read && read !== values.function_name) {
    const words = (f: string) => f.toLowerCase().replace(/_/g, ' ');
    out.function_name = `The graph reads as ${words(read)} (see the notes under the zip): registered as ${words(values.function_name)}, its deploy or predictions would fail.`;
  }
  if (!sig || values.function_name !== 'TEXT_EMBEDDING') return out;
  const type = values.model_type.trim().toLowerCase();
  const takesTypes = sig.inputs.some((i) => baseName(i.name) === 'token_type_ids');
  const feedsTypes = TOKEN_TYPE_MODEL_TYPES.includes(type);
  if (type && takesTypes && !feedsTypes) {
    out.model_type = `The graph takes token_type_ids, which ML Commons feeds only for model_type bert or albert: with "${values.model_type.trim()}" deploy and predict fail with "Input mismatch".`;
  } else if (type && !takesTypes && feedsTypes) {
    out.model_type = `ML Commons feeds token_type_ids for model_type ${type}, and the graph has no such input: predictions would fail. Use another model_type (e.g. distilbert).`;
  }
  const dim = Number(values.embedding_dimension);
  if (suggestion?.embedding_dimension !== undefined && values.embedding_dimension.trim() && Number.isInteger(dim) && dim !== suggestion.embedding_dimension) {
    out.embedding_dimension = `The graph's output is ${suggestion.embedding_dimension} wide: the model returns ${suggestion.embedding_dimension}-dimensional vectors whatever this says, and a k-NN field sized ${dim} would refuse them.`;
  }
  return out;
}
