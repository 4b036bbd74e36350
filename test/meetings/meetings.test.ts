import { expect, fixture, html } from '@open-wc/testing';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { makeMeetings } from '../fixtures/meetings.js';
import { ENDPOINT, mockControl, waitUntil } from '../helpers.js';
import { ROOMY, Y, cards, choose, firstWeekday, london, meeting, meetingsFixture, say, showAll, titles } from './meetings-fixture.js';

/** A card's label → value pairs. */
const details = (card: Element) => Object.fromEntries([...card.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));

describe('<involve-meetings>', () => {
  it('lists upcoming meetings by month, as lists with headings below heading-level, and fires involve-meetings-loaded', async () => {
    let shownWhenLoaded = -1;
    const loaded = new Promise<CustomEvent>((r) =>
      document.addEventListener('involve-meetings-loaded', (e) => {
        shownWhenLoaded = cards(e.target as Element).length; // fired once the list is on screen
        r(e as CustomEvent);
      }, { once: true }),
    );
    const el = await meetingsFixture([
      meeting({ id: 'a', title: 'March one', start: london(3, 2, 10), end: london(3, 2, 12) }),
      meeting({ id: 'b', title: 'February one' }),
      meeting({ id: 'past', title: 'Already happened', start: '2020-01-01T10:00:00Z', end: '2020-01-01T12:00:00Z' }),
    ], { headingLevel: 3 });
    expect(titles(el)).to.deep.equal(['February one', 'March one']);
    expect([...el.shadowRoot!.querySelectorAll('h4.month')].map((h) => h.textContent!.trim())).to.deep.equal([`February ${Y}`, `March ${Y}`]);
    expect(el.shadowRoot!.querySelector('h3')!.textContent!.trim()).to.equal('Upcoming Collaborative meetings');
    expect(cards(el)[0]!.querySelector('h5[part=meeting-title]')).to.exist;
    expect(cards(el).every((c) => c.localName === 'li' && c.parentElement!.localName === 'ul')).to.equal(true);
    const { detail, bubbles, composed } = await loaded;
    expect({ bubbles, composed }).to.deep.equal({ bubbles: true, composed: true });
    expect(detail.count).to.equal(2);
    expect(shownWhenLoaded).to.equal(2);
    expect(detail.meetings.map((m: { id: string }) => m.id)).to.deep.equal(['b', 'a']);
    await expect(el).to.be.accessible();
  });

  it('uses h2, h3 and h4 by default', async () => {
    const el = await meetingsFixture([meeting()]);
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Upcoming Collaborative meetings');
    expect(el.shadowRoot!.querySelector('h3.month')).to.exist;
    expect(el.shadowRoot!.querySelector('h4[part=meeting-title]')).to.exist;
  });

  // A partner page under its own h2 sets heading-level 3 or 4: the headings keep their look (sizes by
  // class, not by tag), so titles never shrink below the text under them.
  for (const level of [2, 4, 6]) {
    it(`keeps month and meeting titles larger than the text at heading-level ${level}`, async () => {
      const el = await meetingsFixture([meeting()], { headingLevel: level });
      const size = (selector: string) => parseFloat(getComputedStyle(el.shadowRoot!.querySelector(selector)!).fontSize);
      const text = size('dd');
      expect(size('.meeting-title'), 'meeting title').to.be.greaterThan(text);
      expect(size('.month'), 'month').to.be.greaterThan(size('.meeting-title'));
      expect(size('.heading'), 'title').to.be.greaterThan(size('.month'));
    });
  }

  it('shows when, where, how to join and access, in London time', async () => {
    const day = firstWeekday(7, 3); // a Wednesday in July: BST
    const el = await meetingsFixture([meeting({
      start: london(7, day, 18, 30), end: london(7, day, 20), format: 'hybrid', joinInfo: 'Teams link by email',
      location: { name: 'Foleshill Community Centre', postcode: 'CV6 5AB' }, accessibility: 'Step-free, hearing loop', workstreams: ['carers', 'made-up-id'],
    })]);
    expect(details(cards(el)[0]!)).to.deep.equal({
      When: `Wednesday ${day} July ${Y}, 6:30pm to 8pm`,
      Where: 'Foleshill Community Centre, CV6 5AB',
      'How to join': 'Teams link by email',
      Accessibility: 'Step-free, hearing loop',
      Topics: 'Carers, made-up-id', // unknown ids show as they are
    });
    expect([...cards(el)[0]!.querySelectorAll('.tag')].map((t) => t.textContent)).to.deep.equal(['Evening', 'Online or in person']);
  });

  it('marks cancelled and full meetings instead of hiding them, and shows Evening and Weekend badges', async () => {
    const saturday = firstWeekday(2, 6);
    const el = await meetingsFixture([
      meeting({ id: 'c', title: 'Cancelled one', status: 'cancelled', bookingUrl: 'https://example.org/book', joinInfo: 'Room 2' }),
      meeting({ id: 'f', title: 'Full one', status: 'full', start: london(2, saturday, 11), end: london(2, saturday, 13), bookingUrl: 'https://example.org/book', joinInfo: 'Room 3' }),
    ]);
    const [cancelled, full] = cards(el);
    expect(cancelled!.querySelector('[part=meeting-title]')!.textContent).to.contain('Cancelled: ');
    expect([...cancelled!.querySelectorAll('.tag')].map((t) => t.textContent)).to.include.members(['Cancelled', 'Evening']);
    expect(cancelled!.querySelector('button, a')).to.equal(null); // nothing to book or add to a calendar
    expect(cancelled!.textContent).to.not.contain('How to join');
    expect(full!.querySelector('[part=meeting-title]')!.textContent).to.contain('Full: ');
    expect(full!.textContent).to.contain('How to join');
    expect([...full!.querySelectorAll('.tag')].map((t) => t.textContent)).to.include.members(['Full', 'Weekend']);
    expect(full!.querySelector('a')).to.equal(null); // no booking when full…
    expect(full!.querySelector('button')!.textContent).to.contain('Add to calendar'); // …but people who booked can still add it
    await expect(el).to.be.accessible();
  });

  it('shows 40 good meetings from a feed with 10 malformed among 50, with one console.warn', async () => {
    const good = makeMeetings(40, { from: new Date() });
    const bad = [
      { id: 'x' }, null, 'nonsense', meeting({ start: 'tomorrow' }), meeting({ format: 'carrier pigeon' }), meeting({ status: 'maybe' }),
      meeting({ end: '2020-02-02T17:00:00Z' }), meeting({ workstreams: 'carers' }), meeting({ id: '' }), meeting({ title: '' }),
    ];
    const feed = [...good.slice(0, 20), ...bad, ...good.slice(20)];
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await meetingsFixture(feed, { feed: true });
      await showAll(el);
      expect(cards(el)).to.have.length(40);
      expect(say(el, '.count')).to.equal('Showing 40 meetings');
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.match(/<involve-meetings>: skipped 10 invalid meeting/);
    } finally {
      console.warn = original;
    }
  });

  it('lists a meeting whose booking link is not https without the link, and says so in the one warning', async () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await meetingsFixture([
        meeting({ id: 'a', title: 'Plain http link', bookingUrl: 'http://insecure.example/book' }),
        meeting({ id: 'b', title: 'Not a link at all', bookingUrl: 'see the noticeboard' }),
        meeting({ id: 'c', title: 'Good link', bookingUrl: 'https://involve.example.nhs.uk/book/c' }),
        meeting({ id: 'd', title: 'Bad link and no title', bookingUrl: 'http://insecure.example', format: 'carrier pigeon' }),
      ], { feed: true });
      await showAll(el);
      expect(titles(el)).to.deep.equal(['Plain http link', 'Not a link at all', 'Good link']);
      expect([...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://involve.example.nhs.uk/book/c']);
      expect(cards(el)[0]!.querySelector('button')!.textContent).to.contain('Add to calendar'); // still there to add to a calendar
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.equal(
        '<involve-meetings>: skipped 1 invalid meeting(s); 2 without their booking link (not https://).',
      );
    } finally {
      console.warn = original;
    }
  });

  it('renders an XSS corpus literally and runs none of it', async () => {
    const w = window as unknown as { __xss?: number };
    delete w.__xss;
    const el = await meetingsFixture([
      meeting({ id: '1', title: '<script>window.__xss = 1</script>', description: '<img src=x onerror="window.__xss=1">' }),
      meeting({ id: '2', title: 'Bidi \u202Eexe.evil', joinInfo: '<a href="javascript:window.__xss=1">join</a>', accessibility: '"><svg onload=window.__xss=1>' }),
      meeting({ id: '3', title: 'Bad link', bookingUrl: 'javascript:window.__xss=1' }),
      meeting({ id: '4', title: 'Good link', bookingUrl: 'https://involve.example.nhs.uk/book/4', collaborative: '{{constructor.constructor("window.__xss=1")()}}' }),
      meeting({ id: '5', title: '${window.__xss=1}', location: { name: '<iframe src="javascript:window.__xss=1">', postcode: '\u202DCV1' }, workstreams: ['<b>bold</b>'] }),
    ], { feed: true });
    await showAll(el);
    await new Promise((r) => setTimeout(r, 200));
    expect(w.__xss).to.equal(undefined);
    expect(titles(el)).to.deep.equal(['<script>window.__xss = 1</script>', 'Bidi \u202Eexe.evil', 'Bad link', 'Good link', '${window.__xss=1}']);
    expect(el.shadowRoot!.querySelectorAll('script, img, svg, iframe, b, [onerror], [onload]')).to.have.length(0);
    // The right-to-left override stays inside its own <bdi>, so it cannot flip the text after it.
    const bidi = cards(el)[1]!.querySelector('[part=meeting-title] bdi')!;
    expect(bidi.textContent).to.equal('Bidi \u202Eexe.evil');
    expect(getComputedStyle(bidi).unicodeBidi).to.equal('isolate');
    expect(cards(el)[1]!.textContent).to.contain('<a href="javascript:window.__xss=1">join</a>');
    expect(cards(el)[4]!.textContent).to.contain('<iframe src="javascript:window.__xss=1">').and.contain('<b>bold</b>');
    const hrefs = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://involve.example.nhs.uk/book/4']); // the javascript: one is listed without its link
    await expect(el).to.be.accessible();
  });

  it('filters by format and topic, announcing the count politely', async () => {
    const feed = makeMeetings(20, { from: new Date() }); // one page (20) with room for all: paging is tested in paging.test.ts
    const el = await meetingsFixture(feed, { minHeight: ROOMY });
    const live = el.shadowRoot!.querySelector('.count')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('role')).to.equal('status');
    expect(say(el, '.count')).to.equal('Showing 20 meetings');
    const format = el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-format')!;
    expect(format.getAttribute('part')).to.equal('filter');
    expect(el.shadowRoot!.querySelector('label[for=filter-format]')!.textContent).to.equal('How it happens');
    expect(el.shadowRoot!.querySelector('fieldset legend')!.textContent).to.equal('Show meetings');
    expect([...format.options].map((o) => o.text)).to.deep.equal(['All', 'Online', 'In person', 'Online or in person']);

    await choose(el, 'filter-format', 'online');
    const online = feed.filter((m) => m.format === 'online');
    expect(say(el, '.count')).to.equal(`Showing ${online.length} meetings`);
    expect(el.shadowRoot!.querySelector('.count')).to.equal(live); // the same live region, so it is announced
    expect(cards(el)).to.have.length(online.length);

    const topics = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#filter-topic option')].map((o) => o.text);
    expect(topics[0]).to.equal('All');
    expect(topics).to.include('Carers').and.include('Learning disability and autism');
    await choose(el, 'filter-topic', 'carers');
    const both = online.filter((m) => m.workstreams.includes('carers'));
    expect(both.length).to.be.greaterThan(0);
    expect(say(el, '.count')).to.equal(`Showing ${both.length} meetings`);
    expect(titles(el)).to.deep.equal(both.map((m) => m.title));
    await expect(el).to.be.accessible();

    await choose(el, 'filter-topic', 'older-adults'); // no online meetings about older adults
    expect(say(el, '.count')).to.equal('No meetings match your choices. Try choosing "All" in one of the filters.');
    expect(cards(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('takes workstream labels from strings, the JSON child, or shows the id', async () => {
    await mockControl({ reset: true, meetings: [meeting({ workstreams: ['carers', 'peer-support'] })] });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT}>
      <script type="application/json">{ "workstreams": [{ "id": "peer-support", "label": "Peer support" }] }</script>
    </involve-meetings>`);
    el.strings = { 'workstreams.carers': 'Unpaid carers', workstreamFilter: 'Subject' };
    await waitUntil(() => say(el, '[part=meeting]').includes('Peer support'), 'labels');
    expect(details(cards(el)[0]!).Topics).to.equal('Unpaid carers, Peer support');
    expect(say(el, 'label[for=filter-topic]')).to.equal('Subject');
  });

  it('takes workstream labels from GET /options when the page gives none', async () => {
    await mockControl({ reset: true, meetings: [meeting({ workstreams: ['carers', 'peer-support'] })], options: { workstreams: [{ id: 'peer-support', label: 'Peer support groups' }] } });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT}></involve-meetings>`);
    await waitUntil(() => say(el, '[part=meeting]').includes('Peer support groups'), 'labels from the endpoint');
    expect(details(cards(el)[0]!).Topics).to.equal('Carers, Peer support groups');
    const topics = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#filter-topic option')].map((o) => o.text);
    expect(topics).to.include('Peer support groups');
  });

  it('uses easy-read wording, and any string the page overrides', async () => {
    const el = await meetingsFixture([meeting()]);
    el.easyRead = true;
    await el.updateComplete;
    expect(say(el, 'h2')).to.equal('Meetings you can come to');
    el.strings = { title: 'Come to a Collaborative', addToCalendar: 'Save to my calendar' };
    await el.updateComplete;
    expect(say(el, 'h2')).to.equal('Come to a Collaborative');
    expect(say(el, '[part=meeting] button')).to.match(/^Save to my calendar Living Well meeting on /);
  });

  it('shows at most `limit` meetings', async () => {
    const el = await meetingsFixture(makeMeetings(10, { from: new Date() }), { limit: 3 });
    await el.updateComplete;
    await showAll(el);
    expect(cards(el)).to.have.length(3);
    expect(say(el, '.count')).to.equal('Showing 3 meetings');
  });

  it('says when there are no upcoming meetings, and is axe-clean', async () => {
    const el = await meetingsFixture([meeting({ start: '2021-01-01T10:00:00Z', end: '2021-01-01T11:00:00Z' })]);
    expect(say(el, '.empty')).to.contain('There are no upcoming meetings');
    expect(el.shadowRoot!.querySelector('.empty')!.getAttribute('role')).to.equal('status');
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tells the webmaster when the endpoint is missing, and is axe-clean', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const el = await fixture<InvolveMeetings>(html`<involve-meetings></involve-meetings>`);
      expect(say(el, '[part=config-error]')).to.contain('These meetings cannot be shown yet').and.contain('endpoint attribute');
      expect(el.shadowRoot!.querySelector('[part=config-error] h3')).to.exist;
      expect(String(errors[0]?.[0])).to.match(/^<involve-meetings>: /);
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  for (const [mode, fontSize] of [['', '16px'], ['easy-read', '16px'], ['', '24px'], ['easy-read', '24px']] as const) {
    it(`fits a 320px-wide page with 44px targets${mode ? ` in ${mode}` : ''} at a ${fontSize} font`, async () => {
      // A plain element, not fixture(): fixture() waits for an animation frame, which a background tab never gets.
      const wrapper = document.body.appendChild(document.createElement('div'));
      wrapper.style.width = '320px';
      await mockControl({ reset: true, meetings: makeMeetings(24, { from: new Date() }) });
      const el = document.createElement('involve-meetings') as InvolveMeetings;
      el.endpoint = ENDPOINT;
      el.easyRead = mode === 'easy-read';
      // A larger text size (the widget's base is the browser's `medium`; a theme can raise it).
      el.style.setProperty('--involve-font-size', fontSize);
      wrapper.append(el);
      await waitUntil(() => el.shadowRoot!.querySelector('.count'), 'list');
      // The longest topic (easy read: "People who had to leave their own country") must wrap or shrink, not push the page sideways.
      expect(el.shadowRoot!.querySelector('#filter-topic')!.textContent).to.include(mode === 'easy-read' ? 'People who had to leave their own country' : 'asylum');
      const right = el.getBoundingClientRect().right + 0.5;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('section, li, label, select, .button, dd')) {
        expect(node.getBoundingClientRect().right, node.className || node.localName).to.be.at.most(right);
      }
      for (const target of el.shadowRoot!.querySelectorAll<HTMLElement>('select, button, a')) {
        const box = target.getBoundingClientRect();
        expect(box.height, target.textContent!).to.be.at.least(44);
        expect(box.width, target.textContent!).to.be.at.least(44);
      }
      await expect(el).to.be.accessible();
      wrapper.remove();
    });
  }
});
