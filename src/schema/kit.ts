/**
 * The schema kit: the payload schemas in src/schema are written once with these functions, which
 * mirror the zod/mini calls they stand for (`s.string('msg').check(s.trim(), s.maxLength(200))`).
 *
 * - In the browser, `schema.safeParse()` below validates: ~1 kB instead of zod/mini's ~7 kB, which
 *   is what lets each widget file fit the 23 kB gzip budget (see README, "Why the widgets
 *   don't bundle zod").
 * - On the server, `toZod()` (src/schema/zod.ts, never imported by a widget) builds the real zod
 *   schema from the same description: the endpoint validates with zod, and JSON Schema and OpenAPI
 *   come from zod.
 * - server/test/schema-kit.test.ts runs both over thousands of generated payloads and fails on any
 *   difference in success, output or (pointer, message) pairs.
 *
 * Semantics follow zod 4: an object keeps only its own keys; a wrong type, a bad enum value or a
 * failed literal stops that value's checks ("aborts"); length/regex/refine checks all run and are
 * all reported; an object-level refine runs only if nothing aborted, unless it has `when`.
 */

/** A check, as data, so toZod can rebuild it: trim, min/max length, regex, int, ≥ 0, refine. */
export interface Check<T = any> {
  c: 'trim' | 'min' | 'max' | 're' | 'int' | 'nonneg' | 'refine' | 'super';
  n?: number;
  re?: RegExp;
  fn?: (value: T, ctx: RefineCtx) => unknown;
  m?: string | undefined;
  path?: PropertyKey[];
  when?: ((payload: { value: unknown }) => boolean) | undefined;
}

export interface Issue {
  path: PropertyKey[];
  message: string;
}
export interface RefineCtx {
  issues: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }[];
}

export type Kind = 'string' | 'number' | 'boolean' | 'literal' | 'enum' | 'array' | 'object' | 'optional' | 'unknown';

export type SafeParse<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: { issues: Issue[] } };

/** What a kit schema produces; `infer<typeof Signup>` as with zod. */
export type infer<S> = Out<S>;
type Out<S> = S extends Schema<infer T> ? T : never;

export class Schema<T> {
  declare readonly _output: T;
  constructor(
    readonly kind: Kind,
    /** The message when the value's type (or enum/literal value) is wrong. */
    readonly m?: string | undefined,
    /** object: shape; array/optional: inner schema; enum: values; literal: the value. */
    readonly x?: unknown,
    readonly checks: readonly Check[] = [],
  ) {}

  check(...checks: Check<T>[]): Schema<T> {
    return new Schema<T>(this.kind, this.m, this.x, [...this.checks, ...checks]);
  }

  safeParse(value: unknown): SafeParse<T> {
    const issues: Issue[] = [];
    const data = run(this, value, [], issues) as T;
    return issues.length ? { success: false, error: { issues } } : { success: true, data };
  }
}

/** `hard` 0: later checks still run; 1: only checks with `when` run; 2: none do (zod's `continue: false`). */
const fail = (issues: Issue[], path: PropertyKey[], message = 'invalid', hard = 1) => issues.push({ path, message, hard } as Issue);
const aborted = (issues: Issue[], from: number, level = 1) => issues.slice(from).some((i) => (i as Issue & { hard: number }).hard >= level);

