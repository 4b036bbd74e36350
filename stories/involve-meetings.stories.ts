/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import '../src/involve-meetings.js';
import { sampleMeetings } from './fixtures.js';
import { commonArgs, commonArgTypes, contractEvents, waitForPart, widget, type CommonArgs } from './widget.js';

interface MeetingsArgs extends CommonArgs {
  limit?: number;
  subscribe?: boolean;
}

type Meetings = HTMLElement & { updateComplete: Promise<boolean> };
const meetingsWidget = (canvas: HTMLElement) => widget<Meetings>(canvas, 'involve-meetings');

// The meetings tests' own fixtures (test/fixtures/meetings.ts, `makeMeetings(n, { from })`) when they
// exist, so tests and catalogue show the same feed; until then the catalogue's sample feed.
const shared = import.meta.glob<{ makeMeetings?: (n: number, o?: { from?: Date }) => unknown[] }>('../test/fixtures/meetings.ts', { eager: true });
const makeMeetings = Object.values(shared)[0]?.makeMeetings ?? ((n: number, o?: { from?: Date }) => sampleMeetings(n, o));

/** Monday of next week, 09:00 UTC: the feed is always in the future, whatever day the catalogue is opened. */
const nextWeek = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  d.setUTCHours(9, 0, 0, 0);
  return d;
})();

/** Meetings shown in the list (each has `part="meeting"`). */
const shownMeetings = (el: HTMLElement) => el.shadowRoot!.querySelectorAll('[part~=meeting]').length;

/** Loaded: at least one meeting rendered, or the element's "no meetings" state. */
const loadedWith = (el: HTMLElement, atLeast: number) => waitFor(() => expect(shownMeetings(el)).toBeGreaterThanOrEqual(atLeast), { timeout: 15_000 });

const meta: Meta<MeetingsArgs> = {
  title: 'Widgets/Meetings',
  component: 'involve-meetings',
  decorators: [withActions],
  parameters: { actions: { handles: contractEvents }, endpoint: { meetings: makeMeetings(12, { from: nextWeek }) } },
  args: { ...commonArgs, partner: undefined, limit: 6 },
  argTypes: { ...commonArgTypes, limit: { control: { type: 'number', min: 1 } }, subscribe: { control: 'boolean' } },
  render: (args) => html`<involve-meetings
    endpoint=${ifDefined(args.endpoint || undefined)}
    partner=${ifDefined(args.partner || undefined)}
    locale=${ifDefined(args.locale || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    limit=${ifDefined(args.limit)}
    ?subscribe=${args.subscribe}
    ?easy-read=${args['easy-read']}
    ?hide-easy-read-switch=${args['hide-easy-read-switch']}
  ></involve-meetings>`,
};
export default meta;

type Story = StoryObj<MeetingsArgs>;

/** The next six meetings, grouped by month, times in Europe/London, with evening/weekend badges. */
export const Upcoming: Story = {
  play: async ({ canvasElement }) => {
    await loadedWith(await meetingsWidget(canvasElement), 1);
  },
};

/** While the feed loads (the test endpoint holds its answer): space reserved, no layout shift. */
export const Loading: Story = {
  parameters: { endpoint: { meetings: makeMeetings(6, { from: nextWeek }), faults: [{ method: 'GET', path: '/meetings', delayMs: 100_000 }] } },
};

/** No meetings coming up. */
export const Empty: Story = {
  parameters: { endpoint: { meetings: [] } },
};

/** The feed answers 503 every time: the error state with a Retry button, in the words for a fault on our side. */
export const FeedError: Story = {
  name: 'Error',
  parameters: { endpoint: { faults: Array.from({ length: 10 }, () => ({ method: 'GET', path: '/meetings', status: 503 })) } },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~=error]')?.textContent).toContain('on our side'), { timeout: 30_000 });
  },
};

/** The connection drops every time: the error state asks people to check their connection (it loads by itself once back online). */
export const ConnectionLost: Story = {
  parameters: { endpoint: { faults: Array.from({ length: 10 }, () => ({ method: 'GET', path: '/meetings', drop: true })) } },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~=error]')?.textContent).toContain('Check your internet connection'), { timeout: 30_000 });
  },
};

/** The "Show more meetings" button (secondary style, `part="button"`). */
const showMore = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith('Show more meetings'));

/**
 * A feed of 1,000 meetings and `limit="0"` (no limit: the API caps `limit` at 200, so none is sent). The
 * first page is 20 meetings when the reserved height (`--involve-meetings-min-height`) reaches past the
 * bottom of the window, else as many as fit in it (at least one), so nothing on screen below moves;
 * "Show more meetings (N left)" adds 20 at a time and moves focus to the first one it added.
 */
export const AThousandMeetings: Story = {
  args: { limit: 0 },
  // More than the reference server ever sends (it caps a feed at 200): a feed answered as is.
  parameters: { endpoint: { feed: makeMeetings(1000, { from: nextWeek }) } },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await loadedWith(el, 1);
    await waitFor(() => expect(showMore(el)?.textContent).toMatch(/\(\d[\d,]* left\)/), { timeout: 15_000 });
  },
};

