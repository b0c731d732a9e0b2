import type { PoolingMode } from '../../common/ml_commons';
import type { ModelTensor, PredictBody, PredictResultFilter } from '../../common/types';
import { asFloat32Map } from './reply_json';

/**
 * ML Commons 2.19's post-processing, computed per document exactly as its translators do on one
 * unpadded document at a time (`ONNXSentenceTransformerTextEmbeddingTranslator`,
 * `SparseEncodingTranslator`, `TextSimilarityTranslator`). Here a document is one row of a padded
 * batch; every formula is masked, so padding never changes a result.
 */

/** `[S,H]` hidden states of one document and its attention mask (1 = token, 0 = padding). */
export interface TokenStates {
  data: Float32Array;
  seq: number;
  hidden: number;
  /** Offset of this document's first token in `data`. */
  offset: number;
  mask: ArrayLike<number | bigint>;
  /** Offset of this document's mask in `mask`. */
  maskOffset: number;
}

export interface Pooled {
  data: Float32Array;
  shape: number[];
}

const on = (m: ArrayLike<number | bigint>, i: number) => Number(m[i]) !== 0;

/**
 * Pools token states as ML Commons does. `max` keeps ML Commons' `[1, H]` shape (`max(axis 0,
 * keepDims=true)`), which matters for normalization below. `last_token` (3.6+) takes the last
 * unmasked token.
 */
export function pool(t: TokenStates, mode: PoolingMode): Pooled {
  const { data, seq, hidden, offset, mask, maskOffset } = t;
  const out = new Float64Array(hidden);
  const row = (s: number) => offset + s * hidden;
  switch (mode) {
    case 'mean':
    case 'mean_sqrt_len': {
      let count = 0;
      for (let s = 0; s < seq; s++) {
        if (!on(mask, maskOffset + s)) continue;
        count++;
        const r = row(s);
        for (let h = 0; h < hidden; h++) out[h] += data[r + h];
      }
      // ML Commons clamps the mask sum to [1e-9, 1e12] before dividing.
      const clamped = Math.min(Math.max(count, 1e-9), 1e12);
      const div = mode === 'mean' ? clamped : Math.sqrt(clamped);
      for (let h = 0; h < hidden; h++) out[h] /= div;
      return { data: Float32Array.from(out), shape: [hidden] };
    }
    case 'max': {
      // Padding is set to -1e9 before the max, as in ML Commons.
      out.fill(-Infinity);
      for (let s = 0; s < seq; s++) {
        const masked = !on(mask, maskOffset + s);
        const r = row(s);
        for (let h = 0; h < hidden; h++) {
          const v = masked ? -1e9 : data[r + h];
          if (v > out[h]) out[h] = v;
        }
      }
      return { data: Float32Array.from(out), shape: [1, hidden] };
    }
    case 'weighted_mean': {
      // Position weights 1..S over the whole row, multiplied by the mask.
      let weights = 0;
      for (let s = 0; s < seq; s++) {
        if (!on(mask, maskOffset + s)) continue;
        const w = s + 1;
        weights += w;
        const r = row(s);
        for (let h = 0; h < hidden; h++) out[h] += data[r + h] * w;
      }
      for (let h = 0; h < hidden; h++) out[h] /= weights;
      return { data: Float32Array.from(out), shape: [hidden] };
    }
    case 'cls':
      return { data: data.slice(offset, offset + hidden), shape: [hidden] };
    case 'last_token': {
      let last = 0;
      for (let s = 0; s < seq; s++) if (on(mask, maskOffset + s)) last = s;
      return { data: data.slice(row(last), row(last) + hidden), shape: [hidden] };
    }
    default:
      throw new Error(`Unsupported pooling method ${mode}`);
  }
}

/**
 * DJL's `normalize(2, 0)`: L2 along axis 0, divided by max(norm, 1e-12). For a `[H]` vector that
 * is the usual unit vector; for max pooling's `[1, H]` axis 0 has size 1, so every value becomes
 * its own sign (+1, -1, or 0) — what ML Commons returns, reproduced on purpose.
 */
export function normalizeAxis0(p: Pooled): Pooled {
  const out = new Float32Array(p.data.length);
  if (p.shape.length === 2) {
    const [rows, cols] = p.shape;
    for (let c = 0; c < cols; c++) {
      let sq = 0;
      for (let r = 0; r < rows; r++) sq += p.data[r * cols + c] ** 2;
      const n = Math.max(Math.sqrt(sq), 1e-12);
      for (let r = 0; r < rows; r++) out[r * cols + c] = p.data[r * cols + c] / n;
    }
  } else {
    let sq = 0;
    for (let i = 0; i < p.data.length; i++) sq += p.data[i] * p.data[i];
    const n = Math.max(Math.sqrt(sq), 1e-12);
    for (let i = 0; i < p.data.length; i++) out[i] = p.data[i] / n;
  }
  return { data: out, shape: p.shape };
}

