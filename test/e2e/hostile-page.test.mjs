// The built bundles on a hostile partner page (issue 8), in Debian's Chromium through playwright-core:
// demo/hostile/ — aggressive global CSS, the contract's strict CSP with Trusted Types as a real
// response header, the all-in-one bundle loaded twice plus a per-widget file, and the endpoint on
// another origin (CORS). Needs `npm run build` first (npm test builds before it). Alone:
//   npm run test:e2e        (node --import tsx --test test/e2e/*.test.mjs)
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT, startEndpoint, startSite, strictCsp } from './harness.ts';
import { makeMeetings } from '../fixtures/meetings.ts';

const TAGS = ['involve-signup', 'involve-meetings', 'involve-feedback'];

let endpoint;
let site;
let browser;
let context;
let page;
const violations = [];
const consoleErrors = [];
const pageErrors = [];
const foreignRequests = [];
const failedRequests = [];

before(async () => {
  for (const file of ['involve-widgets.js', 'involve-signup.js']) {
    assert.ok(existsSync(`${ROOT}/dist/${file}`), `dist/${file} exists (run npm run build first)`);
  }
  endpoint = await startEndpoint();
  // The reference server (its GET /options answers {} when it has no OPTIONS_FILE: nothing to override).
  await endpoint.server.control({ meetings: makeMeetings(12) });
  site = await startSite(endpoint);
  browser = await chromium.launch({ ...CHROMIUM, headless: true });
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${m.text()} @ ${m.location().url}`));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (origin !== site.origin && origin !== endpoint.origin) foreignRequests.push(r.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  const response = await page.goto(`${site.origin}/demo/hostile/index.html`);
  assert.equal(response.headers()['content-security-policy'], strictCsp(endpoint.origin), 'the page is served with the contract policy');
  await page.waitForFunction(
    (tags) => tags.every((t) => customElements.get(t) && document.querySelector(t)?.shadowRoot?.querySelector('*')),
    TAGS,
    { timeout: 10_000 },
  );
  // The meetings have arrived (limit="4").
  await page.waitForFunction(() => document.querySelector('involve-meetings').shadowRoot.querySelectorAll('[part~="meeting"]').length > 0, null, {
    timeout: 10_000,
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.close();
});

/** The id of the focused control inside `tag`'s shadow root ('' if focus is elsewhere). */
const activeId = (tag) => page.evaluate((t) => document.querySelector(t)?.shadowRoot?.activeElement?.id ?? '', tag);

/** Presses Tab (only the keyboard) until focus is on `#id` inside `tag`; at most `max` presses. */
async function tabTo(tag, id, max = 120) {
  for (let i = 0; i < max; i++) {
    if ((await activeId(tag)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${tag} #${id} (stuck on "${await activeId(tag)}")`);
}

/** Tabs to the submit button inside `tag`, checks its label, presses Enter. */
async function pressSubmit(tag, label) {
  for (let i = 0; i < 15; i++) {
    const type = await page.evaluate((t) => document.querySelector(t).shadowRoot.activeElement?.getAttribute('type'), tag);
    if (type === 'submit') break;
    await page.keyboard.press('Tab');
  }
  const text = await page.evaluate((t) => document.querySelector(t).shadowRoot.activeElement?.textContent?.trim(), tag);
  assert.equal(text, label, `focus is on the ${tag} submit button`);
  await page.keyboard.press('Enter');
}

const waitForSuccess = (tag) =>
  page.waitForFunction((t) => document.querySelector(t).shadowRoot.querySelector('[part~="success"]'), tag, { timeout: 10_000 });

describe('hostile partner page (demo/hostile): global CSS resets, strict CSP + Trusted Types, bundle loaded twice', () => {
  test('all three widgets render: defined, visible, sized, headings readable', async () => {
    const state = await page.evaluate((tags) =>
      tags.map((tag) => {
        const el = document.querySelector(tag);
        const rect = el.getBoundingClientRect();
        const heading = el.shadowRoot.querySelector('.heading, h2, h3');
        const style = heading && getComputedStyle(heading);
        const headingRect = heading?.getBoundingClientRect();
        return {
          tag,
          width: rect.width,
          height: rect.height,
          display: getComputedStyle(el).display,
          visibility: getComputedStyle(el).visibility,
          heading: heading?.textContent?.trim() ?? '',
          headingFontSize: style ? parseFloat(style.fontSize) : 0,
          headingHeight: headingRect?.height ?? 0,
          headingColor: style?.color,
          headingTransform: style?.textTransform,
          headingLetterSpacing: style?.letterSpacing,
          configError: Boolean(el.shadowRoot.querySelector('[part~="config-error"]')),
          styleElements: el.shadowRoot.querySelectorAll('style').length,
        };
      }),
    TAGS);
    for (const s of state) {
      assert.notEqual(s.display, 'none', `${s.tag} displayed`);
      assert.equal(s.visibility, 'visible', `${s.tag} visible`);
      assert.ok(s.width >= 280, `${s.tag} is at least 280 px wide (${s.width})`);
      assert.ok(s.height >= 100, `${s.tag} is at least 100 px tall (${s.height})`);
      assert.ok(s.heading.length > 3, `${s.tag} has a heading (${JSON.stringify(s.heading)})`);
      // The widget follows the page's text size (WCAG 1.4.4) within 16-32px: this page's 48px body
      // gives 32px text and 48px headings, never the host's 48px × 3em.
      assert.ok(s.headingFontSize >= 18 && s.headingFontSize <= 48, `${s.tag} heading font size is sane (${s.headingFontSize}px), not the host's 48px×3em`);
      assert.ok(s.headingHeight >= s.headingFontSize, `${s.tag} heading is not squashed by the host's line-height (${s.headingHeight}px)`);
      assert.notEqual(s.headingColor, 'rgba(0, 0, 0, 0)', `${s.tag} heading colour`);
      assert.equal(s.headingTransform, 'none', `${s.tag} heading not uppercased by the host`);
      assert.equal(s.headingLetterSpacing, 'normal', `${s.tag} heading letter-spacing not the host's`);
      assert.ok(!s.configError, `${s.tag} shows no configuration error`);
      assert.equal(s.styleElements, 0, `${s.tag} needs no <style> element`);
    }
    // limit="4": four listed, a first page of those that fit the reserved height, then "Show more".
    const { shown, count } = await page.evaluate(() => {
      const root = document.querySelector('involve-meetings').shadowRoot;
      return { shown: root.querySelectorAll('[part~="meeting"]').length, count: root.querySelector('.count').textContent.trim() };
    });
    assert.ok(shown >= 1 && shown <= 4, `one to four meetings on the first page (${shown})`);
    assert.equal(count, shown === 4 ? 'Showing 4 meetings' : `Showing ${shown} of 4 meetings`);
  });

  test('form controls are visible and usable despite `input { display: none !important }` and `box-sizing` games', async () => {
    for (const [tag, id] of [['involve-signup', 'f-name'], ['involve-feedback', 'f-whatWentWell']]) {
      const box = await page.locator(`${tag} #${id}`).boundingBox();
      assert.ok(box, `${tag} #${id} has a box`);
      assert.ok(box.height >= 40 && box.width >= 200, `${tag} #${id} is a usable size (${box.width}×${box.height})`);
    }
    const submit = await page.locator('involve-signup button[type=submit]').boundingBox();
    assert.ok(submit && submit.height >= 44, `sign-up button at least 44 px tall (${submit?.height})`);
  });

  test('the pointer works inside: the page\'s `cursor: none` and `pointer-events: none` on the hosts do not reach in', async () => {
    const seen = await page.evaluate((tags) =>
      tags.map((tag) => {
        const root = document.querySelector(tag).shadowRoot;
        return { tag, cursor: getComputedStyle(root.querySelector('.heading')).cursor, events: getComputedStyle(root.querySelector('button[type=submit]')).pointerEvents };
      }),
    ['involve-signup', 'involve-feedback']);
    for (const s of seen) {
      assert.notEqual(s.cursor, 'none', `${s.tag}: the mouse pointer is visible over the widget`);
      assert.notEqual(s.events, 'none', `${s.tag}: the buttons take clicks`);
    }
    // A real mouse click (Playwright checks that nothing covers the point it clicks).
    await page.locator('involve-signup #f-storeDetails').click();
    assert.equal(await page.evaluate(() => document.querySelector('involve-signup').values.storeDetails), true, 'a mouse click ticks a box');
    await page.locator('involve-signup #f-storeDetails').click();
  });

  test('a sign-up is completed with the keyboard alone; the endpoint stores exactly one', async () => {
    const tag = 'involve-signup';
    await tabTo(tag, 'f-name');
    // The host's `:focus { outline: none !important }` must not hide where focus is.
    const focus = await page.evaluate((t) => {
      const style = getComputedStyle(document.querySelector(t).shadowRoot.activeElement);
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    }, tag);
    assert.ok(focus.outline === 'solid' && focus.width >= 3, `focus indicator visible (${JSON.stringify(focus)})`);
    await page.keyboard.type('Sam Okafor');
    await tabTo(tag, 'f-relationship-2'); // "I am a carer"
    await page.keyboard.press('Space');
    await tabTo(tag, 'f-preferred'); // radios: one tab stop
    await page.keyboard.press('Space');
    await tabTo(tag, 'f-email');
    await page.keyboard.type('sam@example.org');
    await tabTo(tag, 'f-storeDetails');
    await page.keyboard.press('Space');
    await pressSubmit(tag, 'Sign up');
    await waitForSuccess(tag);
    const signups = (await endpoint.server.state()).records.filter((r) => r.kind === 'signups');
    assert.equal(signups.length, 1, 'one sign-up stored');
    assert.deepEqual(signups[0].body.contact, { preferred: 'email', email: 'sam@example.org' });
    assert.equal(signups[0].body.name, 'Sam Okafor');
    assert.equal(signups[0].body.source.partner, 'grapevine');
  });

  test('a feedback is completed with the keyboard alone (tabbing on past the meetings); the endpoint stores exactly one', async () => {
    const tag = 'involve-feedback';
    await tabTo(tag, 'f-service', 200); // from the sign-up's confirmation, through the meetings list
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await tabTo(tag, 'f-rating');
    await page.keyboard.press('ArrowDown');
    await tabTo(tag, 'f-whatWentWell');
    await page.keyboard.type('Being listened to.');
    await pressSubmit(tag, 'Send feedback');
    await waitForSuccess(tag);
    const { records } = await endpoint.server.state();
    const feedback = records.filter((r) => r.kind === 'feedback');
    assert.equal(feedback.length, 1, 'one feedback stored');
    assert.equal(feedback[0].body.whatWentWell, 'Being listened to.');
    assert.equal(feedback[0].body.source.partner, 'grapevine');
    assert.equal(records.filter((r) => r.kind === 'signups').length, 1, 'still exactly one sign-up');
  });

  test('the endpoint was called cross-origin with CORS preflights', () => {
    assert.ok(endpoint.log.some((l) => l.startsWith('OPTIONS /api/signups')), `preflight for POST /signups (log: ${endpoint.log.join(', ')})`);
    assert.ok(endpoint.log.some((l) => l.startsWith('POST /api/feedback')), 'POST /feedback');
    assert.ok(endpoint.log.some((l) => l.startsWith('GET /api/meetings')), 'GET /meetings');
    assert.ok(site.log.some((l) => l === 'GET /dist/involve-widgets.js?again=1'), 'the bundle was loaded a second time under another URL');
  });

  test('0 securitypolicyviolation events, 0 console errors, 0 page errors, 0 requests but the page and the endpoint', async () => {
    const seen = await page.evaluate(() => window.__violations);
    assert.deepEqual(seen, [], 'securitypolicyviolation events');
    assert.deepEqual(pageErrors, [], 'page errors (uncaught exceptions, e.g. a second define)');
    assert.deepEqual(consoleErrors, [], 'console errors');
    assert.deepEqual(foreignRequests, [], 'requests to anywhere but the page origin and the endpoint origin');
    assert.deepEqual(failedRequests, [], 'failed requests');
  });

  test('no cookies and nothing in localStorage after both submissions (contract §1)', async () => {
    assert.deepEqual(await context.cookies(), [], 'cookies');
    assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'localStorage entries');
  });
});
