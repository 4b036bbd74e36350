/**
 * One meeting. Every feed value is bound as text (never markup), wrapped in <bdi> so a stray
 * right-to-left override in the feed cannot reorder the text around it; the booking link is an
 * https: URL or nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import type { Meeting } from '../../schema/meeting.js';
import { isEvening, isWeekend, londonDate, londonRange } from './london-time.js';

export interface CardContext {
  heading: StaticValue;
  t(key: string, values?: Record<string, string | number>): string;
  text: Record<string, string>;
  onCalendar(m: Meeting): void;
}

const httpsOnly = (url: string | undefined) => {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
};

const row = (label: string, value: string | undefined) =>
  value ? html`<div class="row"><dt>${label}</dt><dd><bdi>${value}</bdi></dd></div>` : nothing;

export function renderMeeting(m: Meeting, c: CardContext): TemplateResult {
  const start = new Date(m.start);
  const end = new Date(m.end);
  const booking = m.status === 'scheduled' ? httpsOnly(m.bookingUrl) : undefined;
  const where = [m.location?.name, m.location?.address, m.location?.postcode].filter(Boolean).join(', ');
  const tags = [
    m.status === 'cancelled' ? ['cancelled', c.t('cancelled')] : null,
    m.status === 'full' ? ['full', c.t('full')] : null,
    isEvening(start) ? ['evening', c.t('evening')] : null,
    isWeekend(start) ? ['weekend', c.t('weekend')] : null,
    ['format', c.t(`format.${m.format}`)],
  ].filter((x): x is string[] => x !== null);
  return html`<li class="meeting ${m.status}" part="meeting">
    ${staticHtml`<${c.heading} class="meeting-title" part="meeting-title">${m.status === 'cancelled' ? html`<span class="visually-hidden">${c.t('cancelled')}: </span>` : nothing}<bdi>${m.title}</bdi></${c.heading}>`}
    ${m.collaborative ? html`<p class="collaborative"><bdi>${m.collaborative}</bdi></p>` : nothing}
    <ul class="tags">${tags.map(([kind, label]) => html`<li class="tag tag--${kind}">${label}</li>`)}</ul>
    <dl>
      ${row(c.t('when'), londonRange(start, end))}
      ${row(c.t('where'), where || undefined)}
      ${row(c.t('howToJoin'), m.joinInfo)}
      ${row(c.t('accessibility'), m.accessibility)}
      ${row(c.t('topics'), m.workstreams.map((w) => c.text[`workstreams.${w}`] ?? w).join(', ') || undefined)}
    </dl>
    ${m.description ? html`<p class="description"><bdi>${m.description}</bdi></p>` : nothing}
    ${m.status === 'cancelled'
      ? nothing
      : html`<div class="actions">
          ${booking
            ? html`<a class="button" part="button" href=${booking} rel="noopener noreferrer" target="_blank">${c.t('book')}<span class="visually-hidden"> ${c.t('bookHidden', { title: m.title })}</span></a>`
            : nothing}
          <button class="button secondary" part="button" type="button" @click=${() => c.onCalendar(m)}>
            ${c.t('addToCalendar')}<span class="visually-hidden"> ${c.t('addToCalendarHidden', { title: m.title, date: londonDate(start) })}</span>
          </button>
        </div>`}
  </li>`;
}
