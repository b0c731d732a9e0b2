import type { PredictResult } from './playground_results';
import { cosine, maxAbsDiff } from './playground_vectors';

/**
 * How far the cluster's and the native answer to the same request are apart, per input:
 * dense vectors by cosine and max absolute difference, sparse vectors by the tokens only one side
 * has and the largest weight difference on shared tokens, similarity scores by their difference.
 */
export type InputParity =
  | { kind: 'dense'; index: number; cosine: number; maxAbsDiff: number; dimensions: [number, number] }
  | { kind: 'sparse'; index: number; onlyCluster: string[]; onlyNative: string[]; maxWeightDiff: number }
  | { kind: 'score'; index: number; cluster: number; native: number; diff: number }
  | { kind: 'mismatch'; index: number; reason: string };

export interface ParitySummary {
  inputs: InputParity[];
  /** Every input agrees within the thresholds below (false when there is nothing to compare). */
  agree: boolean;
  /** Neither side returned a vector, token map or score (e.g. result filters removed them all). */
  empty: boolean;
}

/** Float32 arithmetic in two runtimes: far below anything that changes a ranking. */
export const PARITY_MIN_COSINE = 0.9999;
export const PARITY_MAX_DIFF = 1e-3;

export function compareResults(cluster: PredictResult[], native: PredictResult[]): ParitySummary {
  const inputs: InputParity[] = [];
  const n = Math.max(cluster.length, native.length);
  for (let index = 0; index < n; index++) {
    const c = cluster[index];
    const v = native[index];
    if (!c || !v) {
      inputs.push({ kind: 'mismatch', index, reason: `only the ${c ? 'cluster' : 'native'} side answered for this input` });
    } else if (c.kind === 'dense' && v.kind === 'dense') {
      inputs.push({ kind: 'dense', index, cosine: cosine(c.values, v.values), maxAbsDiff: maxAbsDiff(c.values, v.values), dimensions: [c.dimension, v.dimension] });
    } else if (c.kind === 'sparse' && v.kind === 'sparse') {
      const wn = new Map(v.tokens.map((t) => [t.token, t.weight]));
      const wc = new Map(c.tokens.map((t) => [t.token, t.weight]));
      let maxWeightDiff = 0;
      for (const t of c.tokens) if (wn.has(t.token)) maxWeightDiff = Math.max(maxWeightDiff, Math.abs(t.weight - (wn.get(t.token) as number)));
      inputs.push({
        kind: 'sparse',
        index,
        onlyCluster: c.tokens.filter((t) => !wn.has(t.token)).map((t) => t.token),
        onlyNative: v.tokens.filter((t) => !wc.has(t.token)).map((t) => t.token),
        maxWeightDiff,
      });
    } else if (c.kind === 'score' && v.kind === 'score') {
      inputs.push({ kind: 'score', index, cluster: c.score, native: v.score, diff: Math.abs(c.score - v.score) });
    } else {
      inputs.push({ kind: 'mismatch', index, reason: `the cluster answered a ${c.kind} result, native a ${v.kind} result` });
    }
  }
  return { inputs, agree: inputs.length > 0 && inputs.every(agrees), empty: inputs.length === 0 };
}

export function agrees(p: InputParity): boolean {
  switch (p.kind) {
    case 'dense':
      return p.dimensions[0] === p.dimensions[1] && p.cosine >= PARITY_MIN_COSINE && p.maxAbsDiff <= PARITY_MAX_DIFF;
    case 'sparse':
      return p.onlyCluster.length === 0 && p.onlyNative.length === 0 && p.maxWeightDiff <= PARITY_MAX_DIFF;
    case 'score':
      return p.diff <= PARITY_MAX_DIFF;
    default:
      return false;
  }
}
