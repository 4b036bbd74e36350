import * as s from './kit.js';

/** Where a submission came from: attribution for the partner, never personal data. */
export const Source = s.object({
  partner: s.optional(s.string().check(s.maxLength(100))),
  page: s.string().check(s.maxLength(2000)),
  widgetVersion: s.string().check(s.maxLength(40)),
});
export type Source = s.infer<typeof Source>;

/** Spam traps common to both forms: a field people never see, and time from first render to send. */
export const spamFields = {
  honeypot: s.string().check(s.maxLength(500)),
  elapsedMs: s.number().check(s.int(), s.nonnegative()),
};

/** Optional free text with a length limit whose message names the limit. */
export const limitedText = (max: number) => s.string().check(s.maxLength(max, `textTooLong:${max}`));

// A pragmatic check, as GOV.UK's: something@something.something, no spaces, ≤ 254 characters.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// UK numbers with spaces, brackets, dashes, optional +44; 10-13 digits in all.
const PHONE = /^\+?[\d\s()-]{10,20}$/;

/** The longest email address (RFC 5321's path limit); the email input's `maxlength` too. */
export const EMAIL_MAX = 254;
export const Email = s.string().check(s.maxLength(EMAIL_MAX, 'emailInvalid'), s.regex(EMAIL, 'emailInvalid'));
export const Phone = s.string().check(
  s.regex(PHONE, 'phoneInvalid'),
  s.refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 10 && digits <= 13;
  }, 'phoneInvalid'),
);

/**
 * Cross-field rules run even when another field already failed, so the error summary lists every
 * problem at once (GOV.UK) instead of revealing them one submit at a time. Their code must therefore
 * cope with partly invalid input.
 */
export const evenWithOtherErrors = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

/** Adds a cross-field rule's issue about `value[path[0]]`, as zod's `ctx.issues.push` takes it. */
export const issue = <T extends object>(ctx: s.RefineCtx, value: T, message: string, path: [keyof T & string, ...string[]]) =>
  ctx.issues.push({ code: 'custom', message, path, input: value[path[0]] });

export const contactPreferences = ['email', 'phone', 'text', 'post'] as const;

/**
 * How to reach someone. The preferred channel's value is required; for post the contract has no
 * address field (data minimisation), so an email or phone is needed to ask for the address.
 */
export const Contact = s
  .object({
    email: s.optional(Email),
    phone: s.optional(Phone),
    preferred: s.enum(contactPreferences, 'preferredMissing'),
  })
  .check(
    // `evenWithOtherErrors` runs this only on an object (zod and the kit alike).
    s.superRefine((c, ctx) => {
      if (c.preferred === 'email' && !c.email) {
        issue(ctx, c, 'emailMissing', ['email']);
      }
      if ((c.preferred === 'phone' || c.preferred === 'text') && !c.phone) {
        issue(ctx, c, 'phoneMissing', ['phone']);
      }
      if (c.preferred === 'post' && !c.email && !c.phone) {
        issue(ctx, c, 'postContactMissing', ['email']);
      }
    }, evenWithOtherErrors),
  );
export type Contact = s.infer<typeof Contact>;

export const Name = s.string('nameMissing').check(s.trim(), s.minLength(1, 'nameMissing'), s.maxLength(200, 'nameTooLong'));

/** RFC 6901 pointer for an issue path (kit or zod): ['contact','email'] → '/contact/email'. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export interface FieldError {
  pointer: string;
  /** A message key from messages.ts (client side) or text (from a server). */
  detail: string;
}

/** Flattens a failed safeParse into one error per pointer, first issue wins (GOV.UK: one message a field). */
export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const pointer = toPointer(issue.path);
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    out.push({ pointer, detail: issue.message });
  }
  return out;
}
