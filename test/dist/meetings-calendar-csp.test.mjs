// "Add to calendar" on a partner page under the strict policy of contract §1, in Debian's Chromium:
//   default-src 'none'; script-src 'self'; connect-src <endpoint>; style-src 'self'; require-trusted-types-for 'script'
// The download is a blob: URL on an <a download> inside the widget's shadow root. CSP governs what a page
// fetches and runs, not what it saves, so this must arrive as a file with no violation reported.
// Builds src/involve-meetings.ts with the project's rollup config into a temp dir (dist/ is left alone).
//   node --test test/meetings/calendar-csp.test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, strictCsp } from '../e2e/harness.ts';
import { rollup } from 'rollup';
import { browserBundle } from '../../rollup.config.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'meetings-csp-'));
const bundleFile = join(dir, 'involve-meetings.js');
const start = new Date(Date.now() + 30 * 86_400_000);
const meeting = {
  id: 'csp-1',
  title: 'Living Well meeting',
  collaborative: 'Coventry Living Well Collaborative',
  start: start.toISOString(),
  end: new Date(start.getTime() + 7_200_000).toISOString(),
  format: 'online',
  workstreams: ['carers'],
  status: 'scheduled',
};

let server;
let origin;
let browser;

before(async () => {
  process.chdir(root);
  // The bundle and the messages pack it imports from beside it once it shows.
  for (const [input, file] of [['src/involve-meetings.ts', bundleFile], ['src/components/involve-meetings/messages.ts', join(dir, 'involve-meetings-messages.js')]]) {
    const config = browserBundle({ input, file });
    const bundle = await rollup({ ...config, onwarn: () => {} });
    await bundle.write(config.output);
    await bundle.close();
  }

  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/api/meetings') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify({ meetings: [meeting] }));
    }
    if (url.pathname === '/api/options') {
      // As the reference endpoint answers it (optional in the contract; the widget asks once).
      res.setHeader('Content-Type', 'application/json');
      return res.end('{}');
    }
    if (url.pathname === '/involve-meetings.js' || url.pathname === '/involve-meetings-messages.js') {
      res.setHeader('Content-Type', 'text/javascript');
      return res.end(readFileSync(join(dir, url.pathname.slice(1))));
    }
    if (url.pathname === '/page') {
      res.setHeader('Content-Security-Policy', strictCsp(origin));
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Partner page</title>
<script type="module" src="/involve-meetings.js"></script></head>
<body><h1>Meetings</h1><involve-meetings endpoint="${origin}/api"></involve-meetings></body></html>`);
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
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  rmSync(dir, { recursive: true, force: true });
});

test('the .ics downloads under the strict CSP with Trusted Types, with no violation', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(`${origin}/page`);
  const button = page.locator('involve-meetings').getByRole('button', { name: /Add to calendar/ });
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button.click()]);
  assert.equal(download.suggestedFilename(), 'Living Well meeting.ics');
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /\r\nUID:csp-1@127\.0\.0\.1\r\n/);
  assert.match(text, new RegExp(`\\r\\nDTSTART:${start.toISOString().replace(/\.\d+|[-:]/g, '')}\\r\\n`));
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP / Trusted Types violations');
  assert.deepEqual(problems, [], 'errors on the page');
  await context.close();
});
