/**
 * A predict reply as finished JSON bytes, written in the worker thread that computed it.
 *
 * Why: a 32 × 384 embedding reply is 12,288 numbers. Turned into JS numbers and stringified by the
 * Dashboards server, each float32 prints as the 17-digit decimal of its double
 * (0.03456789255142212), and that server's event loop (shared by every Dashboards user) spends
 * about a millisecond per batch on it. Written here, the server only forwards bytes, and every
 * Float32Array prints as the shortest decimal that reads back to the same float32 (0.034567893):
 * what ML Commons (Java's float formatting) prints for the same value, about 40 % fewer bytes
 * for the browser to read.
 *
 * Only Float32Array contents and maps marked by `asFloat32Map` (sparse weights) get float32
 * formatting; every other value is written by JSON.stringify, so integers, strings and other maps
 * keep their exact JSON.
 */

// Typed, so the hot loop reads unboxed doubles.
const POW10 = Float64Array.from({ length: 23 }, (_x, i) => Number(`1e${i}`));
const NEG_POW10 = Float64Array.from({ length: 23 }, (_x, i) => Number(`1e-${i}`));
const LOG10_2 = 0.30102999566398120;
/** ASCII pairs "00".."99", so digits are written two at a time. */
const DIGIT_PAIRS = Uint8Array.from({ length: 200 }, (_x, i) => 48 + (i % 2 ? ((i - 1) / 2) % 10 : Math.floor(i / 20)));
const C = { comma: 44, minus: 45, dot: 46, zero: 48, open: 91, close: 93 };
/** The longest text one float32 can take here ("-12345678900000000000"), plus its comma. */
const MAX_FLOAT_BYTES = 24;
/** One float32's value and IEEE bits, for numbers that arrive as JS numbers. */
const SCRATCH = new Float32Array(1);
const SCRATCH_BITS = new Uint32Array(SCRATCH.buffer);

/** Maps whose values are float32 numbers, with the order their keys are written in. */
const float32Maps = new WeakMap<object, readonly string[]>();

/**
 * Marks `map` (string -> float32 value) to be written with its keys in `order` and its values as
 * float32 at their shortest, as ML Commons prints a sparse vector's Map<String, Float>. A JS
 * object cannot keep that order itself: integer-like keys ("2024") always come first.
 */
export function asFloat32Map<T extends Record<string, number>>(map: T, order: readonly string[]): T {
  float32Maps.set(map, order);
  return map;
}

/**
 * The shortest decimal that reads back (decimal -> double -> float32, as JSON.parse and
 * Float32Array do) to `x`, a float32 value, in JS number notation. Slow but general: used for
 * the rare values outside the fast path of `writeFloat32`.
 */
export function shortestFloat32Text(x: number): string {
  if (!Number.isFinite(x)) return 'null';
  if (x === 0) return '0';
  for (let p = 1; p < 9; p++) {
    const d = Number(x.toPrecision(p));
    if (Math.fround(d) === x) return String(d);
  }
  return String(Number(x.toPrecision(9)));
}

class ByteWriter {
  pos = 0;
  /** JSON text not yet written: small pieces are joined first, then written once. */
  private pending = '';

  // Never pooled: the result's ArrayBuffer is moved (transferred) to another thread.
  constructor(public buf: Buffer) {}

