// Issue 18, "tell the webmaster, not the visitor": the built bundle on a partner page (another origin)
// against the real reference server, through playwright-core and Debian's Chromium:
//   - the page's origin is not on the server's allow-list (CORS refused; GET /probe says so),
//   - the endpoint attribute points at the wrong path (404),
//   - the server is not answering (a closed port): the form stays usable, the retry path deals with it,
//   - all is well: no message, no console error,
//   - a wrong SRI hash: the browser refuses the file; only the console says why, and the element's own
//     fallback content shows (README "Troubleshooting").
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT, startSite } from './harness.ts';
import { testApp } from '../../server/test/helpers.ts';

let trust;
let server;
let serverOrigin;
let browser;
const sites = [];

before(async () => {
  assert.ok(existsSync(`${ROOT}/dist/involve-widgets.js`), 'dist/involve-widgets.js exists (run npm run build first)');
  // The reference server, allowing one partner origin that is not any page of this test.
  trust = await testApp({ ALLOWED_ORIGINS: 'https://www.coventrycarers.example' });
  await new Promise((ok) => {
    server = serve({ fetch: trust.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      serverOrigin = `http://127.0.0.1:${info.port}`;
      ok();
    });
  });
  browser = await chromium.launch({ ...CHROMIUM, headless: true });
});

after(async () => {
  await browser?.close();
  for (const site of sites) await site.close();
  await new Promise((ok) => server?.close(ok));
  await trust?.cleanup();
});

/**
 * Serves `page` from a new loopback origin (not on the server's allow-list) with the endpoint
 * attribute `endpointUrl`; returns the tab and what it logged.
 */
async function visit(page, endpointUrl) {
  const endpoint = { url: endpointUrl, origin: new URL(endpointUrl).origin, allowedOrigins: new Set() };
  const site = await startSite(endpoint);
  sites.push(site);
  const context = await browser.newContext();
  const tab = await context.newPage();
  const console = { error: [], warn: [] };
  tab.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console[m.type() === 'error' ? 'error' : 'warn'].push(m.text()));
  await tab.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('involve-error', (e) => window.__errors.push(e.detail));
  });
  await tab.goto(`${site.origin}/demo/hostile/${page}`);
  return { tab, console, site, close: () => context.close() };
}

const shadowText = (tab, tag, selector) => tab.evaluate(([t, s]) => document.querySelector(t)?.shadowRoot?.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, [tag, selector]);

async function waitForConfigError(tab, tag) {
  await tab.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('[part~="config-error"]'), tag, { timeout: 10_000 });
}

