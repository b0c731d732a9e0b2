import { MAX_PREDICT_DOCS, MAX_PREDICT_TEXT_CHARS } from '../../common/constants';
import type { ModelTensor, PredictResponse } from '../../common/types';

/**
 * What ML Commons' predict replies hold, per input, in a form the playground's views read. One
 * `inference_results` entry per document; dense vectors in `data` (named `sentence_embedding`),
 * sparse weights in `dataAsMap.response`, similarity scores in a tensor named `similarity`.
 */

export interface DenseResult {
  kind: 'dense';
  input?: string;
  dimension: number;
  values: number[];
}

export interface SparseToken {
  token: string;
  weight: number;
}

export interface SparseResult {
  kind: 'sparse';
  input?: string;
  /** Heaviest first. */
  tokens: SparseToken[];
}

export interface ScoreResult {
  kind: 'score';
  input?: string;
  score: number;
}

export type PredictResult = DenseResult | SparseResult | ScoreResult;

function denseFrom(outputs: ModelTensor[]): DenseResult | undefined {
  const tensor = outputs.find((o) => o.name === 'sentence_embedding' && o.data) ?? outputs.find((o) => Array.isArray(o.data));
  if (!tensor?.data) return undefined;
  const shape = tensor.shape ?? [];
  return { kind: 'dense', dimension: shape.length ? shape[shape.length - 1] : tensor.data.length, values: tensor.data };
}

function sparseFrom(outputs: ModelTensor[]): SparseResult[] {
  const maps = outputs.flatMap((o) => (Array.isArray(o.dataAsMap?.response) ? o.dataAsMap!.response! : []));
  return maps.map((weights) => ({ kind: 'sparse', tokens: sortedTokens(weights) }));
}

export function sortedTokens(weights: Record<string, number>): SparseToken[] {
  return Object.entries(weights)
    .map(([token, weight]) => ({ token, weight: Number(weight) }))
    .sort((a, b) => b.weight - a.weight || (a.token < b.token ? -1 : 1));
}

/** One result per input document, in input order. */
export function parsePredictResponse(response: PredictResponse | undefined, inputs: string[]): PredictResult[] {
  const results: PredictResult[] = [];
  for (const entry of response?.inference_results ?? []) {
    const outputs = entry.output ?? [];
    const similarity = outputs.find((o) => o.name === 'similarity' && Array.isArray(o.data));
    if (similarity) {
      results.push({ kind: 'score', score: similarity.data![0] });
      continue;
    }
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

export function denseResults(results: PredictResult[]): DenseResult[] {
  return results.filter((r): r is DenseResult => r.kind === 'dense');
}

export function sparseResults(results: PredictResult[]): SparseResult[] {
  return results.filter((r): r is SparseResult => r.kind === 'sparse');
}

export function scoreResults(results: PredictResult[]): ScoreResult[] {
  return results.filter((r): r is ScoreResult => r.kind === 'score');
}

/**
 * Whether every dense vector holds only 1 and -1: what ML Commons returns for max (or, on 3.6,
 * none) pooling with normalize_result, which it normalizes value by value (see configAdvice).
 */
export function signVectorsOnly(results: PredictResult[]): boolean {
  const dense = denseResults(results).filter((r) => r.values.length > 1);
  return dense.length > 0 && dense.every((r) => r.values.every((v) => v === 1 || v === -1));
}

/** Non-empty lines of a textarea: each line is one document. */
export function inputLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * What the predict routes would refuse in these inputs (common/validators.ts), said where it can
 * be fixed, before anything is sent.
 */
export function inputProblems(docs: string[], query: string | undefined): { inputs?: string; query?: string } {
  const out: { inputs?: string; query?: string } = {};
  const long = docs.findIndex((d) => d.length > MAX_PREDICT_TEXT_CHARS);
  if (docs.length > MAX_PREDICT_DOCS) out.inputs = `${docs.length} inputs: one run takes at most ${MAX_PREDICT_DOCS} (one per line).`;
  else if (long >= 0) out.inputs = `Input ${long + 1} has ${docs[long].length.toLocaleString('en-US')} characters: one input takes at most ${MAX_PREDICT_TEXT_CHARS.toLocaleString('en-US')}.`;
  if (query && query.length > MAX_PREDICT_TEXT_CHARS) out.query = `The query has ${query.length.toLocaleString('en-US')} characters: it takes at most ${MAX_PREDICT_TEXT_CHARS.toLocaleString('en-US')}.`;
  return out;
}

/** Documents ranked by score, best first, keeping each one's input position. */
export function rankByScore(results: ScoreResult[]): Array<ScoreResult & { index: number }> {
  return results.map((r, index) => ({ ...r, index })).sort((a, b) => b.score - a.score);
}

/** Tokens two sparse vectors share, and each one's own (for the overlap view). */
export function tokenOverlap(a: SparseResult, b: SparseResult) {
  const wa = new Map(a.tokens.map((t) => [t.token, t.weight]));
  const wb = new Map(b.tokens.map((t) => [t.token, t.weight]));
  const shared = a.tokens.filter((t) => wb.has(t.token)).map((t) => ({ token: t.token, a: t.weight, b: wb.get(t.token) as number }));
  const union = new Set([...wa.keys(), ...wb.keys()]).size;
  // The dot product is what a neural_sparse query scores a document with.
  const dot = shared.reduce((s, t) => s + t.a * t.b, 0);
  return {
    shared,
    onlyA: a.tokens.filter((t) => !wb.has(t.token)).map((t) => t.token),
    onlyB: b.tokens.filter((t) => !wa.has(t.token)).map((t) => t.token),
    jaccard: union ? shared.length / union : 0,
    dot,
  };
}
