import { fixture, html } from '@open-wc/testing';
import '../../src/involve-meetings.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { londonWallClock } from '../fixtures/meetings.js';
import { ENDPOINT, mockControl, waitUntil } from '../helpers.js';

/** Next year: fixed-date meetings in these tests must stay in the future ("past" is ends before now). */
export const Y = new Date().getUTCFullYear() + 1;

/** An ISO instant for a London wall-clock time next year (month 1-12). */
export const london = (month: number, day: number, hour: number, minute = 0) => londonWallClock(Y, month - 1, day, hour, minute).toISOString();

/** The first day of that month (1-12) next year that falls on `weekday` (0 Sunday … 6 Saturday). */
export function firstWeekday(month: number, weekday: number): number {
  const first = new Date(Date.UTC(Y, month - 1, 1)).getUTCDay();
  return 1 + ((weekday - first + 7) % 7);
}

/**
 * Fresh meetings stored on the test endpoint (the real server, which filters, orders and caps them),
 * then an element on it, resolved once the feed has rendered (list, empty or error).
 * `minHeight` sets `--involve-meetings-min-height` (the reserved height that decides the first page).
 * `feed: true` answers the list as is instead: a feed no reference server sends (malformed or hostile
 * items, more than its 50 a page), for the widget's own defences.
 */
export async function meetingsFixture(
  meetings: unknown[],
  attrs: { limit?: number; headingLevel?: number; minHeight?: string; feed?: boolean } = {},
): Promise<InvolveMeetings> {
  await mockControl(attrs.feed ? { reset: true, feed: meetings } : { reset: true, meetings });
  const el = await fixture<InvolveMeetings>(
    html`<involve-meetings endpoint=${ENDPOINT} heading-level=${attrs.headingLevel ?? 2} style=${attrs.minHeight ? `--involve-meetings-min-height: ${attrs.minHeight}` : ''}></involve-meetings>`,
  );
  if (attrs.limit) el.limit = attrs.limit;
  await rendered(el);
  return el;
}

/**
 * Resolves once the feed has rendered (list, empty or error) and the list holds as many meetings as
 * its count says: a first page below the window's edge is drawn a few meetings a task.
 */
export async function rendered(el: InvolveMeetings): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('.count, .empty, [part=error]'), 'feed rendered');
  await drawn(el);
}

/** Waits until the list holds the number of meetings its count announces ("Showing 20 of 45"). */
export const drawn = (el: InvolveMeetings) =>
  waitUntil(() => {
    const count = /^Showing ([\d,]+)/.exec(say(el, '.count'));
    return !count || cards(el).length === Number(count[1]!.replace(/,/g, ''));
  }, 'every meeting the count announces drawn');

/** Room for every meeting on the first page (for tests about something else than paging). */
export const ROOMY = '100000em';

/** The "Show more" button, if there is one. */
export const moreButton = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => /^Show more meetings \(/.test(b.textContent!.trim()));

/** Clicks "Show more" until every meeting is shown. */
export async function showAll(el: InvolveMeetings): Promise<void> {
  for (let button = moreButton(el); button; button = moreButton(el)) {
    button.click();
    await el.updateComplete;
  }
}

export const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=meeting]')];
export const titles = (el: Element) => cards(el).map((c) => c.querySelector('[part=meeting-title] bdi')!.textContent!);
export const say = (el: Element, selector: string) => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Picks an option of a filter like a person would, and waits for the re-render. */
export async function choose(el: InvolveMeetings, id: 'filter-topic' | 'filter-format', value: string): Promise<void> {
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await drawn(el);
}

/** A valid meeting (Tuesday 2 February-ish next year, 6pm London time), with overrides. */
export function meeting(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const day = firstWeekday(2, 2);
  return {
    id: 'm1',
    title: 'Living Well meeting',
    collaborative: 'Coventry Living Well Collaborative',
    start: london(2, day, 18),
    end: london(2, day, 20),
    format: 'online',
    workstreams: ['carers'],
    status: 'scheduled',
    ...overrides,
  };
}
