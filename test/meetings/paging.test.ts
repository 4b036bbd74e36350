import { expect } from '@open-wc/testing';
import { itChromiumOnly, sendKeys } from '../engine.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { readFeed } from '../../src/components/involve-meetings/feed.js';
import { makeMeetings } from '../fixtures/meetings.js';
import { ENDPOINT, mockControl, waitUntil } from '../helpers.js';
import { cards, choose, meetingsFixture, moreButton, rendered, say, titles } from './meetings-fixture.js';

/** Resolves after the next frame has been painted (rAF runs before paint, a task queued from it after). */
const afterPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r)));
/** Performance entries are delivered to observers a little after the frame that made them. */
const settle = () => new Promise((r) => setTimeout(r, 200));

/** Observes `type` entries (with the buffered ones) and returns the list it fills. */
function observe<T extends PerformanceEntry>(type: string): { entries: T[]; stop(): void } {
  const entries: T[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...(list.getEntries() as T[])));
  observer.observe({ type, buffered: true });
  return { entries, stop: () => observer.disconnect() };
}

/** An element on the mock feed, appended to `parent` (a plain element: fixture() needs animation frames). */
function meetingsElement(parent: HTMLElement, limit?: number): InvolveMeetings {
  const el = document.createElement('involve-meetings');
  el.endpoint = ENDPOINT;
  // The geometry below is worked out for the heading, filters and list; the easy-read switch (its own
  // 44 px control, tested elsewhere) stays out of it.
  el.hideEasyReadSwitch = true;
  if (limit) el.limit = limit;
  parent.append(el);
  return el;
}

/**
 * A smaller page and widget (--involve-font-size; the widget is sized in em), so the reserved height
 * ends inside the 800 × 600 window: the content below it is on screen and the first page is fitted to
 * the reserved height, as in a window twice as tall (which the WebDriver launcher WebKit runs on
 * cannot make). 72em: room for the heading, filters and one meeting, whose 44 px controls do not shrink.
 */
function small(container: HTMLElement): void {
  container.style.fontSize = '7px';
  container.style.setProperty('--involve-font-size', '7px');
  container.style.setProperty('--involve-meetings-min-height', '72em');
}

/**
 * The top of `el` at every animation frame until stopped: where a visitor saw it move, in any
 * engine (Chromium's layout-shift observer says the same, below, where it exists).
 */
