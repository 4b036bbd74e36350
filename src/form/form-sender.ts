/**
 * Sending a form (contract §2, §5): the phase the form is in (editing, sending, failed, queued,
 * success), the polite status while it sends, the wait for the bot rule, the events the page hears,
 * and what each answer from the endpoint shows. The send itself is the Submission (key, bytes,
 * outbox, pending record) and sendWithRetry; the answers, errors and focus are the FormController's.
 */
import type { FieldError } from '../schema/common.js';
import type { ReactiveController } from 'lit';
import type { FormValues, Phase, SendableForm } from './form-spec.js';
import { emit, type ErrorKind, type InvolveErrorDetail } from '../core/events.js';
import { longestField } from './form-errors.js';
import { defaultRetryPolicy, sleep, type RetryPolicy } from '../core/retry-policy.js';
import { sendWithRetry, type SendOutcome, type SendProgress, type SubmitResult } from '../core/submit-client.js';

export class FormSender<V extends FormValues> implements ReactiveController {
  phase: Phase = 'editing';
  /** Why sending failed, while phase is 'failed'. */
  failure?: ErrorKind;
  /** Polite status while sending: retrying, rate-limited, draft restored. */
  status = '';
  statusValues: Record<string, number> = {};
  /** Tests and advanced embedders may tune retries; the contract's defaults otherwise. */
  retryPolicy: Partial<RetryPolicy> = {};

  #sending?: Promise<SubmitResult>;
  /** The answer to a successful send, given again by `submit()` until `reset()`. */
  #sent?: SubmitResult;
  #abort?: AbortController;
  readonly #form: SendableForm<V>;
  readonly #onOnline = () => void this.#flushQueued();

  /** Made by the FormController, after it: the draft is read before the outbox is flushed. */
  constructor(form: SendableForm<V>) {
    this.#form = form;
    form.host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    void this.#flushQueued();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
  }

  reset(): void {
    this.#abort?.abort();
    // Answers the person threw away must not be sent later from the outbox.
    this.#form.submission.forget();
    this.#sent = undefined;
    this.phase = 'editing';
    this.failure = undefined;
    this.status = '';
  }

  submit(): Promise<SubmitResult> {
    if (this.#sent && this.phase === 'success') return Promise.resolve(this.#sent);
    this.#sending ??= this.#run().finally(() => (this.#sending = undefined));
    return this.#sending;
  }

  async #run(): Promise<SubmitResult> {
    const form = this.#form;
    const { context, spec, host } = form;
    const endpoint = context.endpoint();
    if (!endpoint) return this.#told({ kind: 'config' });
    const errors = form.check();
    if (errors.length) {
      form.steps.showFirst(errors.map((e) => form.fieldFor(e.pointer)));
      return this.#invalid(errors);
    }
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.#sendingNow();
    // Quicker than the endpoint's bot check allows (RetryPolicy.minElapsedMs): wait, showing "Sending…".
    const hold = { ...defaultRetryPolicy, ...this.retryPolicy }.minElapsedMs - form.elapsedMs;
    if (hold > 0 && !(await sleep(hold, signal).then(() => true, () => false))) return this.#cancelled();
    const answers = JSON.stringify([spec.toAnswers(form.values), form.values.honeypot ?? '']);
    const pending = form.submission.prepare(answers, () => JSON.stringify(form.payload(form.elapsedMs)));
    const payload = JSON.parse(pending.bytes) as unknown;
    if (!emit(host, 'involve-submit', { form: spec.form, payload }, true)) return this.#cancelled();
    form.errors = [];
    const url = `${endpoint}${spec.path}`;
    const outcome = await sendWithRetry({ url, bytes: pending.bytes, key: pending.key }, { policy: this.retryPolicy, signal, onProgress: this.#onProgress });
    return this.#settle(outcome, payload, url);
  }

  /** "Still trying to send" / "We will try again in N seconds", politely. */
  readonly #onProgress = (p: SendProgress) => {
    this.status = p.type === 'retrying' ? 'retrying' : 'rateLimited';
    this.statusValues = p.type === 'rate-limited' ? { seconds: p.seconds } : {};
    this.#form.host.requestUpdate();
  };

  /** Into `phase` with `status` (or none), re-rendered. */
  #to(phase: Phase, status = ''): void {
    this.phase = phase;
    this.status = status;
    this.#form.host.requestUpdate();
  }

