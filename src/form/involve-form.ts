/**
 * The element side of FormController, shared by <involve-signup> and <involve-feedback>: the public
 * methods of contract §2 and the page shell every form has (config message, error summary, status,
 * retry and offline panels, easy-read steps, success). Each form supplies only its fields and text.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FormController, type FormSpec, type FormValues } from './form-controller.js';
import { heading } from '../core/heading.js';
import { messageText } from '../schema/messages.js';
import { errorSummary } from './fields/error-summary.js';
import { honeypot } from './fields/honeypot.js';
import { hint, hintId, questionFieldset, type FieldCommon, type Lead } from './fields/field-parts.js';
import { CharacterCountAnnouncer, countMessage } from './fields/character-count.js';
import type { ContactValues } from './fields/contact-fields.js';
import { contactFields } from './fields/contact-fields.js';
import { textarea } from './fields/textarea.js';
import { emit } from '../core/events.js';
import { InvolveElement } from '../core/involve-element.js';
import type { RetryPolicy } from '../core/retry-policy.js';
import type { SubmitResult } from '../core/submit-client.js';

/**
 * "Did you mean …?" (email-suggestion.ts) is code only people typing an email address need, so it is an
 * on-demand pack beside the bundle (issue 16's size rule), fetched on the first address typed, during
 * the pause before a suggestion shows. If it can't load there is no suggestion; nothing else changes.
 */
let suggesting: Promise<((email: string, typing?: boolean) => string | undefined) | undefined> | undefined;
const suggester = () =>
  (suggesting ??= import('./email-suggestion.js').then(
    (m) => m.suggestEmail,
    () => (suggesting = undefined),
  ));

/**
 * The element talks to its form through two small interfaces: `this.form` (FormController: answers,
 * errors, easy-read steps, focus) and `this.form.sender` (FormSender: submit, phase, status, retries).
 * They reach back only through the FormContext callbacks made in `formFor`, so nothing they need is
 * public API on the element.
 */
export abstract class InvolveForm<V extends FormValues> extends InvolveElement {
  protected abstract readonly form: FormController<V>;

  /** Makes this element's FormController for a form's spec (call it once, in a field initializer). */
  protected formFor(spec: FormSpec<V>): FormController<V> {
    return new FormController<V>(this, spec, {
      endpoint: () => {
        const check = this.endpointCheck;
        // Not found, or this site not allowed (the endpoint check): a page's submit() is told 'config' too.
        return check.ok && !this.found[check.url] ? check.url : undefined;
      },
      partner: () => this.#partner(),
      message: (detail, field) => this.#message(detail, field),
    });
  }

  /** Advanced: timeout and retry tuning (contract defaults: 15 s, 3 tries). */
  get retryPolicy(): Partial<RetryPolicy> {
    return this.form.sender.retryPolicy;
  }
  set retryPolicy(policy: Partial<RetryPolicy>) {
    this.form.sender.retryPolicy = policy ?? {};
  }

  /** Read-only snapshot of the current answers. */
  get values(): Readonly<Omit<V, 'honeypot'>> {
    const { honeypot: _hidden, ...answers } = structuredClone(this.form.values);
    return Object.freeze(answers) as Readonly<Omit<V, 'honeypot'>>;
  }

  /** Validates and sends, as the submit button does. */
  submit(): Promise<SubmitResult> {
    return this.form.sender.submit();
  }

  /** Clears every answer, the saved draft and any message, and starts again. */
  reset(): void {
    this.form.reset();
  }

  /** Fills in answers the page already knows, by field name. */
  prefill(values: Partial<V>): void {
    this.form.prefill(values);
  }

  #partnerReported?: string;

  /** The partner id for `source`; one longer than the endpoint takes is left out (and reported once). */
  #partner(): string | undefined {
    const partner = this.resolvedPartner;
    // The endpoint refuses a longer id (contract §6): send without it rather than fail the person.
    if (partner && partner.length > 100) {
      if (this.#partnerReported !== partner) console.error(`<${this.localName}>: partner id is longer than 100 characters, not sent.`);
      this.#partnerReported = partner;
      return undefined;
    }
    return partner;
  }

