/**
 * Radios and checkboxes in a fieldset with a legend (GOV.UK). A choice can reveal a conditional
 * follow-up ("Other" → "Tell us more") that is only in the DOM, and only sent, while it is chosen.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { controlId, describedBy, hint, inlineError, labelText, questionFieldset, type FieldCommon } from './field-parts.js';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
  /** Shown under the choice while it is selected. */
  reveal?: TemplateResult;
}

interface ChoicesBase extends FieldCommon {
  choices: readonly Choice[];
  /** Legend styled as a page heading-ish label. */
  small?: boolean;
}

export interface RadiosOptions extends ChoicesBase {
  value: string;
  onChange(value: string): void;
}

export interface CheckboxesOptions extends ChoicesBase {
  value: readonly string[];
  onChange(value: string[]): void;
}

function fieldset(o: ChoicesBase, items: TemplateResult[], className: string): TemplateResult {
  return html`<div class="field ${o.error ? 'field--error' : ''}" part="field">
    ${questionFieldset(o.name, o.lead, labelText(o), describedBy(o), html`${hint(o)} ${inlineError(o)}
      <div class=${className}>${items}</div>`)}
  </div>`;
}

// The first control carries `f-{name}`, so an error-summary link lands on it.
const itemId = (name: string, i: number) => (i === 0 ? controlId(name) : `${controlId(name)}-${i + 1}`);

function item(type: 'radio' | 'checkbox', name: string, i: number, c: Choice, checked: boolean, onChange: (e: Event) => void): TemplateResult {
  const id = itemId(name, i);
  return html`<div class="choice">
      <input class="choice__input" type=${type} id=${id} name=${name} .value=${c.value} .checked=${checked}
        aria-describedby=${c.hint ? `${id}-hint` : nothing} @change=${onChange} />
      <label class="choice__label" for=${id}>${c.label}</label>
      ${c.hint ? html`<div class="hint choice__hint" id=${`${id}-hint`}>${c.hint}</div>` : nothing}
    </div>
    ${checked && c.reveal ? html`<div class="conditional">${c.reveal}</div>` : nothing}`;
}

export function radios(o: RadiosOptions): TemplateResult {
  const items = o.choices.map((c, i) => item('radio', o.name, i, c, o.value === c.value, () => o.onChange(c.value)));
  // The space is where an unused "inline" modifier class once went: kept so the markup is unchanged.
  return fieldset(o, items, 'choices ');
}

export function checkboxes(o: CheckboxesOptions): TemplateResult {
  const items = o.choices.map((c, i) =>
    item('checkbox', o.name, i, c, o.value.includes(c.value), (e: Event) => {
      const on = (e.target as HTMLInputElement).checked;
      // Keep the order of the choices, not of clicks, so the payload is stable.
      const next = o.choices.map((x) => x.value).filter((v) => (v === c.value ? on : o.value.includes(v)));
      o.onChange(next);
    }),
  );
  return fieldset(o, items, 'choices');
}

/** A single checkbox outside a group (consent), with its own error. */
export function singleCheckbox(o: FieldCommon & { checked: boolean; onChange(checked: boolean): void }): TemplateResult {
  return html`<div class="field ${o.error ? 'field--error' : ''}" part="field">
    ${inlineError(o)}
    <div class="choice">
      <input class="choice__input" type="checkbox" id=${controlId(o.name)} name=${o.name} .checked=${o.checked}
        aria-describedby=${describedBy(o)} aria-invalid=${o.error ? 'true' : nothing}
        @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
      <label class="choice__label" for=${controlId(o.name)} part="label">${o.label}</label>
      ${o.hint ? html`<div class="hint choice__hint" id=${`${controlId(o.name)}-hint`} part="hint">${o.hint}</div>` : nothing}
    </div>
  </div>`;
}