  #sendingNow(): void {
    this.#to('sending', 'submitting');
  }

  #cancelled(): SubmitResult {
    this.#to('editing');
    return { ok: false, kind: 'cancelled' };
  }

  /** Shows errors on their fields and in the summary; the page is told them as text, like a server's. */
  async #invalid(errors: FieldError[], status?: number): Promise<SubmitResult> {
    const form = this.#form;
    this.phase = 'editing';
    form.errors = errors;
    await form.show('error-summary');
    return this.#told({ kind: 'validation', ...(status ? { status } : {}), errors: errors.map((e) => ({ pointer: e.pointer, detail: this.#form.context.message(e.detail, form.fieldFor(e.pointer)) })) });
  }

  /** Tells the page why nothing was sent: `involve-error`, and the same for `submit()` to resolve to. */
  #told(told: Omit<InvolveErrorDetail, 'form'>): SubmitResult {
    emit(this.#form.host, 'involve-error', { form: this.#form.spec.form, ...told });
    return { ok: false, ...told };
  }

  async #settle(outcome: SendOutcome, payload: unknown, url: string): Promise<SubmitResult> {
    const form = this.#form;
    const { spec, host } = form;
    form.submission.settle(outcome);
    this.status = '';
    if (outcome.type === 'invalid' || outcome.type === 'too-large') {
      // Only messages the person can act on: a pointer to no field here (a 400 with no errors, or
      // the page's own attribution) is the service's fault, shown as "could not send".
      const errors = outcome.type === 'too-large'
        ? [{ pointer: `/${longestField(form.values, spec.textFields) ?? spec.fieldOrder[0]}`, detail: 'tooLong' }]
        : outcome.errors.filter((e) => spec.fieldOrder.includes(form.fieldFor(e.pointer)));
      if (errors.length) return this.#invalid(errors, outcome.status);
      outcome = { type: 'failed', kind: 'server', status: outcome.status, key: outcome.key };
    }
    switch (outcome.type) {
      case 'success':
        this.phase = 'success';
        form.clearDraft();
        this.#sent = { ok: true, id: outcome.id };
        await form.show('success');
        emit(host, 'involve-success', { form: spec.form, id: outcome.id, payload });
        return this.#sent;
      case 'offline':
        form.submission.queue(url);
        this.phase = 'queued';
        await form.show('queued');
        emit(host, 'involve-queued', { form: spec.form, payload });
        return { ok: false, kind: 'queued' };
      case 'failed': {
        this.phase = 'failed';
        this.failure = outcome.kind;
        await form.show('failed');
        return this.#told({ kind: outcome.kind, ...(outcome.status ? { status: outcome.status } : {}) });
      }
      default:
        return this.#cancelled();
    }
  }

  /** Sends what waited in the outbox; if it is this form's own submission, the form shows the result. */
  async #flushQueued(): Promise<void> {
    if (navigator.onLine === false) return;
    await this.#form.submission.flush(
      async (item, mine) => {
        mine ||= this.phase === 'queued';
        if (mine) this.#sendingNow();
        const outcome = await sendWithRetry(item, { policy: this.retryPolicy });
        if (mine) await this.#settle(outcome, JSON.parse(item.bytes), item.url);
        return outcome;
      },
      // Queued longer than the endpoint remembers its key: not sent; the person may send it again.
      () => void this.#settle({ type: 'failed', kind: 'network', key: '' }, undefined, ''),
    );
  }
}
