// The built bundles on a partner page with the strict policy of contract §1, in Debian's Chromium:
//   default-src 'none'; script-src 'self'; connect-src <endpoint>; style-src 'self'; require-trusted-types-for 'script'
// Needs `npm run build` first (npm test runs this after the build). Run alone:
//   node --test test/dist/csp.test.mjs
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, strictCsp } from '../e2e/harness.ts';

const root = new URL('../../', import.meta.url).pathname;
const TAGS = ['involve-signup', 'involve-meetings', 'involve-feedback'];

let server;
let origin;
let browser;
const apiRequests = [];
/** Every file asked for under /dist/, and whether the server should refuse the easy-read packs. */
const distRequests = [];
let packsMissing = false;

/** A partner page: only the given bundles (same origin) and the given tags, under the strict policy. */
function page(bundles, tags, attributes = '') {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Partner page</title>
${bundles.map((b) => `<script type="module" src="/dist/${b}"></script>`).join('\n')}
</head>
<body>
<h1>Get involved</h1>
${tags.map((t) => `<${t} endpoint="${origin}/api" partner="csp-test"${attributes}></${t}>`).join('\n')}
</body>
</html>`;
}

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/api/')) {
      apiRequests.push(`${req.method} ${url.pathname}`);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Content-Type', 'application/json');
      if (url.pathname === '/api/meetings') return res.end(JSON.stringify({ meetings: [] }));
      // The forms' endpoint check (issue 18): this stand-in is the API and lets the page in.
      if (url.pathname === '/api/probe') return res.end(JSON.stringify({ api: 'involve', originAllowed: true }));
      res.statusCode = 404;
      return res.end('{}');
    }
    if (url.pathname.startsWith('/dist/') && /^[\w-]+\.js$/.test(url.pathname.slice(6))) {
      const file = `${root}dist/${url.pathname.slice(6)}`;
      distRequests.push(url.pathname.slice(6));
      if (!existsSync(file) || (packsMissing && file.endsWith('-easy-read.js'))) {
        res.statusCode = 404;
        return res.end();
      }
      res.setHeader('Content-Type', 'text/javascript');
      return res.end(readFileSync(file));
    }
    if (url.pathname === '/page') {
      const bundles = url.searchParams.getAll('bundle');
      const tags = url.searchParams.getAll('tag');
      res.setHeader('Content-Security-Policy', strictCsp(origin));
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(page(bundles, tags, url.searchParams.has('easy-read') ? ' easy-read' : ''));
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch(CHROMIUM);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens the page, lets the widgets render and fetch, and reports everything that went wrong. */
async function load(bundles, tags, { easyRead = false } = {}) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = [];
  const foreignRequests = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('console', (message) => {
    // The widgets' own configuration messages are expected only when misconfigured, which these pages aren't.
    if (message.type() !== 'error') return;
    // Chromium logs a 404 from the stub endpoint (e.g. the optional GET /options) as a console error.
    if (message.text().startsWith('Failed to load resource') && message.location().url.startsWith(`${origin}/api/`)) return;
    // …and the easy-read pack the server refuses in the test that checks the widgets work without it.
    if (packsMissing && message.text().startsWith('Failed to load resource') && message.location().url.endsWith('-easy-read.js')) return;
    problems.push(`console.error: ${message.text()}`);
  });
  tab.on('request', (request) => {
    if (!request.url().startsWith(origin)) foreignRequests.push(request.url());
  });
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const query = [...bundles.map((b) => `bundle=${b}`), ...tags.map((t) => `tag=${t}`), ...(easyRead ? ['easy-read'] : [])].join('&');
  await tab.goto(`${origin}/page?${query}`);
  await tab.waitForLoadState('networkidle');
  const elements = await tab.evaluate(async (tags) => {
    const out = {};
    for (const tag of tags) {
      const el = document.querySelector(tag);
      const defined = Boolean(customElements.get(tag));
      if (defined) await el.updateComplete;
      out[tag] = {
        defined,
        rendered: Boolean(el.shadowRoot && el.shadowRoot.querySelector('*')),
        adoptedStyles: el.shadowRoot ? el.shadowRoot.adoptedStyleSheets.length : 0,
        styleElements: el.shadowRoot ? el.shadowRoot.querySelectorAll('style').length : 0,
        configError: Boolean(el.shadowRoot && el.shadowRoot.querySelector('[part~="config-error"]')),
        headings: [...(el.shadowRoot?.querySelectorAll('h2') ?? [])].map((h) => h.textContent.trim()),
      };
    }
    return out;
  }, tags);
  const violations = await tab.evaluate(() => window.__violations);
  await context.close();
  return { problems, foreignRequests, violations, elements };
}

function assertClean({ problems, foreignRequests, violations, elements }) {
  assert.deepEqual(violations, [], 'Content-Security-Policy / Trusted Types violations');
  assert.deepEqual(problems, [], 'errors on the page');
  assert.deepEqual(foreignRequests, [], 'requests to anywhere but the page and the endpoint');
  for (const [tag, state] of Object.entries(elements)) {
    assert.ok(state.defined, `<${tag}> is defined`);
    assert.ok(state.rendered, `<${tag}> rendered into its shadow root`);
    assert.ok(state.adoptedStyles > 0, `<${tag}> styled with adopted stylesheets`);
    assert.equal(state.styleElements, 0, `<${tag}> needs no <style> element (style-src 'self')`);
    assert.ok(!state.configError, `<${tag}> shows no configuration error`);
  }
}

describe('built bundles under a strict CSP with Trusted Types', () => {
  test('dist/involve-widgets.js: all three elements, and loading it twice with a per-widget file is harmless', async () => {
    assert.ok(existsSync(`${root}dist/involve-widgets.js`), 'dist/involve-widgets.js exists (run npm run build)');
    assertClean(await load(['involve-widgets.js', 'involve-signup.js'], TAGS));
  });

  for (const tag of TAGS) {
    test(`dist/${tag}.js alone`, async () => {
      assert.ok(existsSync(`${root}dist/${tag}.js`), `dist/${tag}.js exists (run npm run build)`);
      assertClean(await load([`${tag}.js`], [tag]));
    });
  }

  test('without easy read, no bundle asks for its easy-read pack', () => {
    assert.deepEqual(distRequests.filter((f) => f.endsWith('-easy-read.js')), [], `files asked for: ${distRequests.join(', ')}`);
  });

  // Easy-read wording is an on-demand pack beside the bundle (issue 16's size rule): a dynamic import()
  // from the same folder, which script-src 'self' allows and Trusted Types does not govern.
  const EASY_TITLES = { 'involve-signup': 'Join our group of people who help', 'involve-meetings': 'Meetings you can come to', 'involve-feedback': 'Tell us what you think' };
  const STANDARD_TITLES = { 'involve-signup': 'Join our involvement register', 'involve-meetings': 'Upcoming Collaborative meetings', 'involve-feedback': 'Tell us about your experience' };

  for (const bundle of ['involve-widgets.js', ...TAGS.map((t) => `${t}.js`)]) {
    const tags = bundle === 'involve-widgets.js' ? TAGS : [bundle.replace('.js', '')];
    test(`dist/${bundle} with easy-read: loads its pack from beside the bundle and shows easy-read wording`, async () => {
      distRequests.length = 0;
      const result = await load([bundle], tags, { easyRead: true });
      assertClean(result);
      assert.deepEqual(
        distRequests.filter((f) => f.endsWith('-easy-read.js')).sort(),
        tags.map((t) => `${t}-easy-read.js`).sort(),
        'each widget asked for its own pack, once',
      );
      for (const tag of tags) assert.ok(result.elements[tag].headings.includes(EASY_TITLES[tag]), `<${tag}> headings: ${result.elements[tag].headings}`);
    });
  }

  test('when the easy-read pack cannot load, each widget still works in standard wording', async () => {
    packsMissing = true;
    try {
      const result = await load(['involve-widgets.js'], TAGS, { easyRead: true });
      assertClean(result);
      for (const tag of TAGS) assert.ok(result.elements[tag].headings.includes(STANDARD_TITLES[tag]), `<${tag}> headings: ${result.elements[tag].headings}`);
    } finally {
      packsMissing = false;
    }
  });

  test('the meetings widget fetched from the endpoint', () => {
    assert.ok(apiRequests.some((r) => r.startsWith('GET /api/meetings')), `API requests: ${apiRequests.join(', ')}`);
  });
});
