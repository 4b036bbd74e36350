/**
 * The one form base (Lion's separation): the schema (src/schema) decides *what* is wrong, this controller
 * decides *when* to show it and owns values, draft, error state, events and the submit lifecycle;
 * field templates only render. Both forms have a FormController; neither copies its plumbing.
 */
import type { ReactiveController } from 'lit';
export type { FormHost, FormSpec, FormValues, Phase } from './form-spec.js';
import { issuesToErrors, type FieldError } from '../schema/common.js';
import type { FormHost, FormSpec, FormValues, Phase } from './form-spec.js';
import { FormSteps } from './form-steps.js';
import { emit, type ErrorKind, type FormName, type InvolveErrorDetail } from '../core/events.js';
import { errorsByField, fieldForPointer, focusIn, longestField } from './form-errors.js';
import { submissionSource } from '../core/config.js';
import { addToOutbox, flushOutbox, removeFromOutbox, type OutboxItem } from './outbox.js';
import { defaultRetryPolicy, sleep, type RetryPolicy } from '../core/retry-policy.js';
import { newIdempotencyKey, sendWithRetry, type SendOutcome, type SendProgress, type SubmitResult } from '../core/submit-client.js';
import { DraftStore, draftKey, type PendingSubmission } from './draft.js';

export class FormController<V extends FormValues> implements ReactiveController {
  values: V;
  errors: FieldError[] = [];
  phase: Phase = 'editing';
  /** Why sending failed, while phase is 'failed'. */
  failure?: ErrorKind;
  /** Polite status while sending: retrying, rate-limited, draft restored. */
  status = '';
  statusValues: Record<string, number> = {};
  /** Easy-read's one question per screen. */
  readonly steps: FormSteps;
  /** Tests and advanced embedders may tune retries; the contract's defaults otherwise. */
  retryPolicy: Partial<RetryPolicy> = {};

  /** When the form first appeared (epoch ms; kept in the draft across reloads), for `elapsedMs`. */
  #startedAt = Date.now();
  #pending?: PendingSubmission;
  #sending?: Promise<SubmitResult>;
  /** The answer to a successful send, given again by `submit()` until `reset()`. */
  #sent?: SubmitResult;
  #abort?: AbortController;
  readonly #drafts: DraftStore<V>;
  readonly #onOnline = () => void this.#flushQueued();

  constructor(private readonly host: FormHost, private readonly spec: FormSpec<V>) {
    this.values = spec.initialValues();
    this.steps = new FormSteps(spec.steps, () => host.easyRead, (field) => spec.asked?.(field, this.values) ?? true);
    this.#drafts = new DraftStore<V>(() => draftKey(spec.form, host));
    host.addController(this);
  }

  hostConnected(): void {
    const draft = this.#drafts.read();
    if (draft) {
      this.values = { ...this.spec.initialValues(), ...draft.values, honeypot: '' };
      this.#pending = draft.pending;
      if (typeof draft.startedAt === 'number' && draft.startedAt <= Date.now()) this.#startedAt = draft.startedAt;
      if (Object.keys(draft.values).length > 0) this.status = 'draftRestored';
    }
    window.addEventListener('online', this.#onOnline);
    void this.#flushQueued();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    // Sent answers must not come back as a draft (an SPA removing the widget after success).
    if (this.phase !== 'success') this.#drafts.saveNow(this.#draft());
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

  reset(): void {
    this.#abort?.abort();
    // Answers the person threw away must not be sent later from the outbox.
    if (this.#pending) removeFromOutbox(this.#pending.key);
    this.#sent = undefined;
    this.values = this.spec.initialValues();
    this.errors = [];
    this.phase = 'editing';
    this.failure = undefined;
    this.status = '';
    this.#pending = undefined;
    this.steps.current = 0;
    this.#startedAt = Date.now();
    this.#drafts.clear();
    this.host.requestUpdate();
  }

  #draft() {
    const { honeypot: _ignored, ...values } = this.values;
    // No pending send: `pending` is undefined, which the saved JSON leaves out.
    return { values: values as Partial<V>, startedAt: this.#startedAt, pending: this.#pending };
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
    const errors = this.#validate(this.#payload(0)).filter((e) => this.steps.shows(this.fieldFor(e.pointer)));
    this.errors = errors;
    if (!errors.length) this.steps.forward();
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focus(errors.length ? 'error-summary' : 'step-heading');
  }

  back(): void {
    this.errors = [];
    this.steps.backward();
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focus('step-heading'));
  }

  #payload(elapsedMs: number): Record<string, unknown> {
    return {
      ...this.spec.toAnswers(this.values),
      source: submissionSource(this.host.submitPartner()),
      honeypot: String(this.values.honeypot ?? ''),
      elapsedMs,
    };
  }

  #validate(payload: Record<string, unknown>): FieldError[] {
    const result = this.spec.schema.safeParse(payload);
    return result.success ? [] : issuesToErrors(result.error!.issues).filter((e) => !e.pointer.startsWith('/source'));
  }

