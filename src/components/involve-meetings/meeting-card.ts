/**
 * One meeting. Every feed value is bound as text (never markup), wrapped in <bdi> so a stray
 * right-to-left override in the feed cannot reorder the text around it. The booking link is an
 * https: URL or nothing: every meeting here passed the Meeting schema (feed.ts), which lets no other
 * scheme through (a meeting with another is shown without its link).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { heading } from '../../core/heading.js';
import type { Meeting } from '../../schema/meeting.js';
import { placeOf } from './ics.js';
import { isEvening, isWeekend, londonDate, londonRange } from './london-time.js';

/** A string by key with `{placeholders}` filled in. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface CardContext {
  /** The title's heading tag (one level below the month headings). */
  level: number;
  t: Translate;
  /** A workstream id's label. */
  label(id: string): string;
  onCalendar(m: Meeting): void;
}

const row = (label: string, value: string | undefined) =>
  value ? html`<div class="row"><dt>${label}</dt><dd><bdi>${value}</bdi></dd></div>` : nothing;

export function renderMeeting(m: Meeting, c: CardContext): TemplateResult {
  const { t } = c;
  const start = new Date(m.start);
  const cancelled = m.status === 'cancelled';
  // A cancelled or full meeting's heading says so: the tag alone is not read with the title. People who
  // booked a full one can still add it to their calendar; a cancelled one offers nothing to join.
  const closed = m.status !== 'scheduled';
  const booking = m.status === 'scheduled' && m.bookingUrl;
  const tags = [
    cancelled && 'cancelled',
    m.allDay && 'allDay',
    m.status === 'full' && 'full',
    isEvening(start) && 'evening', // never an all-day one: those start at midnight
    isWeekend(start) && 'weekend',
  ].filter(Boolean) as string[];
  return html`<li class="meeting ${m.status}" part="meeting">
    ${heading(c.level, html`${closed ? html`<span class="visually-hidden">${t(m.status)}: </span>` : nothing}<bdi>${m.title}</bdi>`, { class: 'meeting-title', part: 'meeting-title', focusable: true })}
    ${m.collaborative ? html`<p class="collaborative"><bdi>${m.collaborative}</bdi></p>` : nothing}
    <ul class="tags">
      ${tags.map((tag) => html`<li class="tag ${tag}">${t(tag)}</li>`)}
      <li class="tag">${t(`format.${m.format}`)}</li>
    </ul>
    <dl>
      ${row(t('when'), londonRange(start, new Date(m.end), m.allDay))}
      ${row(t('where'), placeOf(m))}
      ${row(t('howToJoin'), cancelled ? undefined : m.joinInfo)}
      ${row(t('accessibility'), m.accessibility)}
      ${row(t('topics'), m.workstreams.map(c.label).join(', '))}
    </dl>
    ${m.description ? html`<p><bdi>${m.description}</bdi></p>` : nothing}
    ${cancelled
      ? nothing
      : html`<div class="actions">
          ${booking
            ? html`<a class="button" part="button" href=${booking} rel="noreferrer">${t('book')}<span class="visually-hidden"> ${t('bookHidden', { title: m.title })}</span></a>`
            : nothing}
          <button class="button secondary" part="button" type="button" @click=${() => c.onCalendar(m)}>
            ${t('addToCalendar')}<span class="visually-hidden"> ${t('addToCalendarHidden', { title: m.title, date: londonDate(start) })}</span>
          </button>
        </div>`}
  </li>`;
}
