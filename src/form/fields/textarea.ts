import { html, nothing, type TemplateResult } from 'lit';
import { controlId, describedBy, fieldGroup, labelled, type FieldCommon } from './field-parts.js';

export interface TextareaOptions extends FieldCommon {
  value: string;
  rows: number;
  /** With a limit, a character count is shown (and a hidden "You can enter up to N characters"). */
  maxLength?: number;
  /** The visible count message, e.g. "You have 12 characters remaining". */
  countText?: string;
  /** Static description of the limit for screen readers. */
  limitText?: string;
  /** What the polite live region announces (after a pause). */
  announcement?: string;
  onInput(value: string): void;
}

/** A textarea with optional GOV.UK-style character count. */
export function textarea(o: TextareaOptions): TemplateResult {
  const over = o.maxLength !== undefined && o.value.length > o.maxLength;
  const limitId = controlId(o.name, 'limit');
  return fieldGroup(
    o,
    html`${labelled(o)}
      <textarea
        class="textarea ${o.error || over ? 'input--error' : ''}"
        part="input"
        id=${controlId(o.name)}
        name=${o.name}
        rows=${o.rows}
        .value=${o.value}
        aria-invalid=${o.error ? 'true' : nothing}
        aria-describedby=${describedBy(o, o.maxLength !== undefined ? limitId : undefined)}
        @input=${(e: Event) => o.onInput((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${o.maxLength !== undefined
        ? html`<div class="visually-hidden" id=${limitId}>${o.limitText}</div>
            <div class="count ${over ? 'count--over' : ''}" aria-hidden="true" part="hint">${o.countText}</div>
            <div class="visually-hidden" aria-live="polite" data-count-for=${o.name}>${o.announcement ?? ''}</div>`
        : nothing}`,
  );
}