/**
 * Vectors stay Float32Array until the worker writes the reply's JSON (reply_json.ts), which
 * prints them as float32 values, as ML Commons does.
 */
export function embeddingTensor(p: Pooled): ModelTensor {
  return { name: 'sentence_embedding', data_type: 'FLOAT32', shape: p.shape, data: p.data as unknown as number[] };
}


/**
 * A sparse vector as ML Commons returns it: each non-zero weight keyed by `keyOf(id)`: the decoded
 * token by default (special tokens decode to "" and are dropped; when two ids decode alike the
 * later weight wins, in the first one's place), or the id itself with sparse_embedding_format
 * token_id (every id, specials included: seen on 3.6.0). Written in the order ML Commons' HashMap
 * prints them, and as float32.
 */
export function sparseWeights(row: Float32Array, start: number, vocab: number, keyOf: (id: number) => string): Record<string, number> {
  // No prototype: "constructor" or "__proto__" are tokens like any other.
  const map: Record<string, number> = Object.create(null);
  const tokens: string[] = [];
  for (let id = 0; id < vocab; id++) {
    const w = row[start + id];
    if (w === 0) continue;
    const token = keyOf(id);
    if (token === '') continue;
    if (!(token in map)) tokens.push(token);
    map[token] = w;
  }
  return asFloat32Map(map, javaHashMapOrder(tokens));
}

/** Java's String.hashCode over UTF-16 units, spread as java.util.HashMap spreads it. */
function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h ^ (h >>> 16);
}

/**
 * The order in which a java.util.HashMap that had `keys` put in turn iterates them: 16 buckets,
 * doubled whenever it is over 3/4 full; by bucket, and in insertion order within one. Checked
 * against 2.19.6's replies for maps of 7 to 492 tokens. (Not modelled: a bucket of 8 or more keys,
 * which Java turns into a tree; at most 3/4 full, it practically never happens.)
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let buckets = 16;
  while (keys.length > buckets * 0.75) buckets *= 2;
  return keys
    .map((key, i) => ({ key, i, bucket: javaHash(key) & (buckets - 1) }))
    .sort((a, b) => a.bucket - b.bucket || a.i - b.i)
    .map((e) => e.key);
}

/**
 * ML Commons names the tensor after the output array; DJL's ONNX engine leaves output arrays
 * unnamed, so an ONNX sparse model answers without `name` (checked on 2.19.6). Same here.
 */
export function sparseTensor(weights: Record<string, number>): ModelTensor {
  return { dataAsMap: { response: [weights] } };
}

/** Cross-encoder scores as ML Commons names them, with the little-endian bytes it always adds. */
export function similarityTensor(values: Float32Array, shape: number[]): ModelTensor {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => bytes.writeFloatLE(v, i * 4));
  return {
    name: 'similarity',
    data_type: 'FLOAT32',
    shape,
    data: values as unknown as number[],
    byte_buffer: { array: bytes.toString('base64'), order: 'LITTLE_ENDIAN' },
  };
}

/**
 * ML Commons' result filter on text_embedding and sparse_encoding replies, as 2.19.6 applies it
 * (checked on the live node): with `target_response` (names) or `target_response_positions`
 * (indexes in the output list) given, a tensor is kept when either matches, and a document left
 * with none answers `{}`; `return_number: false` drops `data` (a sparse map stays).
 * text_similarity ignores all of it; `return_bytes` adds nothing to these ONNX replies.
 */
export function filterTensors(output: ModelTensor[], filter: PredictResultFilter): ModelTensor[] {
  let kept = output;
  if (isTargeted(filter)) {
    const names = filter.target_response ?? [];
    const positions = filter.target_response_positions ?? [];
    kept = output.filter((t, i) => positions.includes(i) || (t.name !== undefined && names.includes(t.name)));
  }
  if (filter.return_number === false) kept = kept.map(({ data: _data, ...rest }) => rest);
  return kept;
}

/** The filter a predict body asks for: its `result_filter` when it has one, else its own fields. */
export const resultFilterOf = (body: PredictBody): PredictResultFilter => body.result_filter ?? body;

/** Whether the filter picks tensors at all (empty lists pick none of them out: everything stays). */
export const isTargeted = (f: PredictResultFilter) => !!(f.target_response?.length || f.target_response_positions?.length);
