import { fixture, html } from '@open-wc/testing';
import '../../src/involve-meetings.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { ENDPOINT, mockControl, waitUntil } from '../helpers.js';

export async function meetingsFixture(meetings: unknown[], attrs: { limit?: number; headingLevel?: number } = {}): Promise<InvolveMeetings> {
  await mockControl({ reset: true, meetings });
  const el = await fixture<InvolveMeetings>(
    html`<involve-meetings endpoint=${ENDPOINT} limit=${attrs.limit ?? ''} heading-level=${attrs.headingLevel ?? 2}></involve-meetings>`,
  );
  if (!attrs.limit) el.removeAttribute('limit');
  await waitUntil(() => el.shadowRoot!.querySelector('.count, .empty, [part=error]'), 'feed rendered');
  return el;
}

export const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=meeting]')];
export const titles = (el: Element) => cards(el).map((c) => c.querySelector('[part=meeting-title]')!.textContent!.trim());
export const say = (el: Element, selector: string) => (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function meeting(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'm1',
    title: 'Living Well meeting',
    collaborative: 'Coventry Living Well Collaborative',
    start: '2027-02-02T18:00:00Z',
    end: '2027-02-02T20:00:00Z',
    format: 'online',
    workstreams: ['carers'],
    status: 'scheduled',
    ...overrides,
  };
}
