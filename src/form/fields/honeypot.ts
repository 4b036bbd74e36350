/** The spam trap (contract §6, `honeypot`). */
import { html, type TemplateResult } from 'lit';
import { controlId } from './field-parts.js';

/** A field people never see or reach; bots fill it in. Not in the tab order, hidden from screen readers. */
export function honeypot(value: string, onInput: (v: string) => void): TemplateResult {
  return html`<div class="trap" aria-hidden="true">
    <label for=${controlId('website')}>Website</label>
    <input id=${controlId('website')} name="website" type="text" tabindex="-1" autocomplete="off" .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
  </div>`;
}
