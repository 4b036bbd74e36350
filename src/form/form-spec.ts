/** What a form tells FormController about itself: its payload shape, schema, field order and steps. */
import type { FormName } from '../core/events.js';
import type { ReactiveControllerHost } from 'lit';
import type { FieldError } from '../schema/common.js';
import type { Submission } from './submission.js';

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

/**
 * What FormSender needs from the form it sends (FormController implements it): the answers and how
 * to check them, where to show errors and results, and the pending Submission. The sender knows the
 * form by this interface only, so neither file imports the other both ways.
 */
export interface SendableForm<V extends FormValues> {
  readonly host: FormHost;
  readonly spec: FormSpec<V>;
  readonly context: FormContext;
  readonly values: V;
  errors: FieldError[];
  readonly steps: { showFirst(fields: string[]): void };
  readonly submission: Submission;
  /** How long since the form first appeared (ms), across reloads. */
  readonly elapsedMs: number;
  /** The payload the endpoint gets, with `elapsedMs` as given. */
  payload(elapsedMs: number): Record<string, unknown>;
  /** What is wrong with the answers now. */
  check(): FieldError[];
  fieldFor(pointer: string): string;
  /** Renders, then focuses a region (`data-focus`). */
  show(target: 'error-summary' | 'success' | 'queued' | 'failed'): Promise<void>;
  /** The answers were sent: no draft comes back. */
  clearDraft(): void;
}