/** After "Show more meetings": 20 more listed, focus on the first of them, the count updated. */
export const ShowMore: Story = {
  args: { limit: 0 },
  parameters: { endpoint: { meetings: makeMeetings(60, { from: nextWeek }) } },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await waitFor(() => expect(showMore(el)).toBeDefined(), { timeout: 15_000 });
    const first = shownMeetings(el);
    showMore(el)!.click();
    await waitFor(() => expect(shownMeetings(el)).toBe(first + 20));
    await waitFor(() => expect(el.shadowRoot!.activeElement?.getAttribute('part')).toBe('meeting-title'));
  },
};

/** Cancelled and full meetings, which say so and offer no booking link. */
export const CancelledAndFull: Story = {
  parameters: {
    endpoint: {
      meetings: makeMeetings(6, { from: nextWeek }).map((m, i) => ({ ...(m as object), status: i === 1 ? 'cancelled' : i === 3 ? 'full' : 'scheduled' })),
    },
  },
  play: async ({ canvasElement }) => {
    await loadedWith(await meetingsWidget(canvasElement), 1);
  },
};

/** The format filter set to "Online": only online meetings are listed. */
export const FiltersApplied: Story = {
  args: { limit: 12 },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await loadedWith(el, 1);
    // The first page shows what fits, so the number on screen may not change: the announced count does.
    const count = () => el.shadowRoot!.querySelector('[aria-live]')?.textContent?.trim();
    const before = count();
    const root = el.shadowRoot!;
    const controls = [...root.querySelectorAll('[part~=filter]')].flatMap((f) => (f.matches('select, input') ? [f] : [...f.querySelectorAll('select, input')]));
    const select = controls.find((c): c is HTMLSelectElement => c instanceof HTMLSelectElement && [...c.options].some((o) => o.value === 'online'));
    const box = controls.find((c): c is HTMLInputElement => c instanceof HTMLInputElement && c.value === 'online');
    if (select) select.value = 'online';
    else if (box) box.checked = true;
    else throw new Error('no "online" format filter (a select or input with value "online" under part="filter")');
    const control = select ?? box!;
    control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    await waitFor(() => expect(count()).not.toBe(before));
  },
};

/** All-day meetings (`allDay: true` in the feed): an "All day" tag and the days, one or several, without times. */
export const AllDay: Story = {
  parameters: {
    endpoint: {
      meetings: (() => {
        // London midnight, written with the London offset (GMT or BST) as the server writes all-day meetings.
        const day = (offset: number) => {
          const d = new Date(nextWeek.getTime() + offset * 86_400_000);
          const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
          return `${d.toISOString().slice(0, 10)}T00:00:00${zone === 'GMT' ? '+00:00' : '+01:00'}`;
        };
        return [
          { id: 'week', title: 'Involvement Week', collaborative: 'All Collaboratives', start: day(0), end: day(5), allDay: true, format: 'in-person', location: { name: 'Trust HQ, Coventry' }, workstreams: [], status: 'scheduled' },
          { id: 'away', title: "Collaboratives' away day", collaborative: 'All Collaboratives', start: day(8), end: day(9), allDay: true, format: 'in-person', location: { name: 'Coombe Abbey' }, workstreams: [], status: 'scheduled' },
        ];
      })(),
    },
  },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await loadedWith(el, 2);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.tag.allDay')?.textContent).toBe('All day'));
  },
};

/**
 * `subscribe`: "Subscribe to these meetings in your calendar", a `webcal:` link to the endpoint's
 * `/meetings.ics` (same `collaborative` and `workstream`) that iPhone, Mac and Outlook open as a
 * subscription which keeps itself up to date.
 */
export const Subscribe: Story = {
  args: { subscribe: true },
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await loadedWith(el, 1);
    const link = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent === 'Subscribe to these meetings in your calendar');
    await expect(link?.getAttribute('href')).toMatch(/^webcal:\/\/.+\/meetings\.ics$/);
  },
};

/** No `endpoint`: the webmaster's configuration message (and a console.error). */
export const ConfigError: Story = {
  args: { endpoint: '' },
  parameters: { expectedConsoleErrors: [/^<involve-meetings>: /] },
  play: async ({ canvasElement }) => {
    await waitForPart(await meetingsWidget(canvasElement), '[part=config-error]');
  },
};

/** The reader pressed "Easy read" at the top: easy-read wording (an on-demand pack), and "Standard version" to go back. */
export const EasyReadSwitchedByReader: Story = {
  play: async ({ canvasElement }) => {
    const el = await meetingsWidget(canvasElement);
    await loadedWith(el, 1);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="easy-read-switch"]')!.click();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="easy-read-switch"]')!.textContent!.trim()).toBe('Standard version'));
  },
};

/** `hide-easy-read-switch`: no "Easy read" switch. */
export const EasyReadSwitchHidden: Story = {
  args: { 'hide-easy-read-switch': true },
};

/** `easy-read`: plain words and larger targets. */
export const EasyRead: Story = {
  args: { 'easy-read': true },
  play: async ({ canvasElement }) => {
    await loadedWith(await meetingsWidget(canvasElement), 1);
  },
};
