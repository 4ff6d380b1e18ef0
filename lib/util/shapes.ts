/**
 * Shapes: small validators that read untrusted input (a message, a backup, an annotation
 * file) into typed values, naming each problem with its path. A shape keeps only the fields
 * it names, so nothing unexpected is stored; the request types of the message table are
 * inferred from its shapes, so each message is written out once.
 */
import { cleanHttpUrl } from './url';
import { MAX_DEPTH, tooDeep } from './depth';

export const INVALID: unique symbol = Symbol('invalid');

/** Reads `value` at `path`; pushes each problem as `path: message` and returns INVALID on any. */
export type Shape<T> = (value: unknown, path: string, problems: string[]) => T | typeof INVALID;

export type Infer<S> = S extends Shape<infer T> ? T : never;

/** A value briefly, for a message: strings quoted and cut, others by type. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

function refuse(problems: string[], path: string, message: string): typeof INVALID {
  problems.push(`${path || '$'}: ${message}`);
  return INVALID;
}

/** Read a whole value: the typed value, or every problem. */
export function read<T>(shape: Shape<T>, value: unknown, path = ''): { ok: true; value: T } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const out = shape(value, path, problems);
  return out === INVALID || problems.length ? { ok: false, problems } : { ok: true, value: out };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A string of at most `max` characters; `line` refuses line breaks and control characters (titles, names). */
export const text = (max = 10_000, options: { nonEmpty?: boolean; line?: boolean } = {}): Shape<string> => (v, path, p) => {
  if (typeof v !== 'string') return refuse(p, path, `${show(v)} is not a string`);
  if (v.length > max) return refuse(p, path, `is ${v.length} characters long (at most ${max})`);
  if (options.nonEmpty && !v.trim()) return refuse(p, path, 'is empty');
  if (options.line && (CONTROL.test(v) || /[\r\n]/.test(v))) return refuse(p, path, 'contains line breaks or control characters');
  return v;
};

/** An absolute http(s) URL without whitespace or control characters; read as its normalised `href`. */
export const httpUrl = (max = 10_000): Shape<string> => (v, path, p) => {
  if (typeof v !== 'string') return refuse(p, path, `${show(v)} is not a URL`);
  const clean = cleanHttpUrl(v, max);
  return 'href' in clean ? clean.href : refuse(p, path, `${show(v)} ${clean.problem}`);
};

/** A day `YYYY-MM-DD`. */
export const day: Shape<string> = (v, path, p) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : refuse(p, path, `${show(v)} is not a day (expected YYYY-MM-DD)`));

/** A timestamp as `Date#toISOString` writes it. */
export const instant: Shape<string> = (v, path, p) => (typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) ? v : refuse(p, path, `${show(v)} is not a time (expected an ISO 8601 timestamp)`));

export const boolean: Shape<boolean> = (v, path, p) => (typeof v === 'boolean' ? v : refuse(p, path, `${show(v)} is not true or false`));

/** A whole number in [min, max]. */
export const integer = (min = 0, max = Number.MAX_SAFE_INTEGER): Shape<number> => (v, path, p) =>
  (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : refuse(p, path, `${show(v)} is not a whole number from ${min} to ${max}`));

/** One of some literal values. */
export const oneOf = <const T extends readonly (string | number | boolean | null)[]>(...values: T): Shape<T[number]> => (v, path, p) =>
  (values.includes(v as T[number]) ? (v as T[number]) : refuse(p, path, `${show(v)} is not one of ${values.map((x) => JSON.stringify(x)).join(', ')}`));

export const nullable = <T>(shape: Shape<T>): Shape<T | null> => (v, path, p) => (v === null ? null : shape(v, path, p));

/** May be left out (undefined); null is read as left out too, as JSON writers often do. */
export const optional = <T>(shape: Shape<T>): Shape<T | undefined> => (v, path, p) => (v === undefined || v === null ? undefined : shape(v, path, p));

