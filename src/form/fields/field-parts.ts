/**
 * Pieces every field shares: the hint and inline error (GOV.UK: "Error:" visually hidden before the
 * message) and the aria-describedby list that ties them to the control. Fields are templates, not
 * elements: aria-describedby and <label for> cannot reach across shadow roots.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';

/** Easy-read steps: the question heading the screen, at this level, with "Question 2 of 9" above it. */
export interface Lead {
  level: number;
  caption: string;
}

export interface FieldCommon {
  /** Field name: the control's id is `f-{name}`, which error-summary links focus. */
  name: string;
  label: string;
  hint?: string | undefined;
  /** Message text, already translated. */
  error?: string | undefined;
  /** Visually hidden prefix, "Error:". */
  errorPrefix: string;
  /** Appended to the label, like "(optional)". */
  optionalText?: string | undefined;
  /** Set when this field's question heads an easy-read step. */
  lead?: Lead | undefined;
}

/** The one id scheme: a field's control is `f-{name}`; its hint, error and other parts `f-{name}-{part}`. */
export const controlId = (name: string, part?: string) => `f-${name}${part ? '-' + part : ''}`;
export const hintId = (name: string) => controlId(name, 'hint');
export const errorId = (name: string) => controlId(name, 'error');

/** ids for aria-describedby, hint before error as GOV.UK orders them. */
export function describedBy(f: FieldCommon, ...extra: (string | undefined)[]): string | typeof nothing {
  const ids = [f.hint ? hintId(f.name) : undefined, f.error ? errorId(f.name) : undefined, ...extra].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function labelText(f: FieldCommon): string {
  return f.optionalText ? `${f.label} ${f.optionalText}` : f.label;
}

export function hint(f: FieldCommon): TemplateResult | typeof nothing {
  return f.hint ? html`<div class="hint" id=${hintId(f.name)} part="hint">${f.hint}</div>` : nothing;
}

export function inlineError(f: FieldCommon): TemplateResult | typeof nothing {
  return f.error
    ? html`<p class="error-message" id=${errorId(f.name)} part="error"><span class="visually-hidden">${f.errorPrefix}</span> ${f.error}</p>`
    : nothing;
}

/**
 * A question as the heading of its easy-read screen (GOV.UK: the label or legend is the page's
 * heading); "Continue" moves focus to it, so the question itself is read out next.
 */
export function asHeading(lead: Lead | undefined, content: unknown): unknown {
  // The hidden colon is a pause for screen readers: "Question 2 of 11: Who are you?", not run together.
  return lead ? heading(lead.level, html`<span class="step">${lead.caption}<span class="visually-hidden">:</span></span> ${content}`, { class: 'question', focus: 'step-heading' }) : content;
}

/**
 * A fieldset and its question. Normally the legend names it; in an easy-read step the question is
 * the screen's heading, just above the fieldset, which it names (aria-labelledby): heard once, as the
 * heading, not again as a legend around it.
 */
export function questionFieldset(name: string, lead: Lead | undefined, label: unknown, describedBy: string | typeof nothing, body: unknown): TemplateResult {
  const id = controlId(name, 'legend');
  return html`${lead ? asHeading(lead, html`<span id=${id} part="label">${label}</span>`) : nothing}
    <fieldset class="fieldset" aria-labelledby=${lead ? id : nothing} aria-describedby=${describedBy}>
      ${lead ? nothing : html`<legend class="legend" part="label">${label}</legend>`}${body}
    </fieldset>`;
}

/** What goes above a text control: its label, then hint and inline error (GOV.UK's order). */
export function labelled(f: FieldCommon): TemplateResult {
  return html`${asHeading(f.lead, html`<label class="label" for=${controlId(f.name)} part="label">${labelText(f)}</label>`)}
    ${hint(f)} ${inlineError(f)}`;
}

/** The wrapper that turns red with an error (the GOV.UK left border). */
export function fieldGroup(f: FieldCommon, content: TemplateResult): TemplateResult {
  // The trailing space is where an extra class (never passed) once went: the class text is unchanged.
  return html`<div class="field ${f.error ? 'field--error' : ''} " part="field">${content}</div>`;
}