function watchTop(el: Element): { tops: number[]; stop(): void } {
  const tops: number[] = [];
  let on = true;
  const frame = () => {
    if (!on) return;
    tops.push(el.getBoundingClientRect().top);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return { tops, stop: () => void (on = false) };
}

/** The reserved height (`--involve-meetings-min-height`), and the height the element has. */
const reservedPx = (el: InvolveMeetings) => parseFloat(getComputedStyle(el).minHeight);
const heightPx = (el: InvolveMeetings) => el.getBoundingClientRect().height;

describe('<involve-meetings> paging and long feeds', () => {
  it('validates and renders a 1,000-meeting feed: a first page, the count and "Show more"', async () => {
    await mockControl({ reset: true, feed: makeMeetings(1000) });
    const loaded = new Promise<CustomEvent>((r) => document.addEventListener('involve-meetings-loaded', (e) => r(e as CustomEvent), { once: true }));
    const el = meetingsElement(document.body);
    try {
      const { detail } = await loaded;
      await el.updateComplete;
      await afterPaint();
      await settle(); // the first page is drawn a few meetings a task
      expect(detail.count).to.equal(1000);
      expect(detail.meetings).to.have.length(1000);
      const shown = cards(el).length;
      expect(shown).to.be.within(1, 20);
      expect(say(el, '.count')).to.equal(`Showing ${shown} of 1,000 meetings`);
      expect(moreButton(el)!.textContent!.trim()).to.equal(`Show more meetings (${(1000 - shown).toLocaleString('en-GB')} left)`);
    } finally {
      el.remove();
    }
  });

  itChromiumOnly('long-task observer', 'validates and renders a 1,000-meeting feed with no task over 50 ms after the response', async () => {
    const tasks = observe<PerformanceEntry>('longtask');
    // The observer itself works: a 60 ms busy task is seen.
    await new Promise<void>((r) => setTimeout(() => {
      const end = performance.now() + 60;
      while (performance.now() < end);
      r();
    }));
    await waitUntil(() => tasks.entries.length, 'the control long task to be observed');
    tasks.entries.length = 0;

    // More than the reference server sends (50 a page, 200 at most): a feed answered as is.
    await mockControl({ reset: true, feed: makeMeetings(1000) });
    performance.clearResourceTimings();
    const loaded = new Promise<CustomEvent>((r) => document.addEventListener('involve-meetings-loaded', (e) => r(e as CustomEvent), { once: true }));
    const el = meetingsElement(document.body);
    try {
      const { detail } = await loaded;
      await el.updateComplete;
      await afterPaint();
      await settle();
      tasks.stop();
      const response = performance.getEntriesByType('resource').find((e) => e.name.startsWith(`${ENDPOINT}/meetings`)) as PerformanceResourceTiming;
      expect(response, 'the feed request in resource timing').to.exist;
      const after = tasks.entries.filter((t) => t.startTime + t.duration > response.responseEnd);
      expect(after.map((t) => Math.round(t.duration)), 'long tasks after the response').to.deep.equal([]);
      expect(detail.count).to.equal(1000);
      expect(detail.meetings).to.have.length(1000);
      const shown = cards(el).length;
      expect(shown).to.be.within(1, 20);
      expect(say(el, '.count')).to.equal(`Showing ${shown} of 1,000 meetings`);
      expect(moreButton(el)!.textContent!.trim()).to.equal(`Show more meetings (${(1000 - shown).toLocaleString('en-GB')} left)`);
    } finally {
      tasks.stop();
      el.remove();
    }
  });

  it('stops checking a long feed once its load is aborted, and checks every item otherwise', async () => {
    let reads = 0;
    const count = (m: object) => new Proxy(m, { get: (target, key) => (key === 'id' && reads++, Reflect.get(target, key)) });
    const meetings = makeMeetings(1000);
    const items = Array.from({ length: 20 }, () => meetings.map(count)).flat(); // 20,000: many slices, whatever the validator's speed
    const controller = new AbortController();
    const result = readFeed({ meetings: items }, controller.signal);
    controller.abort(); // before the first pause: the next slice never starts
    const error = await result.then(() => undefined, (e: unknown) => e);
    expect((error as DOMException | undefined)?.name).to.equal('AbortError');
    expect(reads).to.be.above(0).and.below(items.length / 2);

    reads = 0;
    const all = await readFeed({ meetings: items.slice(0, 2000) }, new AbortController().signal);
    expect(all.meetings).to.have.length(2000);
    expect(reads).to.be.at.least(2000);
  });

  itChromiumOnly('long-task observer', 'checks a long feed in slices, with no long task, urgent work running between slices', async () => {
    // 20,000 items: unsliced, one task of well over 100 ms, however fast the validator.
    const big = makeMeetings(20_000);
    await settle(); // making them is a long task of its own: over before the clock starts
    const tasks = observe<PerformanceEntry>('longtask');
    const start = performance.now();
    // Work the page marks urgent (as Chromium does input) runs between slices. (Timers may wait:
    // scheduler.yield() resumes before ordinary tasks, by design.)
    let timerRan = false;
    void (globalThis as unknown as { scheduler: { postTask(f: () => void, o: object): Promise<void> } }).scheduler.postTask(() => (timerRan = true), { priority: 'user-blocking' });
    const checking = readFeed({ meetings: big }, new AbortController().signal);
    let timerRanFirst = false;
    void checking.then(() => (timerRanFirst = timerRan));
    const checked = await checking;
    await settle();
    expect(timerRanFirst, 'urgent work ran while checking').to.equal(true);
    tasks.stop();
    expect(checked.meetings).to.have.length(20_000);
    // Slices of ~15 ms; a garbage collection can stretch one past 50 ms, never past 100.
    expect(tasks.entries.filter((t) => t.startTime + t.duration > start && t.duration > 100).map((t) => Math.round(t.duration)), 'tasks over 100 ms').to.deep.equal([]);
  });

  it('"Show more" by keyboard: the next page, focus on its first meeting, the new count announced, no button at the end', async () => {
    const feed = makeMeetings(45);
    const el = await meetingsFixture(feed);
    const first = cards(el).length;
    expect(first).to.be.within(1, 20);
    const live = el.shadowRoot!.querySelector('.count')!;
    expect(say(el, '.count')).to.equal(`Showing ${first} of 45 meetings`);
    const button = moreButton(el)!;
    expect(button.textContent!.trim()).to.equal(`Show more meetings (${45 - first} left)`);
    expect(button.getAttribute('type')).to.equal('button');
    const box = button.getBoundingClientRect();
    expect(Math.min(box.width, box.height)).to.be.at.least(44);
    await expect(el).to.be.accessible();

    let before = first;
    let presses = 0;
    while (moreButton(el)) {
      moreButton(el)!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      presses++;
      expect(cards(el)).to.have.length(Math.min(before + 20, 45));
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      // Compared as a boolean: chai describing two shadow-DOM elements on failure can stall the page.
      expect(focused === cards(el)[before]!.querySelector('[part=meeting-title]'), 'focus on the first meeting shown').to.equal(true);
      expect(titles(el)[before]).to.equal(feed[before]!.title);
      expect(focused.matches(':focus-visible'), 'focus is visible').to.equal(true);
      expect(el.shadowRoot!.querySelector('.count') === live, 'the same polite live region, so it is announced').to.equal(true);
      before = cards(el).length;
      if (before < 45) {
        expect(say(el, '.count')).to.equal(`Showing ${before} of 45 meetings`);
        expect(moreButton(el)!.textContent!.trim()).to.equal(`Show more meetings (${45 - before} left)`);
      }
    }
    expect(presses).to.equal(Math.ceil((45 - first) / 20));
    expect(say(el, '.count')).to.equal('Showing 45 meetings');
    expect(moreButton(el)).to.equal(undefined);
    expect(titles(el)).to.deep.equal(feed.map((m) => m.title));
    await expect(el).to.be.accessible();
  });

  it('a refresh keeps the meetings already shown (an unchanged feed answers 304)', async () => {
    const feed = makeMeetings(45);
    const el = await meetingsFixture(feed);
    moreButton(el)!.click();
    await el.updateComplete;
    const shown = cards(el).length;
    expect(shown).to.equal(40);
    await el.refresh();
    await el.updateComplete;
    expect(cards(el)).to.have.length(shown);
    expect(say(el, '.count')).to.equal(`Showing ${shown} of 45 meetings`);
    expect(titles(el)).to.deep.equal(feed.slice(0, shown).map((m) => m.title));
  });

  it('applies the filters to the whole feed and starts paging again, fitted to the reserved height', async () => {
    small(document.body);
    try {
      const feed = makeMeetings(80);
      const el = await meetingsFixture(feed, { feed: true }); // over the reference server's 50 a page
      el.hideEasyReadSwitch = true; // as in meetingsElement(): the geometry is the list's
      await el.updateComplete;
      expect(heightPx(el)).to.equal(reservedPx(el));
      const first = cards(el).length;
      moreButton(el)!.click();
      await el.updateComplete;
      moreButton(el)!.click();
      await el.updateComplete;
      expect(cards(el)).to.have.length(first + 40);

      await choose(el, 'filter-format', 'online');
      const online = feed.filter((m) => m.format === 'online');
      const shown = cards(el).length;
      expect(shown).to.be.within(1, 20).and.below(online.length);
      expect(titles(el)).to.deep.equal(online.slice(0, shown).map((m) => m.title)); // from the whole feed, not the pages seen
      expect(say(el, '.count')).to.equal(`Showing ${shown} of ${online.length} meetings`);
      expect(heightPx(el)).to.equal(reservedPx(el)); // the first page fits again

      await choose(el, 'filter-format', '');
      expect(say(el, '.count')).to.match(/^Showing \d+ of 80 meetings$/);
      expect(heightPx(el)).to.equal(reservedPx(el));
    } finally {
      for (const name of ['font-size', '--involve-font-size', '--involve-meetings-min-height']) document.body.style.removeProperty(name);
    }
  });

  it('keeps one height while loading, for the list and empty states; an error is only as tall as its message', async () => {
    const wrapper = document.body.appendChild(document.createElement('div'));
    wrapper.style.width = '640px';
    small(wrapper);
    try {
      await mockControl({ reset: true, meetings: makeMeetings(30), faults: [{ method: 'GET', path: '/meetings', delayMs: 300 }] });
      const el = meetingsElement(wrapper);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.loading')).to.exist;
      const loading = heightPx(el);
      expect(loading).to.equal(reservedPx(el));
      await rendered(el);
      expect(cards(el).length).to.be.within(1, 20);
      expect(el.getBoundingClientRect().height).to.equal(loading);
      el.remove();

      await mockControl({ reset: true, meetings: [] });
      const empty = meetingsElement(wrapper);
      await waitUntil(() => empty.shadowRoot!.querySelector('.empty'), 'empty state');
      expect(empty.getBoundingClientRect().height).to.equal(loading);
      empty.remove();

      await mockControl({ reset: true, faults: Array.from({ length: 5 }, () => ({ method: 'GET', path: '/meetings', status: 503 })) });
      const error = meetingsElement(wrapper);
      await waitUntil(() => error.shadowRoot!.querySelector('[part=error]'), 'error state');
      // Issue 18: an error message takes only its own height, not the reserved one.
      expect(error.getBoundingClientRect().height).to.be.below(loading / 2);
    } finally {
      wrapper.remove();
    }
  });

  /**
   * A slow feed (300 ms) loads into a widget whose reserved height ends on screen, with host content
   * below it: that content's top in every frame, and (where given) Chromium's layout shifts.
   */
  async function belowWhileLoading(shifts?: ReturnType<typeof observe<PerformanceEntry & { value: number }>>) {
    const page = document.createElement('div');
    page.innerHTML = '<p>Our next Collaborative meetings.</p><div class="slot"></div><h2>After the meetings list</h2><p class="below">Host content below the widget.</p>';
    small(page);
    try {
      await mockControl({ reset: true, meetings: makeMeetings(24), faults: [{ method: 'GET', path: '/meetings', delayMs: 300 }] });
      const start = performance.now();
      document.body.prepend(page);
      const loaded = new Promise((r) => document.addEventListener('involve-meetings-loaded', r, { once: true }));
      const el = meetingsElement(page.querySelector('.slot')!, 6);
      const below = page.querySelector('.below')!;
      const frames = watchTop(below);
      await afterPaint();
      expect(el.shadowRoot!.querySelector('.loading'), 'the loading state was painted').to.exist;
      const top = below.getBoundingClientRect().top;
      expect(top, 'the host content is on screen').to.be.below(innerHeight - 20);
      await loaded;
      await afterPaint();
      await settle();
      frames.stop();
      expect(cards(el).length).to.be.within(1, 6);
      expect(below.getBoundingClientRect().top).to.equal(top);
      expect(frames.tops.length, 'frames seen while loading').to.be.above(2);
      expect([...new Set(frames.tops)], 'where the content below was, frame by frame').to.deep.equal([top]);
      // Every shift counts, even one flagged hadRecentInput: nobody touched this page meanwhile.
      const sum = () => shifts!.entries.filter((s) => s.startTime >= start).reduce((total, s) => total + s.value, 0);
      if (shifts) expect(sum(), 'cumulative layout shift').to.equal(0);

      // The watchers do see a shift of that content (so the zeros above mean something).
      const moved = watchTop(below);
      const advert = document.createElement('div');
      advert.style.height = '100px';
      page.querySelector('h2')!.before(advert);
      await afterPaint();
      await settle();
      moved.stop();
      expect(moved.tops.at(-1)).to.equal(top + 100);
      if (shifts) expect(sum()).to.be.above(0);
    } finally {
      shifts?.stop();
      page.remove();
    }
  }

  it('moves nothing below it while a slow feed loads and the list replaces the loading state, frame by frame', async () => {
    await belowWhileLoading();
  });

  itChromiumOnly('layout-shift observer', 'moves nothing below it while a slow feed loads (no layout shift)', async () => {
    await belowWhileLoading(observe<PerformanceEntry & { value: number }>('layout-shift'));
  });

  /**
   * 800 × 600: the 68em reserved box ends below the window, so what follows the widget is out of
   * sight. The first task draws what the window can show (600px / 200px); the rest follow, a few a
   * task, and "Show more" waits for them, so it never moves on screen.
   */
  async function fullFirstPage(shifts?: ReturnType<typeof observe<PerformanceEntry & { value: number }>>) {
    const page = document.createElement('div');
    page.innerHTML = '<p>Our next Collaborative meetings.</p><div class="slot"></div><p class="below">Host content below the widget.</p>';
    try {
      await mockControl({ reset: true, meetings: makeMeetings(30), faults: [{ method: 'GET', path: '/meetings', delayMs: 300 }] });
      const start = performance.now();
      document.body.prepend(page);
      let first: { drawn: number; button: boolean } | undefined;
      const loaded = new Promise((r) => document.addEventListener('involve-meetings-loaded', r, { once: true }));
      const el = meetingsElement(page.querySelector('.slot')!);
      // Everything on screen, frame by frame: the widget's own top and its cards' and button's places.
      const frames: number[][] = [];
      let on = true;
      const frame = () => {
        if (!on) return;
        const parts = [...el.shadowRoot!.querySelectorAll('[part=meeting], button')].map((p) => p.getBoundingClientRect()).filter((r) => r.top < innerHeight);
        frames.push(parts.map((r) => r.top));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      await afterPaint();
      expect(el.shadowRoot!.querySelector('.loading'), 'the loading state was painted').to.exist;
      const below = page.querySelector('.below')!;
      const top = below.getBoundingClientRect().top;
      expect(top, 'the host content below starts out of sight').to.be.at.least(innerHeight);
      await loaded;
      first = { drawn: cards(el).length, button: !!moreButton(el) };
      await afterPaint();
      await settle();
      on = false;
      shifts?.stop();
      expect(first).to.deep.equal({ drawn: 4, button: false });
      expect(cards(el)).to.have.length(20);
      expect(moreButton(el)).to.exist;
      expect(say(el, '.count')).to.equal('Showing 20 of 30 meetings');
      expect(below.getBoundingClientRect().top, 'the content below did move, out of sight').to.be.above(top);
      // What was on screen, once the list came, never moved: each frame only added below the window.
      const listed = frames.filter((f) => f.length);
      expect(listed.length, 'frames with the list').to.be.above(0);
      const end = listed.at(-1)!;
      for (const f of listed) expect(f, 'each frame: what was on screen, where it ends up').to.deep.equal(end.slice(0, f.length));
      if (shifts) expect(shifts.entries.filter((s) => s.startTime >= start).reduce((total, s) => total + s.value, 0), 'cumulative layout shift').to.equal(0);
    } finally {
      page.remove();
    }
  }

  it('shows a full first page when the reserved height reaches past the bottom of the window, and moves nothing on screen', async () => {
    await fullFirstPage();
  });

  itChromiumOnly('layout-shift observer', 'shows a full first page past the bottom of the window with no layout shift', async () => {
    await fullFirstPage(observe<PerformanceEntry & { value: number }>('layout-shift'));
  });
});
