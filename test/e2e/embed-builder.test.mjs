// The newcomer's path (issue 19), in Debian's Chromium through playwright-core, against the real
// endpoint serving the real build: open the embed builder from the endpoint, use it by keyboard, learn
// the site is not on the allow-list (and what to send the Trust), get it added, copy the snippet, paste
// it into a plain page on another loopback origin, and see a sign-up land for the partner.
// Needs `npm run build` first (npm test builds before it).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT, startPlainSite, startRealEndpoint } from './real-endpoint.ts';

let endpoint;
let site;
let browser;
let context;
let page;
const violations = [];
const pageErrors = [];

/** Text of the builder's element with this id (inside its shadow root). */
const shadowText = (id) => page.evaluate((i) => document.querySelector('involve-embed-builder').shadowRoot.getElementById(i)?.textContent ?? '', id);
const focusedId = () => page.evaluate(() => document.querySelector('involve-embed-builder')?.shadowRoot?.activeElement?.id ?? document.activeElement?.id);

before(async () => {
  assert.ok(existsSync(`${ROOT}/dist/embed/embed-builder.js`), 'dist/embed/ exists (run npm run build first)');
  endpoint = await startRealEndpoint();
  site = await startPlainSite(endpoint.origin);
  browser = await chromium.launch({ ...CHROMIUM, headless: true });
  context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: endpoint.origin });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__violations?.push(`${e.violatedDirective} ${e.blockedURI}`) ?? (window.__violations = [`${e.violatedDirective} ${e.blockedURI}`]));
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await endpoint?.close();
});

