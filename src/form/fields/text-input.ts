import { html, nothing, type TemplateResult } from 'lit';
import { controlId, describedBy, fieldGroup, labelled, type FieldCommon } from './field-parts.js';

export interface TextInputOptions extends FieldCommon {
  value: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric';
  spellcheck?: boolean;
  /** Width class, GOV.UK's fixed widths: 'full' | '20' | '10' characters. */
  width?: 'full' | '20' | '10';
  maxlength?: number;
  onInput(value: string): void;
  onChange?(value: string): void;
  /** Extra content after the input (e.g. an email suggestion). */
  after?: TemplateResult | typeof nothing;
  afterId?: string | undefined;
}

/** A labelled text input with hint and inline error (GOV.UK text input). */
export function textInput(o: TextInputOptions): TemplateResult {
  return fieldGroup(
    o,
    html`${labelled(o)}
      <input
        class="input width-${o.width ?? 'full'} ${o.error ? 'input--error' : ''}"
        part="input"
        id=${controlId(o.name)}
        name=${o.name}
        type=${o.type ?? 'text'}
        .value=${o.value}
        autocomplete=${o.autocomplete ?? nothing}
        inputmode=${o.inputmode ?? nothing}
        spellcheck=${o.spellcheck === undefined ? nothing : String(o.spellcheck)}
        maxlength=${o.maxlength ?? nothing}
        aria-invalid=${o.error ? 'true' : nothing}
        aria-describedby=${describedBy(o, o.afterId)}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
        @change=${(e: Event) => o.onChange?.((e.target as HTMLInputElement).value)}
      />
      ${o.after ?? nothing}`,
  );
}
