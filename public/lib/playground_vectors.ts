/** Vector arithmetic for the playground's dense views: plain loops, no allocation per pair. */

export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** Cosine similarity; 0 when either vector is all zeros (instead of NaN). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * The N x N cosine matrix, row-major in one Float64Array: every vector is normalised once, then
 * each pair is one dot product, and the symmetric half is copied (50 x 768 takes ~1 ms).
 */
export function cosineMatrix(vectors: Array<ArrayLike<number>>): Float64Array {
  const n = vectors.length;
  const units = vectors.map((v) => {
    const len = norm(v);
    const u = new Float64Array(v.length);
    if (len > 0) for (let i = 0; i < v.length; i++) u[i] = v[i] / len;
    return u;
  });
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const a = units[i];
      const b = units[j];
      let dot = 0;
      const len = Math.min(a.length, b.length);
      for (let k = 0; k < len; k++) dot += a[k] * b[k];
      if (i === j && norm(vectors[i]) > 0) dot = 1;
      out[i * n + j] = dot;
      out[j * n + i] = dot;
    }
  }
  return out;
}

/**
 * A diverging colour for a value in [-1, 1]: blue for negative, white at 0, red for positive,
 * as an `rgb()` string (canvas and CSS both read it).
 */
export function divergingColor(value: number): string {
  const t = Math.max(-1, Math.min(1, Number.isFinite(value) ? value : 0));
  const fade = (c: number) => Math.round(255 - (255 - c) * Math.abs(t));
  return t >= 0 ? `rgb(${fade(189)},${fade(39)},${fade(30)})` : `rgb(${fade(32)},${fade(102)},${fade(172)})`;
}

/** Text that reads on `divergingColor(value)`. */
export function textColorOn(value: number): string {
  return Math.abs(value) > 0.55 ? '#fff' : '#1a1c21';
}