describe('the embed builder, from the endpoint', () => {
  test('/embed opens the builder under its own strict CSP, with the live widget preview', async () => {
    const response = await page.goto(`${endpoint.origin}/embed`);
    assert.equal(new URL(page.url()).pathname, '/embed/');
    assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
    await page.waitForFunction(() => document.querySelector('involve-embed-builder')?.shadowRoot?.querySelector('involve-signup')?.shadowRoot?.querySelector('form'), null, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('involve-embed-builder').shadowRoot.getElementById('snippet').textContent.includes('integrity="sha384-'));
    assert.equal(await page.title(), 'Add an involvement widget to your site');
  });

  test('keyboard only: choose a widget, type the partner id and the site address', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('Tab'); // the first radio (sign-up, checked)
    assert.equal(await focusedId(), 'w-signup');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(), 'w-meetings');
    assert.match(await shadowText('snippet'), /<involve-meetings endpoint=/);
    assert.match(await shadowText('shortcode'), /^\[involve_meetings limit="6"\]$/);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedId(), 'w-signup');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'partner');
    await page.keyboard.type('healthwatch-coventry');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'site');
    await page.keyboard.type(`${site.origin}/get-involved`);
    await page.waitForFunction(() => /not on the allow-list/.test(document.querySelector('involve-embed-builder').shadowRoot.getElementById('check').textContent));
    const check = await shadowText('check');
    assert.match(check, new RegExp(`Please add ${site.origin.replace(/[.]/g, '\\.')} to the involvement widgets allow-list for partner "healthwatch-coventry"`));
    assert.equal(await page.evaluate(() => document.querySelector('involve-embed-builder').shadowRoot.getElementById('check').getAttribute('role')), 'status', 'announced politely');
  });

  test('once the Trust adds the site for the partner, the builder says so', async () => {
    await endpoint.storage.partners.add('healthwatch-coventry', 'Healthwatch Coventry');
    await endpoint.storage.partners.allowOrigin('healthwatch-coventry', site.origin);
    await page.keyboard.type(' ');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => /is on the allow-list for Healthwatch Coventry/.test(document.querySelector('involve-embed-builder').shadowRoot.getElementById('check').textContent));
  });

  test('options change the snippet and the preview; the preview never sends', async () => {
    const builder = page.locator('involve-embed-builder');
    await builder.locator('#easy-read').check();
    await builder.locator('#heading-level').selectOption('3');
    const code = await shadowText('snippet');
    assert.match(code, /<involve-signup endpoint="http:\/\/127\.0\.0\.1:\d+" partner="healthwatch-coventry" easy-read heading-level="3"><\/involve-signup>/);
    assert.match(await shadowText('shortcode'), /^\[involve_signup partner="healthwatch-coventry" easy_read="yes" heading_level="3"\]$/);
    await page.waitForFunction(() => document.querySelector('involve-embed-builder').shadowRoot.querySelector('involve-signup').hasAttribute('easy-read'));
    const sent = await page.evaluate(async () => {
      const el = document.querySelector('involve-embed-builder').shadowRoot.querySelector('involve-signup');
      await el.submit().catch(() => {});
      return document.querySelector('involve-embed-builder').shadowRoot.getElementById('preview-note').textContent;
    });
    // (an empty form fails validation before any involve-submit; either way nothing is stored)
    assert.equal(await endpoint.storage.countSubmissions('signups'), 0, String(sent));
    await builder.locator('#dark').check();
    assert.match(await shadowText('snippet'), / theme="dark"/);
    await page.waitForFunction(() => document.querySelector('involve-embed-builder').shadowRoot.querySelector('involve-signup').getAttribute('theme') === 'dark');
    await builder.locator('#dark').uncheck();
    await builder.locator('#easy-read').uncheck();
    await builder.locator('#heading-level').selectOption('2');
  });

  test('axe finds no accessibility violations on the builder', async () => {
    const axeContext = await browser.newContext({ bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(`${endpoint.origin}/embed/`);
    await axePage.waitForFunction(() => document.querySelector('involve-embed-builder')?.shadowRoot?.querySelector('involve-signup')?.shadowRoot?.querySelector('form'));
    await axePage.evaluate(readFileSync(`${ROOT}/node_modules/axe-core/axe.min.js`, 'utf8'));
    const result = await axePage.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    await axeContext.close();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  });

  test('the copy button puts the complete snippet on the clipboard, and says so', async () => {
    await page.locator('involve-embed-builder #copy-snippet').click();
    await page.waitForFunction(() => /Snippet copied/.test(document.querySelector('involve-embed-builder').shadowRoot.getElementById('copied').textContent));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const sizes = await (await fetch(`${endpoint.origin}/widgets/latest/sizes.json`)).json();
    const signup = sizes.files.find((f) => f.name === 'involve-signup.js');
    assert.equal(copied, [
      `<script type="module" src="${endpoint.origin}/widgets/${sizes.version}/involve-signup.js"`,
      `        integrity="${signup.integrity}" crossorigin="anonymous"></script>`,
      `<involve-signup endpoint="${endpoint.origin}" partner="healthwatch-coventry"></involve-signup>`,
    ].join('\n'));
    site.html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Healthwatch Coventry: get involved</title></head><body><h1>Get involved</h1>\n${copied}\n</body></html>`;
  });

  test('pasted into a plain page on another origin, the widget loads (SRI ok) and a sign-up lands for the partner', async () => {
    const partnerPage = await context.newPage();
    partnerPage.on('pageerror', (e) => pageErrors.push(e.message));
    await partnerPage.goto(`${site.origin}/get-involved`);
    await partnerPage.waitForFunction(() => document.querySelector('involve-signup')?.shadowRoot?.querySelector('form'), null, { timeout: 10_000 });
    await partnerPage.waitForTimeout(2100); // faster than a person is treated as spam (elapsedMs < 2000)
    const result = await partnerPage.evaluate(async () => {
      const el = document.querySelector('involve-signup');
      el.prefill({ name: 'Asha Patel', relationship: ['carer'], preferred: 'email', email: 'asha@example.org', storeDetails: true });
      return el.submit();
    });
    assert.equal(result?.ok ?? true, true, JSON.stringify(result));
    const rows = await endpoint.storage.listSubmissions('signups');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].payload.source.partner, 'healthwatch-coventry');
    assert.equal(rows[0].payload.name, 'Asha Patel');
    const violationsThere = await partnerPage.evaluate(() => window.__violations ?? []);
    assert.deepEqual(violationsThere, []);
  });

  test('dist/embed/ hosted on another origin works with ?endpoint=', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const name = new URL(req.url, 'http://x').pathname.replace(/^\/embed\//, '') || 'index.html';
      const file = `${ROOT}/dist/embed/${name}`;
      if (!/^[a-z-]+\.(html|js|css)$/.test(name) || !existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': { html: 'text/html', js: 'text/javascript', css: 'text/css' }[name.split('.').pop()] }).end(readFileSync(file));
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const staticPage = await context.newPage();
    try {
      await staticPage.goto(`http://127.0.0.1:${server.address().port}/embed/?endpoint=${encodeURIComponent(endpoint.origin)}`);
      await staticPage.waitForFunction(() => document.querySelector('involve-embed-builder')?.shadowRoot?.getElementById('snippet')?.textContent.includes('integrity="sha384-'), null, { timeout: 10_000 });
      const code = await staticPage.evaluate(() => document.querySelector('involve-embed-builder').shadowRoot.getElementById('snippet').textContent);
      assert.match(code, new RegExp(`src="${endpoint.origin}/widgets/`));
      assert.match(code, new RegExp(`endpoint="${endpoint.origin}"`));
    } finally {
      await staticPage.close();
      server.closeAllConnections();
      server.close();
    }
  });

  test('no CSP violations or page errors on the builder', async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations ?? []), []);
    assert.deepEqual(pageErrors, []);
    violations.length = 0;
  });
});
