/**
 * The zod schemas, built from the kit's descriptions in this folder (see kit.ts). Server-side only:
 * the endpoint validates with these, and JSON Schema and OpenAPI are generated from them. A widget
 * never imports this file (rollup.config.js fails the build if zod reaches a browser bundle).
 */
import * as z from 'zod/mini';
import { Feedback as FeedbackKit } from './feedback.js';
import type * as types from './index.js';
import type { Check, Schema } from './kit.js';
import { Meeting as MeetingKit } from './meeting.js';
import { Signup as SignupKit } from './signup.js';

type Zod<T> = z.ZodMiniType<T, unknown>;

/**
 * Every string the endpoint accepts refuses C0 control characters other than tab, LF and CR (and
 * DEL): never typed, and U+0000 is one PostgreSQL cannot store, so SQLite and PostgreSQL give the
 * same answer — 422 with the field's pointer, `Check this answer`. The kit (browser) does not check
 * this, to cost the widgets no bytes: a pasted control character comes back from the endpoint as an
 * error on that field, shown like any server error. server/test/schema-kit.test.ts pins both sides.
 */
export const CONTROL = /[\0-\x08\v\f\x0e-\x1f\x7f]/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a check for whatever its schema holds
function checkToZod(ch: Check): z.core.$ZodCheck<any> {
  const { c, n = 0, m } = ch;
  const fn = ch.fn!;
  switch (c) {
    case 'trim':
      return z.trim() as never;
    case 'min':
      return z.minLength(n, m) as never;
    case 'max':
      return z.maxLength(n, m) as never;
    case 're':
      return z.regex(ch.re!, m) as never;
    case 'int':
      return z.int() as never;
    case 'nonneg':
      return z.nonnegative() as never;
    case 'refine':
      return z.refine(fn as (value: unknown) => unknown, ch.path ? { path: ch.path } : m) as never;
    case 'super':
      return z.superRefine(fn as never, ch.when ? { when: ch.when as never } : undefined) as never;
  }
}

/** The zod schema a kit schema stands for: same types, checks, messages, order and cross-field rules. */
export function toZod<T>(schema: Schema<T>): Zod<T> {
  const { kind, m } = schema;
  const x = schema.x as never;
  let out: z.ZodMiniType;
  switch (kind) {
    case 'string':
      // The one deliberate difference from the kit: control characters refused first (see CONTROL).
      out = z.string(m).check(z.refine((v: string) => !CONTROL.test(v), 'invalid'));
      break;
    case 'number':
      out = z.number(m);
      break;
    case 'boolean':
      out = z.boolean(m);
      break;
    case 'unknown':
      out = z.unknown();
      break;
    case 'literal':
      out = z.literal(x, m);
      break;
    case 'enum':
      out = z.enum(x, m);
      break;
    case 'array':
      out = z.array(toZod(x), m);
      break;
    case 'optional':
      out = z.optional(toZod(x));
      break;
    case 'object':
      out = z.object(Object.fromEntries(Object.entries(x as Record<string, Schema<unknown>>).map(([k, v]) => [k, toZod(v)])), m);
      break;
  }
  return (schema.checks.length ? out.check(...schema.checks.map(checkToZod)) : out) as unknown as Zod<T>;
}

export const Signup = toZod(SignupKit);
export const Feedback = toZod(FeedbackKit);
export const Meeting = toZod(MeetingKit);
export type Signup = types.Signup;
export type Feedback = types.Feedback;
export type Meeting = types.Meeting;