  /** A message key from the schema (or a server's text) as the person reads it. */
  #message(detail: string, field?: string): string {
    return messageText(detail, this.text, field);
  }

  protected override probeFirst = true;

  protected override emitConfigError(reason: string): void {
    emit(this, 'involve-error', { form: this.form.name, kind: 'config', reason });
  }

  /** A field's translated error message, if any. */
  protected errorText(field: string): string | undefined {
    const detail = this.form.errorFor(field);
    return detail === undefined ? undefined : this.#message(detail, field);
  }

  /** Label, hint and error for a field, from strings named `{key}Label` / `{key}Hint`. */
  protected common(name: string, key: string, optional = false): FieldCommon {
    const hintText = this.text[`${key}Hint`];
    return {
      name,
      label: this.t(`${key}Label`),
      hint: hintText,
      error: this.errorText(name),
      errorPrefix: this.t('errorPrefix'),
      optionalText: optional ? this.t('optional') : undefined,
      lead: this.lead(name),
    };
  }

  /** In easy-read steps, what makes `field`'s question the heading of its screen ("Question 2 of 9"). */
  protected lead(field: string): Lead | undefined {
    const steps = this.form.steps;
    return steps.leads(field) ? { level: this.level(1), caption: this.t('stepOf', { n: steps.number, total: steps.count }) } : undefined;
  }

  /**
   * A question made of single checkboxes (consent; feedback's anonymity) under one legend, strings
   * `{key}Legend` and `{key}Hint`; `field` is the first checkbox, whose step it heads.
   */
  protected group(field: string, key: string, content: unknown): TemplateResult {
    const help = { name: key, hint: this.text[`${key}Hint`], label: '', errorPrefix: '' };
    return html`<div class="field" part="field">
      ${questionFieldset(key, this.lead(field), this.t(`${key}Legend`), help.hint ? hintId(key) : nothing, html`${hint(help)}${content}`)}
    </div>`;
  }

  readonly #counter = new CharacterCountAnnouncer(this);
  #emailSuggestion: string | undefined;
  #suggestTimer?: ReturnType<typeof setTimeout>;

  /** A textarea with a GOV.UK character count for `name`, labelled by strings `{key}Label`/`{key}Hint`. */
  protected countedTextarea(name: keyof V & string, key: string, max: number, optional = true, rows = 5): TemplateResult {
    const value = String(this.form.values[name] ?? '');
    const count = (length: number) => countMessage(length, max, (k, v) => this.t(k, v));
    return textarea({
      ...this.common(name, key, optional),
      value,
      rows,
      maxLength: max,
      countText: count(value.length),
      limitText: this.t('charactersLimit', { n: max }),
      announcement: this.#counter.announcement(name),
      onInput: (x) => {
        this.form.set(name, x as V[typeof name]);
        this.#counter.typed(name, count(x.length));
      },
    });
  }

  /**
   * Preferred contact radios with the email / phone inputs they reveal. The form gives its own
   * `preferred`, `email` and `phone` answers and how to set them: this base knows no form's fields.
   */
  protected contactQuestion(values: ContactValues, set: (name: keyof ContactValues, value: string) => void): TemplateResult {
    return contactFields({
      values,
      set,
      common: (name, key) => this.common(name, key),
      t: (key, v) => this.t(key, v),
      suggestion: this.#emailSuggestion,
      // A changed address hides an old suggestion at once; a new one waits for a pause in typing.
      suggest: (email, later) => {
        clearTimeout(this.#suggestTimer);
        const show = (s?: string) => {
          this.#emailSuggestion = s;
          this.requestUpdate();
        };
        if (!later) void suggester().then((f) => show(email && f?.(email)));
        else {
          if (this.#emailSuggestion) show();
          this.#suggestTimer = setTimeout(() => void suggester().then((f) => show(f?.(email!, true))), 800);
        }
      },
      focusField: (name) => void this.updateComplete.then(() => this.form.focusField(name)),
    });
  }

  /** Anything shown above the form in every state (the feedback form's crisis box). */
  protected renderAlwaysFirst(): TemplateResult | typeof nothing {
    return nothing;
  }

  protected abstract renderFields(): TemplateResult;
  protected abstract renderSuccess(): TemplateResult;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('easyRead') && !this.easyRead) this.form.steps.restart();
  }

  override render(): TemplateResult {
    const config = this.renderConfigError(this.level());
    const body = config !== nothing ? config : this.form.sender.phase === 'success' ? this.#renderSuccessPanel() : this.#renderForm();
    // The crisis box stays first (its numbers are the first things Tab reaches); the switch tops the form.
    return html`${this.renderAlwaysFirst()}${config !== nothing ? nothing : this.renderEasyReadSwitch()}${body}`;
  }

  #renderSuccessPanel(): TemplateResult {
    return html`<div class="panel success" part="success">
      ${heading(this.level(), this.t('successTitle'), { class: 'heading', focus: 'success' })}
      ${this.renderSuccess()}
      <button class="button secondary" part="button" type="button" @click=${() => this.#resetAndFocus()}>${this.t('again')}</button>
    </div>`;
  }

  async #resetAndFocus(): Promise<void> {
    this.reset();
    await this.updateComplete;
    this.form.focus('title');
  }

  #renderForm(): TemplateResult {
    const f = this.form;
    const s = f.sender;
    const sending = s.phase === 'sending';
    const errors = f.fieldErrors.map((e) => ({ field: e.field, message: this.#message(e.detail, e.field) }));
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${heading(this.level(), this.t('title'), { class: 'heading', focus: 'title' })}
      ${this.text.intro ? html`<p>${this.t('intro')}</p>` : nothing}
      ${errorSummary(this.level(1), this.t('errorSummaryTitle'), errors, (field) => f.focusField(field))}
      <div class="status" role="status" aria-live="polite">${s.status ? html`<p class="panel">${this.t(s.status, s.statusValues)}</p>` : nothing}</div>
      ${s.phase === 'failed' ? this.#renderFailed() : nothing}
      ${s.phase === 'queued' ? this.#renderQueued() : nothing}
      ${f.steps.on && f.steps.current > 0
        ? html`<button class="link-button" part="button" type="button" @click=${() => f.back()}>${this.t('back')}</button>`
        : nothing}
      ${this.renderFields()}
      ${honeypot(String(f.values.honeypot ?? ''), (v) => f.set('honeypot', v as V['honeypot']))}
      <div class="actions">
        <button class="button" part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
          ${sending
            // "Sending…" is heard once, from the status region; the focused button keeps its name.
            ? html`<span aria-hidden="true">${this.t('submitting')}</span><span class="visually-hidden">${f.steps.isLast ? this.t('submit') : this.t('next')}</span>`
            : f.steps.isLast ? this.t('submit') : this.t('next')}
        </button>
      </div>
    </form>`;
  }

  #renderFailed(): TemplateResult {
    const failure = this.form.sender.failure;
    const message = this.t(failure === 'rate-limited' ? 'rateLimitedGaveUp' : failure === 'server' ? 'sendFailedServer' : 'sendFailed');
    return html`<div class="panel warning" tabindex="-1" data-focus="failed" role="alert">
      <p class="heading">${this.t('sendFailedTitle')}</p>
      <p>${message}</p>
      <button class="button" part="button" type="button" @click=${() => void this.submit()}>${this.t('tryAgain')}</button>
    </div>`;
  }

  #renderQueued(): TemplateResult {
    return html`<div class="panel warning" tabindex="-1" data-focus="queued" role="alert">
      <p class="heading">${this.t('queuedTitle')}</p>
      <p>${this.t('queued')}</p>
    </div>`;
  }

  readonly #onSubmit = (e: Event) => {
    e.preventDefault();
    if (this.form.sender.phase === 'sending') return;
    if (!this.form.steps.isLast) void this.form.next();
    else void this.submit();
  };
}
