/**
 * h2-h6 at a level the host page chooses (`heading-level`), as five plain templates: cheaper than
 * lit/static-html's dynamic tags (~0.75 kB gzip in every bundle) for the same markup.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface HeadingOptions {
  class?: string;
  id?: string;
  part?: string;
  /** Marks it as a focus target (`data-focus`, `tabindex="-1"`). */
  focus?: string;
  /** Focusable by script without being a named focus target. */
  focusable?: boolean;
}

/** Clamps any level to 2-6: a widget never takes the page's h1. */
export const clampLevel = (level: number) => Math.min(6, Math.max(2, Math.trunc(Number(level) || 2)));

export function heading(level: number, content: unknown, o: HeadingOptions = {}): TemplateResult {
  const c = o.class ?? nothing;
  const id = o.id ?? nothing;
  const part = o.part ?? nothing;
  const tab = o.focus || o.focusable ? '-1' : nothing;
  const focus = o.focus ?? nothing;
  switch (clampLevel(level)) {
    case 2: return html`<h2 class=${c} id=${id} part=${part} tabindex=${tab} data-focus=${focus}>${content}</h2>`;
    case 3: return html`<h3 class=${c} id=${id} part=${part} tabindex=${tab} data-focus=${focus}>${content}</h3>`;
    case 4: return html`<h4 class=${c} id=${id} part=${part} tabindex=${tab} data-focus=${focus}>${content}</h4>`;
    case 5: return html`<h5 class=${c} id=${id} part=${part} tabindex=${tab} data-focus=${focus}>${content}</h5>`;
    default: return html`<h6 class=${c} id=${id} part=${part} tabindex=${tab} data-focus=${focus}>${content}</h6>`;
  }
}
