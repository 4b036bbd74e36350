import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';
import type { OptionItem } from '../../core/config.js';
import { radios, singleCheckbox, type Choice } from '../../form/fields/choices.js';
import { InvolveForm } from '../../form/involve-form.js';
import { aboutYouOptions, FEEDBACK_TEXT_MAX, ratings, SERVICE_OTHER_MAX } from '../../schema/feedback.js';
import { crisisBox, withContent } from './crisis-box.js';
import { builtInServices, feedbackForm, PREFER_NOT_TO_SAY, REPLY_FIELDS, type FeedbackValues } from './feedback-form.js';
import { baseStyles } from '../../core/styles.js';
import { textInput } from '../../form/fields/text-input.js';
import { feedbackStyles } from './involve-feedback.styles.js';
import { fieldStyles } from '../../form/fields/fields.styles.js';
import { feedbackStrings } from './strings.js';

/**
 * Feedback about a service: which service, the Friends and Family Test question, what went well and
 * what could be better (up to 5,000 characters each), and, only if the person wants one, a reply.
 * People may be in distress, so a crisis box with numbers to call or text stays above the form in
 * every state. Anonymous feedback sends no name or contact, whatever was typed before.
 *
 * @summary Service feedback form with crisis signposting.
 * @tag involve-feedback
 *
 * @fires {CustomEvent<{form: 'feedback', payload: Feedback}>} involve-submit - Before sending; cancelable: `preventDefault()` stops the send.
 * @fires {CustomEvent<{form: 'feedback', id: string, payload: Feedback}>} involve-success - The endpoint stored the feedback.
 * @fires {CustomEvent<{form: 'feedback', kind: 'validation'|'network'|'server'|'rate-limited'|'config', status?: number, errors?: {pointer: string, detail: string}[]}>} involve-error - Something stopped the feedback; the answers are kept.
 * @fires {CustomEvent<{form: 'feedback', payload: Feedback}>} involve-queued - Offline: saved in this tab, sent when back online.
 *
 * @slot - A `<script type="application/json">` child may carry options: `{ "services": [{"id","label"}], "strings": {…} }`. The crisis box's wording is in `strings` (`crisisTitle`, `crisisIntro`, `crisisEmergency`, `crisisEmergencyNumber`, …, `{number}` marks each link); the complaints link is `complaintsUrl` (https only).
 *
 * @csspart easy-read-switch - The reader's "Easy read" / "Standard version" button at the top (also part `button`).
 * @csspart crisis - The "Need help now?" box with numbers to call or text, shown in every state.
 * @csspart form - The form element.
 * @csspart field - Each question's wrapper.
 * @csspart label - Each label or legend.
 * @csspart hint - Hint text under a label, and the character count.
 * @csspart input - Text inputs and text areas.
 * @csspart error - An inline error message.
 * @csspart button - Buttons.
 * @csspart error-summary - The "There is a problem" box.
 * @csspart success - The confirmation panel.
 * @csspart config-error - The message shown to webmasters when the endpoint is missing or unsafe.
 *
 * @cssprop [--involve-font-family=inherit] - Font family.
 * @cssprop [--involve-text-colour=#212b32] - Text colour (`#ffffff` with theme="dark"); `currentColor` takes the page's.
 * @cssprop [--involve-background=#ffffff] - The widget's own background (`#212b32` with theme="dark"); `transparent` shows the page's.
 * @cssprop [--involve-padding=0] - Space inside the widget's background (`1em` with theme="dark").
 * @cssprop [--involve-font-size=1em] - Text size; by default the page's, held between 16px and 32px.
 * @cssprop [--involve-panel-colour=#f0f4f5] - Background of message panels (`#2f3b43` with theme="dark").
 * @cssprop [--involve-hint-colour=#4c6272] - Hints and "Question 2 of 9" (`#c7d0d5` with theme="dark").
 * @cssprop [--involve-border-colour=#4c6272] - Input borders and panel stripes (`#aeb7bd` with theme="dark").
 * @cssprop [--involve-scroll-offset=0] - Room kept above whatever the widget scrolls to and focuses, for a fixed header on a page without `scroll-padding-top`.
 * @cssprop [--involve-accent-colour=#007f3b] - Button and success colour.
 * @cssprop [--involve-accent-text-colour=#ffffff] - Text on the accent colour.
 * @cssprop [--involve-error-colour=#d5281b] - Error colour (`#ff9a8f` with theme="dark").
 * @cssprop [--involve-focus-colour=#ffeb3b] - Focus highlight.
 * @cssprop [--involve-border-radius=4px] - Button corner radius.
 * @cssprop [--involve-space=1em] - Base spacing.
 * @cssprop [--involve-max-width=40em] - Widest the widget grows.
 * @cssprop [--involve-crisis-colour=#005eb8] - Border and numbers of the crisis box (keep AA contrast on white).
 */
export class InvolveFeedback extends InvolveForm<FeedbackValues> {
  static override styles = [baseStyles, fieldStyles, feedbackStyles];
  static override properties: PropertyDeclarations = { services: { attribute: false } };

  /** Services people can choose; defaults to the JSON child, `InvolveWidgets.configure()`, `GET /options`, then the built-in list. "Other" is always offered. */
  services?: OptionItem[];