function run(s: Schema<unknown>, v: unknown, path: PropertyKey[], issues: Issue[]): unknown {
  const start = issues.length;
  const x = s.x as never;
  // Like zod, a value of the wrong type stays in the output as it came (an object rule may look at
  // it), and its length checks still run.
  const bad = () => fail(issues, path, s.m);
  switch (s.kind) {
    case 'optional':
      return v === undefined ? v : run(x, v, path, issues);
    case 'unknown':
      return v;
    case 'string':
    case 'boolean':
      if (typeof v !== s.kind) bad();
      break;
    case 'number':
      if (!Number.isFinite(v)) bad(); // false for anything not a number, as well as NaN and ±Infinity
      break;
    case 'literal':
      if (v !== x) bad();
      break;
    case 'enum':
      if (!(x as unknown[]).includes(v)) bad();
      break;
    case 'array':
      if (!Array.isArray(v)) bad();
      else {
        // As zod: a list longer than a leading maxLength fails at once, its items unread.
        for (const ch of s.checks) {
          if (ch.c != 'max' && ch.c != 'min') break;
          if (ch.c == 'max' && v.length > ch.n!) return fail(issues, path, ch.m, 2), v;
        }
        const items: unknown[] = [];
        for (let i = 0; i < v.length; i++) items.push(run(x, v[i], [...path, i], issues));
        v = items;
      }
      break;
    case 'object':
      if (!v || typeof v != 'object' || Array.isArray(v)) bad();
      else {
        const out: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(x as Record<string, Schema<unknown>>)) {
          const value = run(inner, (v as Record<string, unknown>)[key], [...path, key], issues);
          if (value !== undefined || key in v) out[key] = value;
        }
        v = out;
      }
  }
  let stop = aborted(issues, start);
  for (const ch of s.checks) {
    const { c, n = 0, m } = ch;
    const len = (v as string | null)?.length;
    // As zod: a length check runs on anything with a length, even after a wrong type.
    const sized = c == 'min' || c == 'max';
    if (ch.when || sized ? aborted(issues, start, 2) || (sized ? len === undefined : !ch.when!({ value: v })) : stop) continue;
    const before = issues.length;
    if (c == 'trim') v = (v as string).trim();
    else if (c == 'int' && !Number.isInteger(v)) fail(issues, path, m, 2);
    else if (c == 'min' ? len! < n : c == 'max' ? len! > n : c == 're' ? !ch.re!.test(v as string) : c == 'int' ? !Number.isSafeInteger(v) : c == 'nonneg' ? (v as number) < 0 : c == 'refine' && !ch.fn!(v as never, { issues: [] })) {
      fail(issues, [...path, ...(ch.path ?? [])], m, 0);
    } else if (c == 'super') {
      const ctx: RefineCtx = { issues: [] };
      ch.fn!(v as never, ctx);
      for (const issue of ctx.issues) fail(issues, [...path, ...issue.path], issue.message);
    }
    stop ||= aborted(issues, before);
  }
  return v;
}

// ── builders, named as in zod/mini ──────────────────────────────────────────────────────────────
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema, whatever it outputs
type Shape = Record<string, Schema<any>>;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type ObjectOutput<S extends Shape> = Flat<
  { [K in keyof S as undefined extends Out<S[K]> ? never : K]: Out<S[K]> } & {
    [K in keyof S as undefined extends Out<S[K]> ? K : never]?: Out<S[K]>;
  }
>;

export const string = (m?: string) => new Schema<string>('string', m);
export const number = (m?: string) => new Schema<number>('number', m);
export const boolean = (m?: string) => new Schema<boolean>('boolean', m);
export const unknown = () => new Schema<unknown>('unknown');
export const literal = <const L extends string | number | boolean>(value: L, m?: string) => new Schema<L>('literal', m, value);
const enumOf = <const V extends readonly string[]>(values: V, m?: string) => new Schema<V[number]>('enum', m, values);
export { enumOf as enum };
export const array = <T>(item: Schema<T>, m?: string) => new Schema<T[]>('array', m, item);
export const object = <S extends Shape>(shape: S, m?: string) => new Schema<ObjectOutput<S>>('object', m, shape);
export const optional = <T>(inner: Schema<T>) => new Schema<T | undefined>('optional', undefined, inner);

export const trim = (): Check<string> => ({ c: 'trim' });
export const minLength = (n: number, m?: string): Check => ({ c: 'min', n, m });
export const maxLength = (n: number, m?: string): Check => ({ c: 'max', n, m });
export const regex = (re: RegExp, m?: string): Check => ({ c: 're', re, m });
export const int = (): Check => ({ c: 'int' });
export const nonnegative = (): Check => ({ c: 'nonneg' });
export const refine = <T>(fn: (value: T) => unknown, m?: string | { path: PropertyKey[] }): Check<T> =>
  typeof m == 'object' ? { c: 'refine', fn, path: m.path } : { c: 'refine', fn, m };
/** A cross-field rule that pushes its own issues (`ctx.issues.push({ code: 'custom', message, path })`). */
export const superRefine = <T>(fn: (value: T, ctx: RefineCtx) => void, options?: { when?: Check['when'] }): Check<T> => ({
  c: 'super',
  fn,
  when: options?.when,
});
