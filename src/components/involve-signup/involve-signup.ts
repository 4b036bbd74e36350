import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';
import type { OptionItem } from '../../core/config.js';
import { checkboxes, singleCheckbox, type Choice } from '../../form/fields/choices.js';
import { InvolveForm } from '../../form/involve-form.js';
import { ACCESS_NEEDS_OTHER_MAX, accessNeeds, availabilities, formats, relationships, waysToTakePart } from '../../schema/signup.js';
import { signupStrings } from './strings.js';
import { signupForm, type SignupValues } from './signup-form.js';
import { baseStyles } from '../../core/styles.js';
import { builtInWorkstreams } from '../../schema/workstreams.js';
import { fieldStyles } from '../../form/fields/fields.styles.js';
import { textInput } from '../../form/fields/text-input.js';

/**
 * Join the involvement register: who you are, what you care about, how and when you'd like to take
 * part, access needs and consent. GOV.UK form patterns; answers are kept as a draft for this browser
 * tab until they are sent, and a retry never makes a duplicate sign-up.
 *
 * @summary Sign-up form for the involvement register.
 * @tag involve-signup
 *
 * @fires {CustomEvent<{form: 'signup', payload: Signup}>} involve-submit - Before sending; cancelable: `preventDefault()` stops the send.
 * @fires {CustomEvent<{form: 'signup', id: string, payload: Signup}>} involve-success - The endpoint stored the sign-up.
 * @fires {CustomEvent<{form: 'signup', kind: 'validation'|'network'|'server'|'rate-limited'|'config', status?: number, errors?: {pointer: string, detail: string}[]}>} involve-error - Something stopped the sign-up; the answers are kept.
 * @fires {CustomEvent<{form: 'signup', payload: Signup}>} involve-queued - Offline: saved in this tab, sent when back online.
 *
 * @slot - A `<script type="application/json">` child may carry options: `{ "workstreams": [{"id","label"}], "strings": {…} }`.
 *
 * @csspart easy-read-switch - The reader's "Easy read" / "Standard version" button at the top (also part `button`).
 * @csspart form - The form element.
 * @csspart field - Each question's wrapper.
 * @csspart label - Each label or legend.
 * @csspart hint - Hint text under a label.
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
 */
export class InvolveSignup extends InvolveForm<SignupValues> {
  static override styles = [baseStyles, fieldStyles];
  static override properties: PropertyDeclarations = { workstreams: { attribute: false } };

  /** Workstreams people can choose; defaults to the JSON child, `InvolveWidgets.configure()`, `GET /options`, then the built-in list. */
  workstreams?: OptionItem[];

  protected defaultStrings = signupStrings;
  protected override easyReadPack() {
    return import('./easy-read.js');
  }

  protected override messagesPack() {
    return import('./messages.js');
  }

  protected readonly form = this.formFor(signupForm);

  private choices(prefix: string, values: readonly string[], reveal: Record<string, TemplateResult> = {}): Choice[] {
    return values.map((value) => ({ value, label: this.t(`${prefix}.${value}`), reveal: reveal[value] }));
  }

  protected renderFields(): TemplateResult {
    const f = this.form;
    const v = f.values;
    const show = (field: string, t: () => TemplateResult) => (f.steps.shows(field) ? t() : nothing);
    const workstreams = this.optionList('workstreams', builtInWorkstreams, this.workstreams);
    // A "select all that apply" question, labelled by strings `{key}Label` / `{key}Hint`.
    type Multiple = 'relationship' | 'interests' | 'waysToTakePart' | 'availability' | 'format' | 'accessNeeds';
    const group = (name: Multiple, key: string, choices: () => Choice[], optional = true) =>
      show(name, () => checkboxes({ ...this.common(name, key, optional), value: v[name], choices: choices(), onChange: (x) => f.set(name, x) }));
    return html`
      ${show('name', () => textInput({ ...this.common('name', 'name'), value: v.name, autocomplete: 'name', spellcheck: false, onInput: (x) => f.set('name', x) }))}
      ${group('relationship', 'relationship', () => this.choices('relationship', relationships, {
        other: textInput({ ...this.common('relationshipOther', 'relationshipOther'), value: v.relationshipOther, onInput: (x) => f.set('relationshipOther', x) }),
      }), false)}
      ${show('preferred', () => this.contactQuestion(v, (name, x) => f.set(name, x)))}
      ${show('postcodeDistrict', () => textInput({
        ...this.common('postcodeDistrict', 'postcode', true),
        value: v.postcodeDistrict,
        width: '10',
        // The browser may fill in a full postcode: the form keeps only its first half (postcodeDistrict).
        autocomplete: 'postal-code',
        spellcheck: false,
        onInput: (x) => f.set('postcodeDistrict', x),
      }))}
      ${group('interests', 'interests', () => workstreams.map((w) => ({ value: w.id, label: w.label })))}
      ${group('waysToTakePart', 'ways', () => this.choices('ways', waysToTakePart))}
      ${group('availability', 'availability', () => this.choices('availability', availabilities))}
      ${group('format', 'format', () => this.choices('format', formats))}
      ${group('accessNeeds', 'access', () => this.choices('access', accessNeeds))}
      ${show('accessNeedsOther', () => this.countedTextarea('accessNeedsOther', 'accessOther', ACCESS_NEEDS_OTHER_MAX, true, 3))}
      ${show('storeDetails', () => this.group('storeDetails', 'consent', html`
        ${singleCheckbox({ ...this.common('storeDetails', 'storeDetails'), checked: v.storeDetails, onChange: (x) => f.set('storeDetails', x) })}
        ${singleCheckbox({ ...this.common('contactAboutOpportunities', 'contactAboutOpportunities'), checked: v.contactAboutOpportunities, onChange: (x) => f.set('contactAboutOpportunities', x) })}`))}
    `;
  }

  protected renderSuccess(): TemplateResult {
    return html`${heading(this.level(1), this.t('successNext'), { class: 'subheading' })}
      <p>${this.t('successBody')}</p>
      <p>${this.t('successDelete')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'involve-signup': InvolveSignup;
  }
}
