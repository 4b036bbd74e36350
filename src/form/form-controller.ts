/**
 * The one form base (Lion's separation): the schema (src/schema) decides *what* is wrong, this controller
 * decides *when* to show it and owns the answers, their draft, error state, easy-read steps and focus;
 * its FormSender sends (phase, retries, outbox) and field templates only render. Both forms have a
 * FormController; neither copies its plumbing.
 */
import type { ReactiveController } from 'lit';
import type { FormContext, FormHost, FormSpec, FormValues, SendableForm } from './form-spec.js';
export type { FormContext, FormHost, FormSpec, FormValues, Phase } from './form-spec.js';
import { issuesToErrors, type FieldError } from '../schema/common.js';
import { FormSteps } from './form-steps.js';
import type { FormName } from '../core/events.js';
import { errorsByField, fieldForPointer } from './form-errors.js';
import { focusIn } from '../core/scroll-into-view.js';
import { submissionSource } from '../core/config.js';
import { controlId } from './fields/field-parts.js';
import { DraftStore, draftKey } from './draft.js';
import { FormSender } from './form-sender.js';
import { Submission } from './submission.js';

/** Regions the host marks with `data-focus="…"`. */
export type FocusTarget = 'title' | 'error-summary' | 'step-heading' | 'success' | 'queued' | 'failed';

export class FormController<V extends FormValues> implements ReactiveController, SendableForm<V> {
  values: V;
  errors: FieldError[] = [];
  /** Easy-read's one question per screen. */
  readonly steps: FormSteps;
  /** The pending send: its key, bytes, outbox entry and the record this draft keeps. */
  readonly submission: Submission;
  /** Sending: phase, status, retries, and what each answer from the endpoint shows. */
  readonly sender: FormSender<V>;

  /** When the form first appeared (epoch ms; kept in the draft across reloads), for `elapsedMs`. */
  #startedAt = Date.now();
  readonly #drafts: DraftStore<V>;

  constructor(
    /** The element this form is drawn in. */
    readonly host: FormHost,
    /** What the form is: fields, schema, steps. */
    readonly spec: FormSpec<V>,
    /** What sending needs from the element. */
    readonly context: FormContext,
  ) {
    this.values = spec.initialValues();
    this.steps = new FormSteps(spec.steps, () => host.easyRead, (field) => spec.asked?.(field, this.values) ?? true);
    this.#drafts = new DraftStore<V>(() => draftKey(spec.form, host));
    this.submission = new Submission(spec.form, () => this.saveDraft());
    host.addController(this);
    this.sender = new FormSender(this);
  }

  hostConnected(): void {
    const draft = this.#drafts.read();
    if (draft) {
      this.values = { ...this.spec.initialValues(), ...draft.values, honeypot: '' };
      if (typeof draft.startedAt === 'number' && draft.startedAt <= Date.now()) this.#startedAt = draft.startedAt;
      this.submission.restore(draft.pending);
      if (Object.keys(draft.values).length > 0) this.sender.status = 'draftRestored';
    }
  }

  hostDisconnected(): void {
    // Sent answers must not come back as a draft (an SPA removing the widget after success).
    if (this.sender.phase !== 'success') this.saveDraft();
  }

  set<K extends keyof V & string>(name: K, value: V[K]): void {
    this.values = { ...this.values, [name]: value };
    if (name !== 'honeypot') this.#drafts.save(this.#draft());
    this.host.requestUpdate();
  }

  /** `prefill()`: the page's own code fills answers it already knows. Unknown names are ignored. */
  prefill(values: Partial<V>): void {
    const initial = this.spec.initialValues();
    const known = Object.fromEntries(Object.entries(values ?? {}).filter(([k, v]) => k in initial && k !== 'honeypot' && typeof v === typeof initial[k]));
    this.values = { ...this.values, ...known };
    this.#drafts.save(this.#draft());
    this.host.requestUpdate();
  }

  /** Clears every answer, the draft and any message; the sender forgets what was pending. */
  reset(): void {
    this.sender.reset();
    this.values = this.spec.initialValues();
    this.errors = [];
    this.steps.restart();
    this.#startedAt = Date.now();
    this.#drafts.clear();
    this.host.requestUpdate();
  }

  /** Writes the draft (answers, first appearance, pending submission) now. */
  saveDraft(): void {
    this.#drafts.saveNow(this.#draft());
  }

  /** The answers were sent: no draft comes back. */
  clearDraft(): void {
    this.#drafts.clear();
  }

  #draft() {
    const { honeypot: _ignored, ...values } = this.values;
    // No pending send: `pending` is undefined, which the saved JSON leaves out.
    return { values: values as Partial<V>, startedAt: this.#startedAt, pending: this.submission.pending };
  }

  /** How long since the form first appeared (ms), across reloads. */
  get elapsedMs(): number {
    return Math.max(0, Date.now() - this.#startedAt);
  }

  /** The payload the endpoint gets (contract §3/§4), with `elapsedMs` as given. */
  payload(elapsedMs: number): Record<string, unknown> {
    return {
      ...this.spec.toAnswers(this.values),
      source: submissionSource(this.context.partner()),
      honeypot: String(this.values.honeypot ?? ''),
      elapsedMs,
    };
  }

  /** What is wrong with the answers now (the schema's word), attribution aside. */
  check(): FieldError[] {
    const result = this.spec.schema.safeParse(this.payload(0));
    return result.success ? [] : issuesToErrors(result.error!.issues).filter((e) => !e.pointer.startsWith('/source'));
  }

  fieldFor(pointer: string): string {
    return fieldForPointer(pointer, this.spec.pointerAliases);
  }

  /** One message per field, in page order. */
  get fieldErrors(): { field: string; detail: string }[] {
    return errorsByField(this.errors, this.spec.fieldOrder, this.spec.pointerAliases);
  }

  errorFor(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.detail;
  }

  /** Easy-read "Next": checks this step's questions only, then moves on. */
  async next(): Promise<void> {
    const errors = this.check().filter((e) => this.steps.shows(this.fieldFor(e.pointer)));
    this.errors = errors;
    if (!errors.length) this.steps.forward();
    await this.show(errors.length ? 'error-summary' : 'step-heading');
  }

  back(): void {
    this.errors = [];
    this.steps.backward();
    void this.show('step-heading');
  }

  /** Renders, then moves focus to a region (GOV.UK: the summary on errors, then the panel). */
  async show(target: FocusTarget): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focus(target);
  }

  /** Moves focus to a region the host marked with `data-focus="…"`. */
  focus(target: FocusTarget): void {
    focusIn(this.host.renderRoot, `[data-focus="${target}"]`, 'start');
  }

  /** Focuses the control for a field, as an error-summary link does (a #hash can't cross shadow DOM). */
  focusField(field: string): void {
    focusIn(this.host.renderRoot, `#${controlId(field)}`, 'center');
  }

  get name(): FormName {
    return this.spec.form;
  }
}
