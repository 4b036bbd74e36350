/**
 * GOV.UK error summary: a focusable container (tabindex -1) focused on a failed submit, an inner
 * role="alert", the title "There is a problem", and one link per error in page order. A #hash link
 * can't reach into shadow DOM, so the click focuses the field itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';
import { controlId } from './field-parts.js';

export function errorSummary(
  level: number,
  title: string,
  errors: readonly { field: string; message: string }[],
  onSelect: (field: string) => void,
): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  return html`<div class="error-summary" tabindex="-1" data-focus="error-summary" part="error-summary" aria-labelledby="error-summary-title">
    <div role="alert">
      ${heading(level, title, { class: 'error-summary__title', id: 'error-summary-title' })}
      <ul class="error-summary__list">
        ${errors.map(
          (e) => html`<li>
            <a href=${`#${controlId(e.field)}`} @click=${(ev: Event) => {
              ev.preventDefault();
              onSelect(e.field);
            }}>${e.message}</a>
          </li>`,
        )}
      </ul>
    </div>
  </div>`;
}
