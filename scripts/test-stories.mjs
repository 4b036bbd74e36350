#!/usr/bin/env node
// `npm run test:stories`: the Storybook catalogue as a test suite.
//
//   1. builds Storybook into storybook-static/ (output shown only if the build fails; SKIP_BUILD=1 reuses it)
//   2. serves it on 127.0.0.1 (a small static server below)
//   3. runs every story with @storybook/test-runner (Jest + Playwright, in Debian's Chromium: see
//      test-runner-jest.config.js): a story fails if it does not render, its play function fails,
//      axe finds a violation (addon-a11y, `parameters.a11y` in .storybook/preview.ts) or it logs a
//      console error (--failOnConsole)
//   4. opens every docs page; a widget's docs page (and custom-elements.json) must list every attribute,
//      event, CSS part and custom property that CONTRACT.md §2-4 names for that widget, so a missing
//      JSDoc tag fails here. A contract widget with no docs page at all fails too.
//
// One test per story and per docs page (and per missing widget); the last line is `N passed, N failed`.
// Env: STORY_FILTER=substring of story ids (docs pages only; the story runner takes all),
// STORY_CONCURRENCY (default 2), CHROMIUM_PATH, SKIP_BUILD=1.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const STATIC = join(root, 'storybook-static');
const STORY_TIMEOUT_MS = 60_000;
const concurrency = Math.max(1, Number(process.env.STORY_CONCURRENCY) || 2);
const filter = process.env.STORY_FILTER ?? '';
/** The stories' endpoint (stories/msw.ts): its deliberate 4xx/5xx answers are not console errors. */
const ENDPOINT_ORIGIN = 'https://involve.example.nhs.uk';

// ── What CONTRACT.md §2-4 names, per widget ──────────────────────────────────────────────────────────
const COMMON_ATTRIBUTES = ['endpoint', 'partner', 'locale', 'easy-read', 'heading-level'];
const COMMON_PROPERTIES = ['endpoint', 'partner', 'locale', 'easyRead', 'headingLevel'];
const CSS_PROPERTIES = [
  '--involve-font-family', '--involve-text-colour', '--involve-accent-colour', '--involve-accent-text-colour',
  '--involve-error-colour', '--involve-focus-colour', '--involve-border-radius', '--involve-space', '--involve-max-width',
];
const FORM_EVENTS = ['involve-submit', 'involve-success', 'involve-error', 'involve-queued'];
const FORM_PARTS = ['form', 'field', 'label', 'hint', 'input', 'error', 'button', 'error-summary', 'success', 'config-error'];
const FORM_MEMBERS = ['submit', 'reset', 'prefill', 'values'];
const CONTRACT = {
  'involve-signup': { attributes: COMMON_ATTRIBUTES, properties: COMMON_PROPERTIES, events: FORM_EVENTS, parts: FORM_PARTS, cssProperties: CSS_PROPERTIES, members: FORM_MEMBERS },
  'involve-feedback': { attributes: COMMON_ATTRIBUTES, properties: COMMON_PROPERTIES, events: FORM_EVENTS, parts: [...FORM_PARTS, 'crisis'], cssProperties: CSS_PROPERTIES, members: FORM_MEMBERS },
  'involve-meetings': {
    attributes: [...COMMON_ATTRIBUTES, 'limit'],
    properties: [...COMMON_PROPERTIES, 'limit'],
    events: ['involve-meetings-loaded'],
    parts: ['meeting', 'meeting-title', 'filter', 'button', 'config-error'],
    cssProperties: CSS_PROPERTIES,
    members: [],
  },
};