describe('the endpoint check tells the webmaster what is wrong, before anyone types', () => {
  test('a site not on the allow-list: a calm message instead of the form, the fix in console.error, involve-error reason origin-not-allowed', async () => {
    const { tab, console, site, close } = await visit('config-check.html', `${serverOrigin}`);
    await waitForConfigError(tab, 'involve-signup');
    const shown = await shadowText(tab, 'involve-signup', '[part~="config-error"]');
    assert.match(shown, /cannot send your answers from this page yet/);
    assert.equal(await tab.evaluate(() => document.querySelector('involve-signup').shadowRoot.querySelector('input, textarea')), null, 'no form to fill in');
    assert.ok(console.error.some((m) => m.includes(`origin-not-allowed: ${site.origin} is not on the allow-list of ${serverOrigin}`)), `console: ${console.error.join(' | ')}`);
    const errors = await tab.evaluate(() => window.__errors);
    assert.deepEqual(errors, [{ form: 'signup', kind: 'config', reason: 'origin-not-allowed' }]);
    // The meetings list (whose GET is refused by CORS) says it is not set up, not "check your internet".
    await waitForConfigError(tab, 'involve-meetings');
    const height = await tab.evaluate(() => document.querySelector('involve-meetings').getBoundingClientRect().height);
    assert.ok(height < 400, `meetings not set up: no 68em reserved height (${height}px)`);
    await close();
  });

  test('a wrong path (404 on every route): reason endpoint-not-found, the fix names the address', async () => {
    const { tab, console, close } = await visit('config-check.html', `${serverOrigin}/api/v1`);
    await waitForConfigError(tab, 'involve-signup');
    assert.match(await shadowText(tab, 'involve-signup', '[part~="config-error"]'), /cannot send your answers from this page yet/);
    assert.ok(console.error.some((m) => m.includes(`endpoint-not-found: no Involve API at ${serverOrigin}/api/v1`)), `console: ${console.error.join(' | ')}`);
    assert.deepEqual(await tab.evaluate(() => window.__errors), [{ form: 'signup', kind: 'config', reason: 'endpoint-not-found' }]);
    await waitForConfigError(tab, 'involve-meetings');
    await close();
  });

  test('a server that is not answering is the network: the form stays, no config error, a console warning', async () => {
    const { tab, console, close } = await visit('config-check.html', 'http://127.0.0.1:9/api');
    await tab.waitForFunction(() => document.querySelector('involve-signup')?.shadowRoot?.querySelector('input'), null, { timeout: 10_000 });
    await tab.waitForFunction(() => document.querySelector('involve-meetings')?.shadowRoot?.querySelector('[part~="error"]'), null, { timeout: 20_000 });
    await tab.waitForTimeout(300);
    assert.equal(await tab.evaluate(() => document.querySelector('involve-signup').shadowRoot.querySelector('[part~="config-error"]')), null);
    assert.deepEqual(await tab.evaluate(() => window.__errors), []);
    assert.ok(console.warn.some((m) => m.includes('is not answering')), `console warnings: ${console.warn.join(' | ')}`);
    await close();
  });

  test('a wrong SRI hash: the browser refuses the file and says so only in the console; the fallback content shows', async () => {
    const { tab, console, close } = await visit('wrong-sri.html', `${serverOrigin}`);
    await tab.waitForLoadState('load');
    await tab.waitForTimeout(300);
    assert.equal(await tab.evaluate(() => !!customElements.get('involve-signup')), false, 'the widget never ran');
    assert.ok(console.error.some((m) => /integrity/i.test(m)), `console: ${console.error.join(' | ')}`);
    assert.match(await tab.evaluate(() => document.querySelector('involve-signup').innerText), /sign up by emailing/);
    await close();
  });
});

describe('all is well', () => {
  let allowed;
  let allowedServer;
  let allowedOrigin;
  test('an allowed site: the form, no config message, no console error', async () => {
    // Start a site on a fixed endpoint placeholder, then a server allowing that site's origin.
    const placeholder = { url: 'http://placeholder.invalid', origin: 'http://placeholder.invalid', allowedOrigins: new Set() };
    // The server's port is not known yet: the page's policy allows any loopback port.
    const site = await startSite(placeholder, { csp: "default-src 'none'; script-src 'self'; connect-src http://127.0.0.1:*; style-src 'self'" });
    sites.push(site);
    allowed = await testApp({ ALLOWED_ORIGINS: site.origin });
    await new Promise((ok) => {
      allowedServer = serve({ fetch: allowed.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        allowedOrigin = `http://127.0.0.1:${info.port}`;
        ok();
      });
    });
    placeholder.url = allowedOrigin;
    placeholder.origin = allowedOrigin;
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors = [];
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(`${site.origin}/demo/hostile/config-check.html`);
    await tab.waitForFunction(() => document.querySelector('involve-meetings')?.shadowRoot?.querySelector('.count, .empty'), null, { timeout: 10_000 });
    await tab.waitForTimeout(500);
    assert.equal(await tab.evaluate(() => document.querySelector('involve-signup').shadowRoot.querySelector('[part~="config-error"]')), null);
    assert.ok(await tab.evaluate(() => document.querySelector('involve-signup').shadowRoot.querySelector('input')), 'the form');
    assert.deepEqual(errors.filter((e) => !/options/.test(e)), []);
    await context.close();
    await new Promise((ok) => allowedServer.close(ok));
    await allowed.cleanup();
  });
});