  /** Same answers as last time → the same bytes and key (a retry); otherwise a new submission. */
  #prepare(): PendingSubmission {
    const answers = JSON.stringify([this.spec.toAnswers(this.values), this.values.honeypot ?? '']);
    if (this.#pending?.answers === answers) return this.#pending;
    // Edited since a send that is waiting offline: that one is replaced, not sent as well.
    if (this.#pending) removeFromOutbox(this.#pending.key);
    const bytes = JSON.stringify(this.#payload(Math.max(0, Date.now() - this.#startedAt)));
    this.#pending = { answers, bytes, key: newIdempotencyKey() };
    this.#drafts.saveNow(this.#draft());
    return this.#pending;
  }

  submit(): Promise<SubmitResult> {
    if (this.#sent && this.phase === 'success') return Promise.resolve(this.#sent);
    this.#sending ??= this.#run().finally(() => (this.#sending = undefined));
    return this.#sending;
  }

  async #run(): Promise<SubmitResult> {
    const endpoint = this.host.submitEndpoint();
    if (!endpoint) return this.#told({ kind: 'config' });
    const errors = this.#validate(this.#payload(0));
    if (errors.length) {
      this.steps.showFirst(errors.map((e) => this.fieldFor(e.pointer)));
      return this.#invalid(errors);
    }
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.#sendingNow();
    // Quicker than the endpoint's bot check allows (RetryPolicy.minElapsedMs): wait, showing "Sending…".
    const hold = { ...defaultRetryPolicy, ...this.retryPolicy }.minElapsedMs - (Date.now() - this.#startedAt);
    if (hold > 0 && !(await sleep(hold, signal).then(() => true, () => false))) return this.#cancelled();
    const pending = this.#prepare();
    const payload = JSON.parse(pending.bytes) as unknown;
    if (!emit(this.host, 'involve-submit', { form: this.spec.form, payload }, true)) return this.#cancelled();
    this.errors = [];
    const url = `${endpoint}${this.spec.path}`;
    const outcome = await sendWithRetry({ url, bytes: pending.bytes, key: pending.key }, { policy: this.retryPolicy, signal, onProgress: this.#onProgress });
    return this.#settle(outcome, payload, url);
  }

  /** "Still trying to send" / "We will try again in N seconds", politely. */
  readonly #onProgress = (p: SendProgress) => {
    this.status = p.type === 'retrying' ? 'retrying' : 'rateLimited';
    this.statusValues = p.type === 'rate-limited' ? { seconds: p.seconds } : {};
    this.host.requestUpdate();
  };

  #sendingNow(): void {
    this.phase = 'sending';
    this.status = 'submitting';
    this.host.requestUpdate();
  }

  #cancelled(): SubmitResult {
    this.phase = 'editing';
    this.status = '';
    this.host.requestUpdate();
    return { ok: false, kind: 'cancelled' };
  }

  /** Shows errors on their fields and in the summary; the page is told them as text, like a server's. */
  async #invalid(errors: FieldError[], status?: number): Promise<SubmitResult> {
    this.phase = 'editing';
    this.errors = errors;
    await this.#show('error-summary');
    return this.#told({ kind: 'validation', ...(status ? { status } : {}), errors: errors.map((e) => ({ pointer: e.pointer, detail: this.host.messageFor(e.detail, fieldForPointer(e.pointer, this.spec.pointerAliases)) })) });
  }

  /** Tells the page why nothing was sent: `involve-error`, and the same for `submit()` to resolve to. */
  #told(told: Omit<InvolveErrorDetail, 'form'>): SubmitResult {
    emit(this.host, 'involve-error', { form: this.spec.form, ...told });
    return { ok: false, ...told };
  }

