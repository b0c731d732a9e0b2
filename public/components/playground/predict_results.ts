import type { ModelTensor, PredictResponse } from '../../../common/types';

export interface DenseResult {
  kind: 'dense';
  input?: string;
  dimension: number;
  values: number[];
}

export interface SparseResult {
  kind: 'sparse';
  input?: string;
  /** Heaviest first. */
  tokens: Array<{ token: string; weight: number }>;
}

export type PredictResult = DenseResult | SparseResult;

function denseFrom(outputs: ModelTensor[]): DenseResult | undefined {
  const tensor = outputs.find((o) => o.name === 'sentence_embedding' && o.data) ?? outputs.find((o) => Array.isArray(o.data));
  if (!tensor?.data) return undefined;
  const shape = tensor.shape ?? [];
  return { kind: 'dense', dimension: shape.length ? shape[shape.length - 1] : tensor.data.length, values: tensor.data };
}

function sparseFrom(outputs: ModelTensor[]): SparseResult[] {
  const maps = outputs.flatMap((o) => (Array.isArray(o.dataAsMap?.response) ? o.dataAsMap!.response! : []));
  return maps.map((weights) => ({
    kind: 'sparse',
    tokens: Object.entries(weights)
      .map(([token, weight]) => ({ token, weight: Number(weight) }))
      .sort((a, b) => b.weight - a.weight),
  }));
}

/**
 * One result per input document, in input order. ML Commons answers one `inference_results`
 * entry per document; sparse encoders put the token weights in `dataAsMap.response`, dense
 * encoders the vector in `data` (named `sentence_embedding` when there are several tensors).
 */
export function parsePredictResponse(response: PredictResponse, inputs: string[]): PredictResult[] {
  const results: PredictResult[] = [];
  for (const entry of response.inference_results ?? []) {
    const outputs = entry.output ?? [];
    const sparse = sparseFrom(outputs);
    if (sparse.length) {
      results.push(...sparse);
      continue;
    }
    const dense = denseFrom(outputs);
    if (dense) results.push(dense);
  }
  return results.map((r, i) => ({ ...r, input: inputs[i] }));
}

/** Non-empty lines of the textarea: each line is one document. */
export function inputLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