/** A list of at most `max` items, each read by `item`. */
export const list = <T>(item: Shape<T>, max: number): Shape<T[]> => (v, path, p) => {
  if (!Array.isArray(v)) return refuse(p, path, `${show(v)} is not a list`);
  if (v.length > max) return refuse(p, path, `has ${v.length} entries (at most ${max})`);
  const out: T[] = [];
  let bad = false;
  v.forEach((x, i) => {
    const r = item(x, `${path}[${i}]`, p);
    if (r === INVALID) bad = true;
    else out.push(r);
  });
  return bad ? INVALID : out;
};

type Fields = Record<string, Shape<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The object a set of fields reads into: fields whose shape allows undefined are optional keys. */
export type ObjectOf<F extends Fields> = Simplify<
  { [K in keyof F as undefined extends Infer<F[K]> ? never : K]: Infer<F[K]> } & { [K in keyof F as undefined extends Infer<F[K]> ? K : never]?: Infer<F[K]> }
>;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * An object with these fields. Other keys are dropped, unless `rest` is given: then each is
 * kept when `rest` reads it (records written by a newer version keep what this one does not know).
 */
export const object = <F extends Fields>(fields: F, rest?: Shape<unknown>): Shape<ObjectOf<F>> => (v, path, p) => {
  if (!isObject(v)) return refuse(p, path, `${show(v)} is not an object`);
  const out: Record<string, unknown> = {};
  let bad = false;
  for (const [key, shape] of Object.entries(fields)) {
    const r = shape(Object.hasOwn(v, key) ? v[key] : undefined, path ? `${path}.${key}` : key, p);
    if (r === INVALID) bad = true;
    else if (r !== undefined) out[key] = r;
  }
  if (rest) {
    for (const key of Object.keys(v)) {
      if (Object.hasOwn(fields, key) || v[key] === undefined) continue;
      const r = rest(v[key], path ? `${path}.${key}` : key, p);
      if (r === INVALID) bad = true;
      else out[key] = r;
    }
  }
  return bad ? INVALID : (out as ObjectOf<F>);
};

/** May be left out, or null; either is kept as it was (stored rows round-trip unchanged). */
export const nullish = <T>(shape: Shape<T>): Shape<T | null | undefined> => (v, path, p) => (v === undefined || v === null ? v : shape(v, path, p));

/** Any JSON value nested at most `maxDepth` levels (read as is: the receiver validates it further). */
export const json = (maxDepth = MAX_DEPTH): Shape<unknown> => (v, path, p) => {
  if (v === undefined) return refuse(p, path, 'is missing');
  const deep = tooDeep(v, maxDepth, path);
  return deep === null ? v : refuse(p, deep, `nested more than ${maxDepth} levels deep`);
};

/** A plain object of any keys, nested at most `maxDepth` levels. */
export const record = (maxDepth = MAX_DEPTH): Shape<Record<string, unknown>> => (v, path, p) => {
  if (!isObject(v)) return refuse(p, path, `${show(v)} is not an object`);
  return json(maxDepth)(v, path, p) === INVALID ? INVALID : v;
};

/** The first shape that reads the value (problems of the last one tried are reported). */
export const either = <A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> => (v, path, p) => {
  const first = a(v, path, []);
  return first !== INVALID ? first : b(v, path, p);
};

/** A shape with a further check on the value it read. */
export const where = <T>(shape: Shape<T>, test: (v: T) => string | null): Shape<T> => (v, path, p) => {
  const r = shape(v, path, p);
  if (r === INVALID) return r;
  const problem = test(r);
  return problem ? refuse(p, path, problem) : r;
};

/** The value when `shape` reads it, else nothing (a field that is dropped, not refused, when unusable). */
export const orNothing = <T>(shape: Shape<T>): Shape<T | undefined> => (v, path) => {
  const r = shape(v, path, []);
  return r === INVALID ? undefined : r;
};

/**
 * A string on one line (titles and names a page gives): runs of whitespace and control
 * characters become one space, and what is past `max` characters is cut, not refused.
 */
export const line = (max = 10_000): Shape<string> => (v, path, p) => {
  const r = text(max * 100)(v, path, p);
  // eslint-disable-next-line no-control-regex
  return r === INVALID ? r : r.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim().slice(0, max);
};