  reserve(n: number) {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  text(s: string) {
    this.pending += s;
  }

  flush() {
    if (!this.pending) return;
    this.reserve(this.pending.length * 3);
    this.pos += this.buf.write(this.pending, this.pos, 'utf8');
    this.pending = '';
  }

  float32Map(map: Record<string, number>, order: readonly string[]) {
    let first = true;
    this.text('{');
    for (const key of order) {
      if (typeof map[key] !== 'number') continue;
      this.text(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      this.flush();
      this.reserve(MAX_FLOAT_BYTES);
      SCRATCH[0] = map[key];
      this.pos = writeFloat32(this.buf, this.pos, SCRATCH[0], SCRATCH_BITS[0]);
    }
    this.text('}');
  }

  floats(arr: Float32Array) {
    this.flush();
    this.reserve(arr.length * MAX_FLOAT_BYTES + 2);
    const out = this.buf;
    const bits = new Uint32Array(arr.buffer, arr.byteOffset, arr.length);
    let pos = this.pos;
    out[pos++] = C.open;
    for (let i = 0; i < arr.length; i++) {
      if (i) out[pos++] = C.comma;
      pos = writeFloat32(out, pos, arr[i], bits[i]);
    }
    out[pos++] = C.close;
    this.pos = pos;
  }
}

/**
 * Writes float32 `x` (whose IEEE bits are `bits`) at `pos`; returns the new position. Fast path
 * for 1e-6 <= |x| < 1e7, where JS notation is positional, powers of ten up to 1e14 are exact
 * doubles and the shortest decimal never ends in zeros left of the point: the closest 8-digit
 * decimal, shortened while it still reads back to `x`, else the closest 9-digit one (9 digits
 * always identify a float32). Embeddings and scores live in this range; the rest takes the slow path.
 */
function writeFloat32(out: Buffer, pos: number, x: number, bits: number): number {
  const biased = (bits >>> 23) & 0xff;
  if (biased === 0xff || x === 0 || biased === 0) return writeAscii(out, pos, shortestFloat32Text(x));
  if (x < 0) {
    out[pos++] = C.minus;
    x = -x;
  }
  // floor(log10 x) from the binary exponent: exact or one low.
  let e = Math.floor((biased - 127) * LOG10_2);
  if (x >= (e + 1 >= 0 ? POW10[e + 1] : NEG_POW10[-(e + 1)])) e++;
  if (e < -6 || e > 6) return writeAscii(out, pos, shortestFloat32Text(x));
  // m / 10^k with n significant digits.
  let k = 7 - e;
  let n = 8;
  let m = Math.round(x * POW10[k]);
  if (Math.fround(m / POW10[k]) === x) {
    while (k > 0) {
      const shorter = Math.round(x * POW10[k - 1]);
      if (Math.fround(shorter / POW10[k - 1]) !== x) break;
      m = shorter;
      k--;
      n--;
    }
  } else {
    k++;
    n++;
    m = Math.round(x * POW10[k]);
    if (Math.fround(m / POW10[k]) !== x) return writeAscii(out, pos, shortestFloat32Text(x));
  }
  // Rounding up to the next power of ten (9.9999999 -> 10000000) adds a digit.
  if (m >= POW10[n]) n++;
  let digits = m | 0; // < 2^31: integer arithmetic from here
  while (k > 0 && digits % 10 === 0) {
    digits = (digits / 10) | 0;
    k--;
    n--;
  }
  // The value is digits / 10^k: its n digits, with the point k digits from the right.
  if (n <= k) {
    out[pos++] = C.zero;
    out[pos++] = C.dot;
    for (let z = n; z < k; z++) out[pos++] = C.zero;
    return writeDigits(out, pos, digits, n);
  }
  if (k === 0) return writeDigits(out, pos, digits, n);
  const scale = POW10[k];
  const whole = (digits / scale) | 0;
  pos = writeDigits(out, pos, whole, n - k);
  out[pos++] = C.dot;
  return writeDigits(out, pos, digits - whole * scale, k);
}

/** Writes the `n` low decimal digits of `v` (zero-padded), two at a time from the right. */
function writeDigits(out: Buffer, pos: number, v: number, n: number): number {
  let w = pos + n;
  let i = v;
  while (w - pos >= 2) {
    const q = (i / 100) | 0;
    const r = (i - q * 100) * 2;
    out[--w] = DIGIT_PAIRS[r + 1];
    out[--w] = DIGIT_PAIRS[r];
    i = q;
  }
  if (w > pos) out[--w] = C.zero + (i % 10);
  return pos + n;
}

function writeAscii(out: Buffer, pos: number, s: string): number {
  for (let i = 0; i < s.length; i++) out[pos++] = s.charCodeAt(i);
  return pos;
}

/** How many float32 values `v` holds (in Float32Arrays at any depth). */
function float32Count(v: unknown): number {
  if (v instanceof Float32Array) return v.length;
  const order = isObject(v) ? float32Maps.get(v) : undefined;
  if (order) return order.length;
  let n = 0;
  if (Array.isArray(v)) for (const item of v) n += float32Count(item);
  else if (isPlainObject(v)) for (const item of Object.values(v)) n += float32Count(item);
  return n;
}

function hasFloat32(v: unknown): boolean {
  if (v instanceof Float32Array || (isObject(v) && float32Maps.has(v))) return true;
  if (Array.isArray(v)) return v.some(hasFloat32);
  return isPlainObject(v) && Object.values(v).some(hasFloat32);
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !ArrayBuffer.isView(v) && !('toJSON' in v);
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function writeValue(w: ByteWriter, v: unknown) {
  if (v instanceof Float32Array) return w.floats(v);
  const order = isObject(v) ? float32Maps.get(v) : undefined;
  if (order) return w.float32Map(v as Record<string, number>, order);
  if (!hasFloat32(v)) return w.text(JSON.stringify(v) ?? 'null');
  if (Array.isArray(v)) {
    w.text('[');
    v.forEach((item, i) => {
      if (i) w.text(',');
      if (omitted(item)) w.text('null');
      else writeValue(w, item);
    });
    return w.text(']');
  }
  w.text('{');
  let first = true;
  for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
    if (omitted(item)) continue;
    w.text(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    writeValue(w, item);
  }
  w.text('}');
}

/**
 * `value` as JSON text in UTF-8: the same JSON as `JSON.stringify` except that Float32Array
 * contents are arrays of shortest float32 decimals. The bytes own their ArrayBuffer (transferable).
 */
export function encodeReplyJson(value: unknown): Uint8Array {
  // Sized up front: the float arrays dominate, and growing would copy them again.
  const w = new ByteWriter(Buffer.allocUnsafeSlow(float32Count(value) * MAX_FLOAT_BYTES + 4096));
  writeValue(w, value);
  w.flush();
  return w.buf.subarray(0, w.pos);
}
