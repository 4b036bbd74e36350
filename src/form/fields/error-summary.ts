/**
 * GOV.UK error summary, heard once: a focusable group (tabindex -1) focused on a failed submit, named
 * by its title "There is a problem" and described by its list, so moving focus to it speaks it all,
 * once. No live region as well (GOV.UK's inner role="alert" plus the focus made screen readers speak it
 * twice), and a role that may have a name (a generic div may not). One link per error in page order;
 * a #hash link can't reach into shadow DOM, so the click focuses the field itself.
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
  return html`<div class="error-summary" role="group" tabindex="-1" data-focus="error-summary" part="error-summary" aria-labelledby="error-summary-title" aria-describedby="error-summary-list">
    <div>
      ${heading(level, title, { class: 'error-summary__title', id: 'error-summary-title' })}
      <ul class="error-summary__list" id="error-summary-list">
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
