import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { meetingToIcs } from '../../src/components/involve-meetings/ics.js';
import { isEvening, isWeekend, londonRange, londonTime } from '../../src/components/involve-meetings/london-time.js';
import { makeMeetings } from '../fixtures/meetings.js';
import { mockControl, mockState, waitUntil } from '../helpers.js';
import { cards, meeting, meetingsFixture, say, titles } from './meetings-fixture.js';

describe('<involve-meetings>', () => {
  it('lists upcoming meetings by month, as lists with headings below heading-level, and fires involve-meetings-loaded', async () => {
    const loaded = new Promise<CustomEvent>((r) => document.addEventListener('involve-meetings-loaded', (e) => r(e as CustomEvent), { once: true }));
    const el = await meetingsFixture([
      meeting({ id: 'a', title: 'March one', start: '2027-03-02T10:00:00Z', end: '2027-03-02T12:00:00Z' }),
      meeting({ id: 'b', title: 'February one' }),
      meeting({ id: 'past', title: 'Already happened', start: '2020-01-01T10:00:00Z', end: '2020-01-01T12:00:00Z' }),
    ], { headingLevel: 3 });
    expect(titles(el)).to.deep.equal(['February one', 'March one']);
    expect([...el.shadowRoot!.querySelectorAll('h4.month')].map((h) => h.textContent!.trim())).to.deep.equal(['February 2027', 'March 2027']);
    expect(el.shadowRoot!.querySelector('h3')!.textContent!.trim()).to.equal('Upcoming Collaborative meetings');
    expect(cards(el)[0]!.querySelector('h5[part=meeting-title]')).to.exist;
    expect(cards(el)[0]!.closest('ul')).to.exist;
    expect((await loaded).detail.count).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('marks cancelled and full meetings instead of hiding them, and shows Evening and Weekend badges', async () => {
    const el = await meetingsFixture([
      meeting({ id: 'c', title: 'Cancelled one', status: 'cancelled' }),
      meeting({ id: 'f', title: 'Full one', status: 'full', start: '2027-02-06T11:00:00Z', end: '2027-02-06T13:00:00Z' }),
    ]);
    const [cancelled, full] = cards(el);
    expect(cancelled!.textContent).to.contain('Cancelled');
    expect(cancelled!.querySelector('[part=meeting-title]')!.textContent).to.contain('Cancelled:');
    expect(cancelled!.querySelector('button')).to.equal(null); // nothing to add to a calendar
    expect([...cancelled!.querySelectorAll('.tag')].map((t) => t.textContent)).to.include('Evening');
    expect([...full!.querySelectorAll('.tag')].map((t) => t.textContent)).to.include.members(['Full', 'Weekend']);
  });

  it('shows 40 good meetings from a feed with 10 malformed among 50, with one console.warn', async () => {
    const good = makeMeetings(40, { from: new Date('2027-01-01T00:00:00Z') });
    const bad = [
      { id: 'x' }, null, 'nonsense', meeting({ start: 'tomorrow' }), meeting({ format: 'carrier pigeon' }), meeting({ status: 'maybe' }),
      meeting({ end: '2027-02-02T17:00:00Z' }), meeting({ workstreams: 'carers' }), meeting({ bookingUrl: 'http://insecure.example' }), meeting({ title: '' }),
    ];
    const feed = [...good.slice(0, 20), ...bad, ...good.slice(20)];
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const el = await meetingsFixture(feed);
      expect(cards(el)).to.have.length(40);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('10');
    } finally {
      console.warn = original;
    }
  });

  it('renders an XSS corpus literally and runs none of it', async () => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const el = await meetingsFixture([
      meeting({ id: '1', title: '<script>window.__xss = 1</script>', description: '<img src=x onerror="window.__xss=1">' }),
      meeting({ id: '2', title: 'Bidi \u202Eevil.exe', joinInfo: '<a href="javascript:window.__xss=1">join</a>', accessibility: '"><svg onload=window.__xss=1>' }),
      meeting({ id: '3', title: 'Bad link', bookingUrl: 'javascript:window.__xss=1' }),
      meeting({ id: '4', title: 'Good link', bookingUrl: 'https://involve.example.nhs.uk/book/4' }),
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(w.__xss).to.equal(undefined);
    expect(titles(el)).to.include('<script>window.__xss = 1</script>');
    expect(el.shadowRoot!.querySelectorAll('script, img, svg, [onerror], [onload]')).to.have.length(0);
    expect(cards(el)[1]!.querySelector('bdi')!.textContent).to.equal('Bidi \u202Eevil.exe');
    expect(cards(el)[1]!.textContent).to.contain('<a href="javascript:window.__xss=1">join</a>');
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://involve.example.nhs.uk/book/4']);
    expect(titles(el)).not.to.include('Bad link'); // its https-only rule failed: skipped
  });

  it('shows London time across the BST/GMT changes, whatever the visitor\u2019s zone', () => {
    // BST starts 28 March 2027 at 01:00 UTC and ends 31 October 2027 at 01:00 UTC.
    expect(londonTime(new Date('2027-03-28T00:30:00Z'))).to.equal('12:30am');
    expect(londonTime(new Date('2027-03-28T01:30:00Z'))).to.equal('2:30am');
    expect(londonTime(new Date('2027-10-31T00:30:00Z'))).to.equal('1:30am');
    expect(londonTime(new Date('2027-10-31T01:30:00Z'))).to.equal('1:30am');
    expect(londonRange(new Date('2027-06-09T17:00:00Z'), new Date('2027-06-09T19:00:00Z'))).to.equal('Wednesday 9 June 2027, 6pm to 8pm');
    expect(londonRange(new Date('2027-12-08T18:00:00Z'), new Date('2027-12-08T19:30:00Z'))).to.equal('Wednesday 8 December 2027, 6pm to 7:30pm');
    expect(isEvening(new Date('2027-06-10T16:30:00Z'))).to.equal(true); // 5:30pm BST
    expect(isEvening(new Date('2027-12-10T16:30:00Z'))).to.equal(false); // 4:30pm GMT
    expect(isWeekend(new Date('2027-03-27T23:30:00Z'))).to.equal(true); // Saturday 11:30pm GMT
    expect(isWeekend(new Date('2027-03-28T23:30:00Z'))).to.equal(false); // Monday 00:30 BST
  });

  it('makes an .ics that a real iCalendar parser reads back as the same meeting', () => {
    const m = meeting({
      id: 'ics-1', title: 'Carers, families; and friends\\ meeting', start: '2027-07-01T17:00:00+01:00', end: '2027-07-01T19:00:00+01:00',
      format: 'hybrid', location: { name: 'Foleshill Community Centre', address: '1 Broad Street, Coventry', postcode: 'CV6 5AB' },
      description: 'Line one\nLine two with ünïcödé and a long run of text '.repeat(4),
    }) as never;
    const text = meetingToIcs(m, 'involve.example.nhs.uk');
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(text.endsWith('\r\n')).to.equal(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.uid).to.equal('ics-1@involve.example.nhs.uk');
    expect(event.summary).to.equal('Carers, families; and friends\\ meeting');
    expect(event.startDate.toJSDate().toISOString()).to.equal('2027-07-01T16:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2027-07-01T18:00:00.000Z');
    expect(event.location).to.equal('Foleshill Community Centre, 1 Broad Street, Coventry, CV6 5AB');
    expect(event.description).to.contain('Line one\nLine two with ünïcödé');
    expect(text).to.match(/DTSTART:20270701T160000Z/);
  });

  it('filters by format and topic, announcing the count politely', async () => {
    const el = await meetingsFixture(makeMeetings(12, { from: new Date('2027-01-01T00:00:00Z') }));
    const live = el.shadowRoot!.querySelector('.count')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(say(el, '.count')).to.equal('Showing 12 meetings');
    const format = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-format')!;
    expect(format.getAttribute('part')).to.equal('filter');
    expect(el.shadowRoot!.querySelector('label[for=filter-format]')!.textContent).to.equal('How it happens');
    format.value = 'online';
    format.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(say(el, '.count')).to.equal('Showing 4 meetings');
    expect(cards(el).every((c) => c.textContent!.includes('Online'))).to.equal(true);
    const topic = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-topic')!;
    topic.value = 'crisis-care';
    topic.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(say(el, '.count')).to.equal('Showing 2 meetings'); // online AND crisis care
    expect(cards(el)).to.have.length(2);
    expect(cards(el).every((c) => c.textContent!.includes('Crisis care'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('passes from, collaborative, workstream and limit to the feed, and uses If-None-Match on refresh', async () => {
    const el = await meetingsFixture([meeting()]);
    await mockControl({ etag: '"v7"' });
    el.setAttribute('collaborative', 'Coventry Living Well Collaborative');
    el.setAttribute('workstream', 'carers');
    el.setAttribute('limit', '6');
    el.setAttribute('from', '2027-01-01T00:00:00Z');
    await waitUntil(async () => (await mockState()).requests.some((r) => r.query?.includes('limit=6')), 'query sent');
    const query = new URLSearchParams((await mockState()).requests.at(-1)!.query);
    expect(Object.fromEntries(query)).to.deep.equal({ from: '2027-01-01T00:00:00Z', collaborative: 'Coventry Living Well Collaborative', workstream: 'carers', limit: '6' });
    await waitUntil(() => el.shadowRoot!.querySelector('.count'), 'list');
    el.refresh();
    await waitUntil(async () => (await mockState()).requests.at(-1)!.ifNoneMatch !== null, 'conditional request');
    expect((await mockState()).requests.at(-1)!.ifNoneMatch).to.equal('"v7"');
    await waitUntil(() => el.shadowRoot!.querySelector('.count'), 'list after 304');
    expect(titles(el)).to.deep.equal(['Living Well meeting']);
  });

  it('reserves space while loading, shows an error with Try again, then the list', async () => {
    await mockControl({ reset: true, meetings: [meeting()], faults: [{ method: 'GET', path: '/meetings', status: 503 }] });
    const { fixture, html } = await import('@open-wc/testing');
    const { ENDPOINT } = await import('../helpers.js');
    await mockControl({ faults: [{ method: 'GET', path: '/meetings', delayMs: 400 }] });
    const el = await fixture(html`<involve-meetings endpoint=${ENDPOINT}></involve-meetings>`);
    const loading = el.shadowRoot!.querySelector<HTMLElement>('.loading')!;
    expect(loading.textContent).to.contain('Loading meetings');
    expect(loading.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'error state', 5000);
    expect(say(el, '[part=error]')).to.contain('We could not load the meetings');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=error] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=meeting]'), 'list after retry');
  });

  it('says when there are no upcoming meetings, and is axe-clean', async () => {
    const el = await meetingsFixture([]);
    expect(say(el, '.empty')).to.contain('There are no upcoming meetings');
    await expect(el).to.be.accessible();
  });
});
