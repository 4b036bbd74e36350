/**
 * The crisis box (contract §6): above the form in every state, never dismissible, each way to get help
 * one `tel:`/`sms:` link whose text is its whole sentence ("call Samaritans free on 116 123, 24 hours a
 * day"): its name says who and what, it is a large target, and it still reads as a sentence. Wording and numbers come from strings, so partners
 * outside England can adapt it, but a number that has no digits falls back to the built-in one: the
 * box always offers a way to call someone.
 */
import { html, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';
import type { Strings } from '../../core/strings.js';
import { crisisStrings } from './strings.js';

/** Puts `content` where `{placeholder}` is in `template`; with no placeholder, after the text. */
export function withContent(template: string, placeholder: string, content: TemplateResult | string): TemplateResult {
  const at = template.indexOf(`{${placeholder}}`);
  if (at === -1) return html`${template} ${content}`;
  return html`${template.slice(0, at)}${content}${template.slice(at + placeholder.length + 2)}`;
}

/** Digits (and a leading +) of a phone number as typed in strings, or the built-in number's. */
function dialable(number: string, key: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return /\d/.test(digits) ? digits : (crisisStrings[key] ?? '').replace(/\D/g, '');
}

function shown(number: string, key: string): string {
  return /\d/.test(number) ? number : crisisStrings[key]!;
}

/** `t`: the widget's merged strings, which always hold every crisis key (mergeStrings skips empty overrides). */
export function crisisBox(t: Strings, level: number): TemplateResult {
  const item = (key: string, scheme: string, query = '') => {
    const numberKey = `${key}Number`;
    const number = t[numberKey] ?? '';
    const shownNumber = html`<span class="crisis__number">${shown(number, numberKey)}</span>`;
    return html`<li><a class="crisis__link" href=${`${scheme}:${dialable(number, numberKey)}${query}`}>${withContent(t[key]!, 'number', shownNumber)}</a></li>`;
  };
  const call = (key: string) => item(key, 'tel');
  return html`<section class="crisis" part="crisis" aria-labelledby="crisis-title">
    ${heading(level, t.crisisTitle, { class: 'crisis__title', id: 'crisis-title' })}
    <p>${t.crisisIntro}</p>
    <ul class="crisis__list">
      ${call('crisisEmergency')}
      ${call('crisisNhs111')}
      ${call('crisisSamaritans')}
      ${item('crisisText', 'sms', `?body=${encodeURIComponent(t.crisisTextBody!)}`)}
    </ul>
  </section>`;
}
