import { errorCode, errorMessage, errorStatus } from '../apis/errors';
import type { NativeTokenInfo } from '../../common/types';

/**
 * Failures of a playground run in plain words, next to ML Commons' (or the sidecar's) own reason,
 * and the truncation the model applies to long inputs.
 */

export type ErrorKind = 'not_deployed' | 'wrong_function' | 'not_cached' | 'cluster_only' | 'busy' | 'unreachable' | 'other';

export interface ExplainedError {
  kind: ErrorKind;
  title: string;
  /** What to do about it, when there is something. */
  hint?: string;
  /** The upstream reason, verbatim. */
  reason: string;
}

/** ML Commons' function names (`algorithm`) for the predict paths the playground runs. */
export const ALGORITHM_OF: Record<string, string> = {
  text_embedding: 'TEXT_EMBEDDING',
  sparse_encoding: 'SPARSE_ENCODING',
  text_similarity: 'TEXT_SIMILARITY',
};

export function functionForAlgorithm(algorithm: string | undefined): 'text_embedding' | 'sparse_encoding' | 'text_similarity' | undefined {
  const hit = Object.entries(ALGORITHM_OF).find(([, a]) => a === algorithm);
  return hit ? (hit[0] as 'text_embedding') : undefined;
}

/** A warning before running: the chosen function is not the one the model was registered for. */
export function functionMismatch(functionName: string, algorithm: string | undefined): string | undefined {
  if (!algorithm || ALGORITHM_OF[functionName] === algorithm) return undefined;
  // Seen on 2.19: the cluster runs a local model as its registered function whatever the path says;
  // native inference runs the function asked for, which fails or means nothing for this model.
  return `This model is registered as ${algorithm}, not ${ALGORITHM_OF[functionName]}: the cluster will run it as ${algorithm} anyway, and native inference will fail or return meaningless output.`;
}

export function explainError(err: unknown, ctx: { side: 'cluster' | 'native'; functionName: string; algorithm?: string }): ExplainedError {
  const reason = errorMessage(err);
  const code = errorCode(err);
  const status = errorStatus(err);
  if (ctx.side === 'cluster' && /not (ready|deployed)|deploy the model first|model is not loaded|not found in cache/i.test(reason)) {
    return { kind: 'not_deployed', title: 'The model is not deployed on the cluster', hint: 'Deploy it, then run again (or run it natively).', reason };
  }
  // The Dashboards server answers 502 when OpenSearch does not answer at all (and 504 when it is too slow):
  // nothing refused the prediction.
  if (ctx.side === 'cluster' && (status === 502 || status === 504)) {
    return { kind: 'unreachable', title: 'The cluster could not be reached', hint: 'Check that OpenSearch is running and reachable from Dashboards; native inference does not need it.', reason };
  }
  const mismatch = functionMismatch(ctx.functionName, ctx.algorithm);
  if (mismatch) return { kind: 'wrong_function', title: 'Wrong function for this model', hint: mismatch, reason };
  if (code === 'model_not_cached') {
    return { kind: 'not_cached', title: 'The zip is not in the native cache', hint: 'It may have been evicted: drop the zip again to run it natively.', reason };
  }
  if (code === 'torchscript_cluster_only') return { kind: 'cluster_only', title: 'TorchScript runs on the cluster only', reason };
  if (status === 429 || code === 'queue_full' || code === 'timeout' || code === 'sidecar_crashed') {
    return { kind: 'busy', title: 'Native inference is busy or restarting', hint: 'Try again in a moment.', reason };
  }
  return { kind: 'other', title: ctx.side === 'cluster' ? 'The cluster refused the prediction' : 'Native inference refused the prediction', reason };
}

/** ML Commons and the sidecar both truncate to tokenizer.json's max_length, never above 512. */
export const DEFAULT_MAX_TOKENS = 512;

export interface TruncationNote {
  index: number;
  /** Exact when native inference counted, else a lower bound from the words. */
  tokens: number;
  exact: boolean;
}

/**
 * Inputs the model does not read whole. With native token counts the answer is exact; without a
 * tokenizer in the browser, words are a lower bound of tokens (WordPiece splits, never joins).
 */
export function truncationNotes(docs: string[], maxLength: number, tokenInfo?: NativeTokenInfo): TruncationNote[] {
  if (tokenInfo && tokenInfo.token_counts.length === docs.length) {
    return tokenInfo.token_counts.flatMap((tokens, index) => (tokenInfo.truncated[index] ? [{ index, tokens, exact: true }] : []));
  }
  return docs.flatMap((doc, index) => {
    // [CLS] and [SEP] count too.
    const words = (doc.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) || []).length + 2;
    return words > maxLength ? [{ index, tokens: words, exact: false }] : [];
  });
}
