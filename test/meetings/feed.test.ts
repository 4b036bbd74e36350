import { expect, fixture, html } from '@open-wc/testing';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { MeetingsFeed, feedUrl } from '../../src/components/involve-meetings/feed.js';
import { makeMeetings } from '../fixtures/meetings.js';
import { ENDPOINT, mockControl, mockState, waitUntil } from '../helpers.js';
import { ROOMY, cards, choose, meeting, meetingsFixture, rendered, say, titles } from './meetings-fixture.js';

const meetingRequests = async () => (await mockState()).requests.filter((r) => r.method === 'GET' && r.path === '/meetings');

describe('<involve-meetings> feed', () => {
  it('builds the query from from, collaborative, workstream and limit', () => {
    expect(feedUrl('https://api.example.org/v1/', {})).to.equal('https://api.example.org/v1/meetings');
    const url = new URL(feedUrl('https://api.example.org/v1', { from: '2027-01-01T00:00:00Z', collaborative: 'Coventry Living Well Collaborative', workstream: 'carers', limit: 6 }));
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ from: '2027-01-01T00:00:00Z', collaborative: 'Coventry Living Well Collaborative', workstream: 'carers', limit: '6' });
    expect(new URL(feedUrl('https://a.example', { limit: 1000 })).searchParams.get('limit')).to.equal('200'); // the server's most
    expect(new URL(feedUrl('https://a.example', { limit: 0 })).search).to.equal('');
  });

  it('sends the attributes as the query, and If-None-Match on refresh; a 304 keeps the list', async () => {
    const el = await meetingsFixture([meeting()]);
    el.setAttribute('collaborative', 'Coventry Living Well Collaborative');
    el.setAttribute('workstream', 'carers');
    el.setAttribute('limit', '6');
    el.setAttribute('from', '2026-01-01T00:00:00Z');
    await waitUntil(async () => (await meetingRequests()).some((r) => r.query?.includes('limit=6')), 'query sent');
    const last = (await meetingRequests()).at(-1)!;
    expect(Object.fromEntries(new URLSearchParams(last.query))).to.deep.equal({ from: '2026-01-01T00:00:00Z', collaborative: 'Coventry Living Well Collaborative', workstream: 'carers', limit: '6' });
    expect(last.ifNoneMatch).to.equal(null); // a new query: nothing to revalidate
    await rendered(el);
    const loaded: CustomEvent[] = [];
    el.addEventListener('involve-meetings-loaded', (e) => loaded.push(e));
    await el.refresh();
    await el.updateComplete;
    const [answered, revalidated] = (await meetingRequests()).slice(-2);
    expect(answered!.etag, 'the server tags its feed').to.be.a('string');
    expect(revalidated!.ifNoneMatch).to.equal(answered!.etag);
    expect(revalidated!.status, 'the server answers 304 Not Modified').to.equal(304);
    expect(titles(el)).to.deep.equal(['Living Well meeting']);
    expect(loaded).to.have.length(1);
    expect(loaded[0]!.detail.count).to.equal(1);
  });

  it('keeps the list, filters and focus on screen while a refresh is in flight, then shows the new feed', async () => {
    const el = await meetingsFixture(makeMeetings(16, { from: new Date() }), { minHeight: ROOMY });
    await choose(el, 'filter-format', 'online');
    expect(cards(el).length).to.be.greaterThan(0);
    const filter = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-format')!;
    filter.focus();
    const before = titles(el);
    await mockControl({ meetings: makeMeetings(24, { from: new Date() }), faults: [{ method: 'GET', path: '/meetings', delayMs: 500 }] });
    const done = el.refresh();
    await new Promise((r) => setTimeout(r, 150));
    expect(el.shadowRoot!.querySelector('.loading')).to.equal(null);
    expect(titles(el)).to.deep.equal(before);
    expect(el.shadowRoot!.activeElement).to.equal(filter);
    await done;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-format')!.value).to.equal('online');
    expect(cards(el).length).to.equal(makeMeetings(24, { from: new Date() }).filter((m) => m.format === 'online').length);
    expect(el.shadowRoot!.activeElement).to.equal(filter);
  });

  it('drops a slow answer to an old query when the attributes change', async () => {
    await mockControl({
      reset: true,
      meetings: [meeting({ id: 'a', title: 'From A', collaborative: 'A' }), meeting({ id: 'b', title: 'From B', collaborative: 'B' })],
      faults: [{ method: 'GET', path: '/meetings', delayMs: 600 }],
    });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT} collaborative="A"></involve-meetings>`);
    await new Promise((r) => setTimeout(r, 50));
    el.collaborative = 'B';
    await waitUntil(() => titles(el).length, 'list');
    expect(titles(el)).to.deep.equal(['From B']);
    await new Promise((r) => setTimeout(r, 800)); // the first answer would have arrived by now
    expect(titles(el)).to.deep.equal(['From B']);
  });

  it('reserves space while loading, shows an error with Try again (only its own height), then the list at the reserved height; axe-clean in each', async () => {
    await mockControl({ reset: true, meetings: [meeting()], faults: [{ method: 'GET', path: '/meetings', delayMs: 400, status: 503 }] });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT}></involve-meetings>`);
    const loading = el.shadowRoot!.querySelector<HTMLElement>('.loading')!;
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.textContent).to.contain('Loading meetings');
    const reserved = el.getBoundingClientRect().height;
    expect(reserved).to.equal(parseFloat(getComputedStyle(el).fontSize) * 68); // --involve-meetings-min-height
    await expect(el).to.be.accessible();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'error state', 5000);
    expect(say(el, '[part=error]')).to.contain('We could not load the meetings');
    // A 503 is the server's fault: not "check your internet connection".
    expect(say(el, '[part=error]')).to.contain('Something went wrong on our side, not yours.');
    expect(el.shadowRoot!.querySelector('[part=error]')!.getAttribute('role')).to.equal('alert');
    // Issue 18: the message is short, so the element is too (no 68em of empty space under it).
    expect(el.getBoundingClientRect().height).to.be.below(reserved / 2);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button')!.click();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('h2')); // not lost to <body>
    await waitUntil(() => el.shadowRoot!.querySelector('[part=meeting]'), 'list after retry');
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.equal(reserved);
    await expect(el).to.be.accessible();
  });

  it('keeps the list when a refresh fails, with the error and Try again above it', async () => {
    const el = await meetingsFixture([meeting()]);
    await mockControl({ faults: [{ method: 'GET', path: '/meetings', status: 503 }] });
    await el.refresh();
    await el.updateComplete;
    expect(say(el, '[part=error]')).to.contain('We could not load the meetings');
    expect(titles(el)).to.deep.equal(['Living Well meeting']);
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button')!.click();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part=error]'), 'error gone after retry');
    expect(titles(el)).to.deep.equal(['Living Well meeting']);
  });

  it('after a dropped connection, asks people to check theirs, and loads again by itself when back online', async () => {
    // One drop: the harness keeps browsers from resending it themselves (test/engines.mjs).
    await mockControl({ reset: true, meetings: [meeting()], faults: [{ method: 'GET', path: '/meetings', drop: true }] });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT}></involve-meetings>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'error state', 5000);
    expect(say(el, '[part=error]')).to.contain('Check your internet connection');
    await mockControl({ reset: true, meetings: [meeting()] }); // the connection is back
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot!.querySelector('[part=meeting]'), 'list once back online, without Try again');
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('treats an answer that is not a feed as an error', async () => {
    // Twice: a late reload by the previous test's element (its 'online' retry) may take the first.
    const notAFeed = { method: 'GET', path: '/meetings', status: 200, body: { items: [] } };
    await mockControl({ reset: true, faults: [notAFeed, notAFeed] });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT}></involve-meetings>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'error state');
  });

  it('loads again when moved to another place in the page', async () => {
    const el = await meetingsFixture([meeting()]);
    const count = (await meetingRequests()).length;
    // A plain element, not fixture(): fixture() waits for an animation frame, which a background tab never gets.
    const other = document.body.appendChild(document.createElement('div'));
    other.append(el);
    await waitUntil(async () => (await meetingRequests()).length > count, 'reload');
    await rendered(el);
    expect(titles(el)).to.deep.equal(['Living Well meeting']);
    other.remove();
  });

  it('asks nothing more once taken out of the page, even with an update still to come', async () => {
    const el = await meetingsFixture([meeting()]);
    const count = (await meetingRequests()).length;
    el.requestUpdate(); // e.g. a refresh that answered just before the page removed the widget
    el.remove();
    await new Promise((r) => setTimeout(r, 300));
    expect((await meetingRequests()).length).to.equal(count);
  });

  it('MeetingsFeed gives up on a feed that does not answer in time, with a TimeoutError', async () => {
    await mockControl({ reset: true, meetings: [meeting()], faults: [{ method: 'GET', path: '/meetings', delayMs: 3000 }] });
    const started = performance.now();
    let error: unknown;
    await new MeetingsFeed(300).load(`${ENDPOINT}/meetings`, new AbortController().signal).catch((e: unknown) => (error = e));
    expect((error as DOMException | undefined)?.name).to.equal('TimeoutError');
    expect(performance.now() - started).to.be.below(2500);
  });
});