// ── 1. build ─────────────────────────────────────────────────────────────────────────────────────────
function runQuiet(command, args) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (e) => resolve({ code: 1, output: output + String(e) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const t0 = Date.now();
if (process.env.SKIP_BUILD !== '1' || !existsSync(join(STATIC, 'index.json'))) {
  process.stdout.write('building Storybook… ');
  const { code, output } = await runQuiet(process.execPath, [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', 'storybook-static', '--quiet']);
  if (code !== 0) {
    console.log('FAILED\n' + output);
    console.log('✖ storybook build');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`done (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

// ── 2. serve ─────────────────────────────────────────────────────────────────────────────────────────
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.map': 'application/json', '.txt': 'text/plain',
};
const server = createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  // Chromium asks for /favicon.ico on its own; Storybook ships favicon.svg.
  if (pathname === '/favicon.ico') return void res.writeHead(204).end();
  let file = normalize(join(STATIC, pathname));
  if (file !== STATIC && !file.startsWith(STATIC + sep)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((e) => !filter || e.id.includes(filter));
const docs = entries.filter((e) => e.type === 'docs');
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

// ── browser for the docs pages ──────────────────────────────────────────────────────────────────────────────────────
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });

/** Opens a page and collects the problems it reports: console errors, page errors, failed loads. */
async function openPage(url) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const location = msg.location()?.url ?? '';
    if (location.startsWith(ENDPOINT_ORIGIN) && /^Failed to load resource/.test(msg.text())) return;
    problems.push(`console.error: ${msg.text()}${location ? ` (${location})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith(ENDPOINT_ORIGIN)) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT_MS });
  return { page, problems };
}

/** Waits for Storybook's render of the current entry (loaders, render, play) to finish, and reports failures. */
async function waitForRender(page) {
  await page.waitForFunction(
    () => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      return render && ['finished', 'aborted'].includes(render.phase ?? 'finished') && !document.body.classList.contains('sb-show-preparing-story');
    },
    null,
    { timeout: STORY_TIMEOUT_MS, polling: 100 },
  );
  return page.evaluate(() => {
    if (!document.body.classList.contains('sb-show-errordisplay')) return null;
    const text = (id) => document.getElementById(id)?.textContent?.trim() ?? '';
    return `story failed to render or play: ${text('error-message')}\n${text('error-stack').split('\n').slice(0, 8).join('\n')}`;
  });
}

const tagOf = (entry) => /\/(involve-[a-z-]+)\.stories\.ts$/.exec(entry.importPath)?.[1];

/** What the contract names that this widget's manifest entry lacks. */
function manifestGaps(tag) {
  const want = CONTRACT[tag];
  const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!declaration) return [`custom-elements.json has no <${tag}> (no class with @tag/customElements.define found by the analyzer)`];
  const names = (list) => new Set((list ?? []).map((x) => x.name));
  const have = {
    attributes: names(declaration.attributes),
    properties: names((declaration.members ?? []).filter((m) => m.kind === 'field')),
    events: names(declaration.events),
    parts: names(declaration.cssParts),
    cssProperties: names(declaration.cssProperties),
    members: names(declaration.members),
  };
  const tags = { attributes: 'attribute', properties: 'property', events: '@fires', parts: '@csspart', cssProperties: '@cssprop', members: 'member' };
  return Object.entries(want).flatMap(([kind, list]) => list.filter((n) => !have[kind].has(n)).map((n) => `custom-elements.json: <${tag}> lacks ${tags[kind]} ${n}`));
}

async function testDocs(entry) {
  const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs&globals=a11y.manual:!true`;
  const { page, problems } = await openPage(url);
  try {
    const failure = await waitForRender(page);
    if (failure) problems.push(failure);
    await page.waitForFunction(() => (document.getElementById('storybook-docs')?.textContent ?? '').length > 0, null, { timeout: STORY_TIMEOUT_MS });
    const tag = tagOf(entry);
    if (tag && CONTRACT[tag]) {
      problems.push(...manifestGaps(tag));
      // The generated tables themselves, as a reader sees them.
      await page.waitForSelector('.docblock-argstable', { timeout: STORY_TIMEOUT_MS });
      const tableText = await page.$$eval('.docblock-argstable', (tables) => tables.map((t) => t.textContent ?? '').join('\n'));
      const want = CONTRACT[tag];
      for (const name of [...want.attributes, ...want.events, ...want.parts, ...want.cssProperties]) {
        if (!tableText.includes(name)) problems.push(`docs page: <${tag}>'s tables do not list ${name}`);
      }
    }
  } finally {
    await page.close();
  }
  return problems;
}

const tests = docs.map((entry) => ({ name: `${entry.title} › ${entry.name} (docs)`, run: () => testDocs(entry) }));
if (!filter) {
  const documented = new Set(docs.map(tagOf).filter(Boolean));
  for (const tag of Object.keys(CONTRACT).filter((t) => !documented.has(t))) {
    const missing = [`no docs page for <${tag}>: stories/${tag}.stories.ts is left out until src/components/${tag}/{${tag},define}.ts exist (.storybook/main.ts)`];
    tests.push({ name: `<${tag}> (docs)`, run: async () => [...missing, ...manifestGaps(tag)] });
  }
}

// ── 3. every story, with @storybook/test-runner ──────────────────────────────────────────────────────
let passed = 0;
let failed = 0;
const results = mkdtempSync(join(tmpdir(), 'involve-stories-'));
const runner = await new Promise((resolve) => {
  const args = [join(root, 'node_modules/@storybook/test-runner/dist/test-storybook.js'), '--url', base, '--maxWorkers', String(concurrency), '--failOnConsole', '--json', '--outputFile', join(results, 'stories.json')];
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TARGET_URL: base } });
  child.on('error', () => resolve(1));
  child.on('close', (code) => resolve(code ?? 1));
});
try {
  const report = JSON.parse(readFileSync(join(results, 'stories.json'), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed++; // no report: the runner itself failed
  console.log(`✖ @storybook/test-runner (exit ${runner}) wrote no report`);
}
rmSync(results, { recursive: true, force: true });

// ── 4. docs pages ────────────────────────────────────────────────────────────────────────────────────
const queue = [...tests];
async function worker() {
  for (let test = queue.shift(); test; test = queue.shift()) {
    const started = Date.now();
    let problems;
    try {
      problems = await test.run();
    } catch (error) {
      problems = [`${error.message.split('\n')[0]}`];
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (problems.length === 0) {
      passed++;
      console.log(`✓ ${test.name} (${seconds} s)`);
    } else {
      failed++;
      console.log(`✖ ${test.name} (${seconds} s)\n    ${problems.join('\n    ')}`);
    }
  }
}

try {
  await Promise.all(Array.from({ length: concurrency }, worker));
} finally {
  await context.close();
  await browser.close();
  server.close();
}

console.log(`\ndocs pages: ${docs.length}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed + failed === 0 ? 1 : 0;