  protected defaultStrings = feedbackStrings;
  protected override easyReadPack() {
    return import('./easy-read.js');
  }

  protected override messagesPack() {
    return import('./messages.js');
  }

  protected readonly form = this.formFor(feedbackForm);

  /** The service choices: ids the schema accepts, one each, and "Other" last. */
  private serviceList(): OptionItem[] {
    const list = this.optionList('services', builtInServices, this.services);
    const seen = new Set<string>();
    const valid = list.filter((s) => s.id !== 'other' && !seen.has(s.id) && seen.add(s.id));
    const other = list.find((s) => s.id === 'other') ?? { id: 'other', label: this.t('services.other') };
    return [...valid, other];
  }

  private choices(prefix: string, values: readonly string[]): Choice[] {
    return values.map((value) => ({ value, label: this.t(`${prefix}.${value}`) }));
  }

  protected override renderAlwaysFirst(): TemplateResult {
    return crisisBox(this.text, this.level());
  }

  protected renderFields(): TemplateResult {
    const f = this.form;
    const v = f.values;
    const show = (field: string, t: () => TemplateResult) => (f.steps.shows(field) ? t() : nothing);
    // A "choose one" question, labelled by strings `{name}Label` / `{name}Hint`.
    const choose = (name: 'service' | 'rating' | 'aboutYou', choices: () => Choice[], optional?: boolean) =>
      show(name, () => radios({ ...this.common(name, name, optional), value: v[name], choices: choices(), onChange: (x) => f.set(name, x) }));
    return html`
      ${choose('service', () => this.serviceList().map((s) => ({
        value: s.id,
        label: s.label,
        reveal: s.id === 'other'
          ? textInput({ ...this.common('serviceOther', 'serviceOther'), value: v.serviceOther, maxlength: SERVICE_OTHER_MAX, onInput: (x) => f.set('serviceOther', x) })
          : undefined,
      })))}
      ${choose('rating', () => this.choices('rating', ratings))}
      ${show('whatWentWell', () => this.countedTextarea('whatWentWell', 'wentWell', FEEDBACK_TEXT_MAX))}
      ${show('whatCouldBeBetter', () => this.countedTextarea('whatCouldBeBetter', 'couldBeBetter', FEEDBACK_TEXT_MAX))}
      ${choose('aboutYou', () => this.choices('aboutYou', [...aboutYouOptions, PREFER_NOT_TO_SAY]), true)}
      ${['anonymous', 'wantsReply', ...REPLY_FIELDS].some((x) => f.steps.shows(x)) ? this.renderIdentity() : nothing}
    `;
  }

  /**
   * Anonymous, or a reply with name and contact (those only while not anonymous and a reply is
   * wanted). Easy-read asks each as its own question: FeedbackForm's `asked` skips the ones that no
   * longer apply.
   */
  private renderIdentity(): TemplateResult {
    const f = this.form;
    const v = f.values;
    const steps = f.steps;
    const anonymous = singleCheckbox({ ...this.common('anonymous', 'anonymous'), checked: v.anonymous, onChange: (x) => f.set('anonymous', x) });
    const reply = singleCheckbox({ ...this.common('wantsReply', 'wantsReply'), checked: v.wantsReply, onChange: (x) => f.set('wantsReply', x) });
    const name = textInput({ ...this.common('name', 'name'), value: v.name, autocomplete: 'name', spellcheck: false, onInput: (x) => f.set('name', x) });
    const contact = () => this.contactQuestion(v, (field, x) => f.set(field, x));
    if (steps.on) {
      // Easy read asks one plain yes/no instead of two tick boxes: "Do you want us to write back to you?"
      return steps.shows('anonymous')
        ? radios({
            ...this.common('anonymous', 'reply'),
            label: this.t('replyLegend'),
            value: v.anonymous ? 'no' : v.wantsReply ? 'yes' : '',
            choices: [
              { value: 'yes', label: this.t('wantsReplyLabel'), hint: this.text.wantsReplyHint },
              { value: 'no', label: this.t('anonymousLabel'), hint: this.text.anonymousHint },
            ],
            onChange: (x) => {
              f.set('anonymous', x === 'no');
              f.set('wantsReply', x === 'yes');
            },
          })
        : steps.shows('name') ? name
        : contact();
    }
    return this.group('anonymous', 'identity', html`${anonymous}
      ${v.anonymous ? nothing : html`${reply}${v.wantsReply ? html`<div class="conditional">${name}${contact()}</div>` : nothing}`}`);
  }

  protected renderSuccess(): TemplateResult {
    const v = this.form.values;
    const url = this.t('complaintsUrl');
    const linkText = this.t('complaintsLinkText');
    return html`${heading(this.level(1), this.t('successNext'), { class: 'subheading' })}
      <p>${this.t('successBody')}</p>
      <p>${!v.anonymous && v.wantsReply ? this.t('successReply') : this.t('successNoReply')}</p>
      <p>${withContent(this.t('successComplaint'), 'link', isHttps(url) ? html`<a href=${url}>${linkText}</a>` : linkText)}
        ${isHttps(url) ? nothing : this.t('complaintsNoLink')}</p>`;
  }
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'involve-feedback': InvolveFeedback;
  }
}
