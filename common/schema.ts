/**
 * A small validation toolkit shared by the server (route validation) and the browser (form
 * validation), so both sides reject the same input with the same message. Messages follow
 * OSD's config-schema style: `[field]: expected ...`.
 */

/** `error` is the full message; `reason` the same without the `[field]: ` prefix. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; reason: string; field: string };
export type Check<T> = (value: unknown, field: string) => Result<T>;

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (field: string, message: string): Result<never> => ({
  ok: false,
  field,
  reason: message,
  error: `[${field || 'value'}]: ${message}`,
});

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export interface StringOptions {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Said instead of the raw pattern when it does not match. */
  patternMessage?: string;
}

export function string(opts: StringOptions = {}): Check<string> {
  return (value, field) => {
    if (typeof value !== 'string') return fail(field, `expected value of type [string] but got [${describe(value)}]`);
    if (opts.min !== undefined && value.trim().length < opts.min) {
      return fail(field, opts.min === 1 ? 'must not be empty' : `must have at least ${opts.min} characters`);
    }
    if (opts.max !== undefined && value.length > opts.max) return fail(field, `must have at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(value)) {
      return fail(field, opts.patternMessage || `must match ${String(opts.pattern)}`);
    }
    return ok(value);
  };
}

export function integer(opts: { min?: number; max?: number } = {}): Check<number> {
  return (value, field) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return fail(field, `expected an integer but got [${describe(value)}${typeof value === 'number' ? ` ${value}` : ''}]`);
    }
    if (opts.min !== undefined && value < opts.min) return fail(field, `must be at least ${opts.min}`);
    if (opts.max !== undefined && value > opts.max) return fail(field, `must be at most ${opts.max}`);
    return ok(value);
  };
}

export function boolean(): Check<boolean> {
  return (value, field) =>
    typeof value === 'boolean' ? ok(value) : fail(field, `expected value of type [boolean] but got [${describe(value)}]`);
}

export function oneOf<T extends string>(values: readonly T[], opts: { ignoreCase?: boolean } = {}): Check<T> {
  return (value, field) => {
    const match = typeof value === 'string' ? values.find((v) => v === value || (opts.ignoreCase && v.toLowerCase() === value.toLowerCase())) : undefined;
    // The listed spelling comes out, whatever case came in.
    return match !== undefined ? ok(match) : fail(field, `expected one of [${values.join(', ')}] but got [${typeof value === 'string' ? value : describe(value)}]`);
  };
}

export function arrayOf<T>(item: Check<T>, opts: { min?: number; max?: number } = {}): Check<T[]> {
  return (value, field) => {
    if (!Array.isArray(value)) return fail(field, `expected value of type [array] but got [${describe(value)}]`);
    if (opts.min !== undefined && value.length < opts.min) return fail(field, `must have at least ${opts.min} item(s)`);
    if (opts.max !== undefined && value.length > opts.max) return fail(field, `must have at most ${opts.max} items`);
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = item(value[i], `${field}.${i}`);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

/** A string that must parse as JSON (ML Commons' `all_config` is JSON text). */
export function jsonText(): Check<string> {
  return (value, field) => {
    const r = string()(value, field);
    if (!r.ok) return r;
    try {
      JSON.parse(r.value);
      return r;
    } catch (e) {
      return fail(field, `must be valid JSON (${(e as Error).message})`);
    }
  };
}

type Shape = Record<string, Check<unknown>>;
type Optional<T> = Check<T> & { optional: true };
type Out<S extends Shape> = { [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Check<infer T> ? T : never } & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Check<infer T> ? T : never;
};

export function optional<T>(check: Check<T>): Optional<T> {
  const wrapped = ((value: unknown, field: string) => (value === undefined ? ok(undefined) : check(value, field))) as Optional<T>;
  wrapped.optional = true;
  return wrapped;
}

/** Objects reject unknown keys: a typo in a field name must not be silently dropped. */
export function object<S extends Shape>(shape: S): Check<Out<S>> {
  return (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(field, `expected value of type [object] but got [${describe(value)}]`);
    }
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(input)) {
      // Own keys only: `in` also finds what every object inherits (`constructor`, `toString`, `__proto__`).
      if (!Object.prototype.hasOwnProperty.call(shape, key)) return fail(field ? `${field}.${key}` : key, 'definition for this key is missing');
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const r = shape[key](input[key], field ? `${field}.${key}` : key);
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    return ok(out as Out<S>);
  };
}

/**
 * A JSON object whose listed keys are checked and whose other keys are kept as they came (ML
 * Commons stores such maps as they are), at most `maxBytes` of JSON.
 */
export function openObject<S extends Shape>(known: S, opts: { maxBytes: number }): Check<Out<S> & Record<string, unknown>> {
  return (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(field, `expected value of type [object] but got [${describe(value)}]`);
    }
    if (JSON.stringify(value).length > opts.maxBytes) return fail(field, `must be at most ${opts.maxBytes} bytes of JSON`);
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of Object.keys(known)) {
      const r = known[key](out[key], field ? `${field}.${key}` : key);
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    return ok(out as Out<S> & Record<string, unknown>);
  };
}

/**
 * Query strings carry text: these parse it first. A repeated key arrives as an array; a list may
 * also be sent comma-separated.
 */
export function queryInt(opts: { min?: number; max?: number } = {}): Check<number> {
  const inner = integer(opts);
  return (value, field) => {
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return inner(Number(value), field);
    if (typeof value === 'number') return inner(value, field);
    return fail(field, `expected an integer but got [${typeof value === 'string' ? value : describe(value)}]`);
  };
}

export function queryBoolean(): Check<boolean> {
  return (value, field) => {
    if (value === true || value === 'true') return ok(true);
    if (value === false || value === 'false') return ok(false);
    return fail(field, `expected true or false but got [${typeof value === 'string' ? value : describe(value)}]`);
  };
}

export function queryList<T>(item: Check<T>, opts: { max?: number } = {}): Check<T[]> {
  const inner = arrayOf(item, opts);
  return (value, field) => {
    const list = typeof value === 'string' ? value.split(',').filter((s) => s !== '') : value;
    return inner(list, field);
  };
}

export function validate<T>(check: Check<T>, value: unknown): Result<T> {
  return check(value, '');
}

/**
 * `check`, then a rule across its fields (which per-field checks cannot see): `rule` returns the
 * failing field (empty for the value itself) and why, or undefined.
 */
export function refine<T>(check: Check<T>, rule: (value: T) => { field: string; reason: string } | undefined): Check<T> {
  return (value, field) => {
    const r = check(value, field);
    if (!r.ok) return r;
    const bad = rule(r.value);
    return bad ? fail([field, bad.field].filter(Boolean).join('.'), bad.reason) : r;
  };
}
