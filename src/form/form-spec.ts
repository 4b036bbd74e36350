/** What a form tells FormController about itself: its payload shape, schema, field order and steps. */
import type { FormName } from '../core/events.js';
import type { ReactiveControllerHost } from 'lit';

export type FormValues = Record<string, string | boolean | string[]>;
export type Phase = 'editing' | 'sending' | 'failed' | 'queued' | 'success';

/** Anything with a zod-style `safeParse`: the forms get the schema kit's (src/schema/kit.ts). */
export interface Validator {
  safeParse(v: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface FormSpec<V extends FormValues> {
  form: FormName;
  /** Endpoint path, like `/signups`. */
  path: string;
  schema: Validator;
  initialValues(): V;
  /** What the person chose to give, shaped as the payload minus source, honeypot and elapsedMs. */
  toAnswers(values: V): Record<string, unknown>;
  /** Field names in page order: the error summary follows it. */
  fieldOrder: readonly string[];
  /** Pointers whose field is not their last segment (`/contact` → `preferred`). */
  pointerAliases?: Record<string, string>;
  /** Free-text fields; a 413 is shown on the longest. */
  textFields: readonly string[];
  /** Easy-read: one question per screen, each step a list of field names. */
  steps: readonly (readonly string[])[];
  /** Whether the form asks this field now (default: always); easy-read skips a step with none asked. */
  asked?(field: string, values: V): boolean;
}

/** What FormController needs from the element it serves (InvolveForm): a Lit host, and its mode. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly easyRead: boolean;
}

/**
 * What sending needs to know from the element, handed over as callbacks when the element makes its
 * form (InvolveForm's `formFor`), so none of it is a public method on the element.
 */
export interface FormContext {
  /** The checked endpoint base URL, or undefined while misconfigured. */
  endpoint(): string | undefined;
  /** The partner id to send in `source`, if any (and if the endpoint accepts it). */
  partner(): string | undefined;
  /** A message key from the schema (or a server's text) as the person reads it, for `field`'s question. */
  message(detail: string, field?: string): string;
}