  async #settle(outcome: SendOutcome, payload: unknown, url: string): Promise<SubmitResult> {
    const form = this.spec.form;
    if (this.#pending && outcome.key !== this.#pending.key) this.#pending = { ...this.#pending, key: outcome.key };
    this.status = '';
    if (outcome.type === 'invalid' || outcome.type === 'too-large') {
      removeFromOutbox(outcome.key);
      // Only messages the person can act on: a pointer to no field here (a 400 with no errors, or
      // the page's own attribution) is the service's fault, shown as "could not send".
      const errors = outcome.type === 'too-large'
        ? [{ pointer: `/${longestField(this.values, this.spec.textFields) ?? this.spec.fieldOrder[0]}`, detail: 'tooLong' }]
        : outcome.errors.filter((e) => this.spec.fieldOrder.includes(this.fieldFor(e.pointer)));
      if (errors.length) return this.#invalid(errors, outcome.status);
      outcome = { type: 'failed', kind: 'server', status: outcome.status, key: outcome.key };
    }
    switch (outcome.type) {
      case 'success':
        removeFromOutbox(outcome.key);
        this.phase = 'success';
        this.#pending = undefined;
        this.#drafts.clear();
        this.#sent = { ok: true, id: outcome.id };
        await this.#show('success');
        emit(this.host, 'involve-success', { form, id: outcome.id, payload });
        return this.#sent;
      case 'offline':
        addToOutbox({ form, url, bytes: this.#pending?.bytes ?? JSON.stringify(payload), key: outcome.key, queuedAt: Date.now() });
        this.phase = 'queued';
        await this.#show('queued');
        emit(this.host, 'involve-queued', { form, payload });
        return { ok: false, kind: 'queued' };
      case 'failed': {
        this.phase = 'failed';
        this.failure = outcome.kind;
        await this.#show('failed');
        return this.#told({ kind: outcome.kind, ...(outcome.status ? { status: outcome.status } : {}) });
      }
      default:
        return this.#cancelled();
    }
  }

  /** Sends what waited in the outbox; if it is this form's own submission, the form shows the result. */
  async #flushQueued(): Promise<void> {
    if (navigator.onLine === false) return;
    await flushOutbox(this.spec.form, async (item: OutboxItem) => {
      const mine = this.#pending?.key === item.key || this.phase === 'queued';
      if (mine) this.#sendingNow();
      const outcome = await sendWithRetry(item, { policy: this.retryPolicy });
      if (outcome.type === 'success' || outcome.type === 'invalid' || outcome.type === 'too-large') removeFromOutbox(item.key);
      if (mine) await this.#settle(outcome, JSON.parse(item.bytes), item.url);
    });
  }

  async #show(target: 'error-summary' | 'success' | 'queued' | 'failed'): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.focus(target);
  }

  /** Moves focus to a region the host marked with `data-focus="…"` (GOV.UK: summary, then panel). */
  focus(target: string): void {
    focusIn(this.host.renderRoot, `[data-focus="${target}"]`, 'start');
  }

  /** Focuses the control for a field, as an error-summary link does (a #hash can't cross shadow DOM). */
  focusField(field: string): void {
    focusIn(this.host.renderRoot, `#f-${field}`, 'center');
  }

  get name(): FormName {
    return this.spec.form;
  }
}
