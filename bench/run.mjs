#!/usr/bin/env node
// `npm run bench` (issue 8): does a partner's page feel the widgets? Numbers, measured in one run:
//
//   1. sizes     gzip -9 and brotli (q 11) of every dist/ bundle beside a reference measured the same
//                way in the same run: @typeform/embed's script-tag loader (build/embed.js, the file
//                behind <script src="//embed.typeform.com/next/embed.js">), as a ratio; size budgets.
//   2. sign-up   time from the page's first byte to an interactive sign-up form (parsed, rendered,
//                painted) with the widget vs. a static-HTML copy of the same form (the widget's own
//                markup and CSS, no script) on the same host page, alternately in the same browser;
//                ratio of medians. Also the widget's time from its script request to interactive.
//   3. 1,000     a 1,000-meeting feed: parse + validate (response end → involve-meetings-loaded) and
//                render (→ first paint of the list), and long tasks (> 50 ms) after the response.
//   4. CLS       cumulative layout shift on a host page while the meetings load (a slow feed).
//   5. requests  requests to anything but the page's own files and the endpoint, over every load.
//
// Headless Debian Chromium through playwright-core; every page is served with the contract's strict
// CSP and the endpoint is the real server app (test/endpoint/) on another loopback origin. Each browser
// measurement runs BENCH_RUNS times (default 7) in a fresh browser context; the table prints min and
// median. It is a measurement: it exits 0 when a budget fails and says so. Writes bench/results.json
// and the README section between <!-- bench:start --> and <!-- bench:end -->.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const RUNS = Math.max(1, Math.min(50, Number(process.env.BENCH_RUNS) || 7));
const WIDGET_FILES = ['involve-widgets.js', 'involve-signup.js', 'involve-meetings.js', 'involve-feedback.js'];
const REFERENCE = { name: '@typeform/embed script-tag loader', file: 'node_modules/@typeform/embed/build/embed.js' };
/** kB are 1,000 bytes (as in the README's size table). */
const BUDGETS = {
  'involve-widgets.js': { budget: 28_000, stretch: 25_000 },
  'involve-signup.js': { budget: 20_000, stretch: 16_000 },
  'involve-meetings.js': { budget: 20_000, stretch: 16_000 },
  'involve-feedback.js': { budget: 20_000, stretch: 16_000 },
};
const TARGETS = { signupRatio: 1.5, longTasks: 0, cls: 0, foreignRequests: 0 };

// ── 0. build ────────────────────────────────────────────────────────────────────────────────────
// Always, so the numbers are for the source as it is (a dist/ left from before an edit would not be);
// BENCH_NO_BUILD=1 measures dist/ as it stands.
if (process.env.BENCH_NO_BUILD !== '1' || WIDGET_FILES.some((f) => !existsSync(join('dist', f)))) {
  console.log('npm run build');
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) console.log(`(npm run build exited with ${built.status}; measuring what was built)`);
}
const present = WIDGET_FILES.filter((f) => existsSync(join('dist', f)));
if (!present.length) {
  console.error('No dist/ bundles to measure.');
  process.exit(1);
}
if (!existsSync(REFERENCE.file)) {
  console.error(`${REFERENCE.file} is missing: npm install (it is a dev dependency)`);
  process.exit(1);
}

// The servers and fixtures are TypeScript shared with the end-to-end tests.
const { register } = await import('tsx/esm/api');
register();
const { CHROMIUM, startEndpoint, startSite } = await import('../test/e2e/harness.ts');
const { makeMeetings } = await import('../test/fixtures/meetings.ts');
const { chromium } = await import('playwright-core');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ min: Math.min(...xs), median: median(xs), runs: xs.map((x) => Math.round(x * 100) / 100) });
const ms = (x) => `${x.toFixed(1)} ms`;
const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const pass = (ok) => (ok ? 'pass' : '**FAIL**');

// ── 1. sizes ────────────────────────────────────────────────────────────────────────────────────
function measureSize(file) {
  const bytes = readFileSync(file);
  return {
    file,
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
}
const referencePkg = JSON.parse(readFileSync('node_modules/@typeform/embed/package.json', 'utf8'));
const reference = { ...measureSize(REFERENCE.file), name: REFERENCE.name, version: referencePkg.version };
const sizes = present.map((f) => {
  const s = measureSize(join('dist', f));
  const { budget, stretch } = BUDGETS[f];
  return {
    ...s,
    gzipRatio: s.gzip / reference.gzip,
    brotliRatio: s.brotli / reference.brotli,
    budget,
    stretch,
    withinBudget: s.gzip <= budget,
    withinStretch: s.gzip <= stretch,
  };
});

// ── browser measurements ────────────────────────────────────────────────────────────────────────
const endpoint = await startEndpoint();
const site = await startSite(endpoint);
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const chromiumVersion = browser.version();
const foreign = [];
const problems = [];

/** One page load in a fresh context (cold cache); resolves with what `collect` returns. */
async function load(path, waitFor, collect) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = new URL(r.url());
    const own = url.origin === site.origin && (url.pathname.startsWith('/bench/pages/') || url.pathname.startsWith('/dist/'));
    if (!own && url.origin !== endpoint.origin) foreign.push(r.url());
  });
  page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${path}: console.error ${m.text()}`));
  try {
    await page.goto(`${site.origin}/bench/pages/${path}`);
    try {
      await page.waitForFunction(waitFor, null, { timeout: 20_000 });
    } catch (error) {
      const state = await page.evaluate(() => JSON.stringify(window.__bench)).catch(() => '?');
      throw new Error(`${path}: the page never got there (${error.message.split('\n')[0]}); probe state ${state}; problems: ${problems.join('; ')}`);
    }
    return await page.evaluate(collect);
  } finally {
    await context.close();
  }
}

try {
  // ── 2. sign-up vs. its static copy ──
  // The static copy is the widget's own first rendering (shadow root markup + adopted stylesheets).
  const copy = await load(
    'signup.html',
    () => window.__bench?.marks.interactive,
    () => {
      const root = document.querySelector('involve-signup').shadowRoot;
      const css = root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
      return { html: root.innerHTML.replace(/<!--[^>]*-->/g, ''), css };
    },
  );
  const hostCss = copy.css.replace(/:host\(([^)]*)\)/g, '.involve-static-host$1').replace(/:host\b/g, '.involve-static-host');
  mkdirSync('bench/pages/generated', { recursive: true });
  writeFileSync('bench/pages/generated/signup-static.css', hostCss);
  writeFileSync(
    'bench/pages/generated/signup-static.html',
    readFileSync('bench/pages/signup-static.template.html', 'utf8').replace('__FORM__', () => copy.html),
  );

  const widgetTimes = [];
  const scriptTimes = [];
  const staticTimes = [];
  const signupShifts = [];
  // Both clocks start at the document's first byte (navigation timing responseStart), which leaves
  // out browser-process work before the page exists; both end when the form is painted and usable.
  // One warm-up pair first (not counted), then the two pages alternate.
  for (let i = -1; i < RUNS; i++) {
    const w = await load(
      'signup.html',
      () => window.__bench?.marks.interactive,
      () => {
        const nav = performance.getEntriesByType('navigation')[0];
        const script = performance.getEntriesByType('resource').find((e) => e.name.includes('/dist/involve-signup.js'));
        const cls = window.__bench.shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
        return { interactive: window.__bench.marks.interactive - nav.responseStart, fromScript: window.__bench.marks.interactive - script.startTime, cls };
      },
    );
    const s = await load(
      'generated/signup-static.html',
      () => window.__bench?.marks.interactive,
      () => window.__bench.marks.interactive - performance.getEntriesByType('navigation')[0].responseStart,
    );
    if (i < 0) continue;
    widgetTimes.push(w.interactive);
    scriptTimes.push(w.fromScript);
    signupShifts.push(w.cls);
    staticTimes.push(s);
  }
  const signup = {
    widget: stats(widgetTimes),
    widgetFromScriptStart: stats(scriptTimes),
    staticCopy: stats(staticTimes),
    ratio: median(widgetTimes) / median(staticTimes),
    layoutShiftOnUpgrade: stats(signupShifts),
    target: TARGETS.signupRatio,
  };
  signup.withinTarget = signup.ratio <= TARGETS.signupRatio;

  // ── 3. 1,000 meetings ──
  // More than the reference server sends (it caps a feed at 200): answered as is by the test endpoint.
  await endpoint.server.control({ feed: makeMeetings(1000) });
  const feed = { parseValidate: [], render: [], total: [], longTasks: [], longestTask: [], rendered: [] };
  for (let i = 0; i < RUNS; i++) {
    const r = await load(
      'meetings-1000.html',
      () => window.__bench?.rendered !== undefined,
      () => {
        const b = window.__bench;
        const response = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/meetings'));
        const from = response.responseEnd;
        const after = b.longTasks.filter((t) => t.startTime + t.duration > from);
        return {
          parseValidate: b.marks.loaded - from,
          render: b.marks.rendered - b.marks.loaded,
          total: b.marks.rendered - from,
          longTasks: after.length,
          longestTask: Math.max(0, ...after.map((t) => t.duration)),
          rendered: b.rendered,
        };
      },
    );
    for (const k of Object.keys(feed)) feed[k].push(r[k]);
  }
  const meetings1000 = {
    parseValidate: stats(feed.parseValidate),
    render: stats(feed.render),
    total: stats(feed.total),
    longTasks: stats(feed.longTasks),
    longestTask: stats(feed.longestTask),
    rendered: Math.min(...feed.rendered),
  };
  meetings1000.withinTarget = meetings1000.longTasks.median <= TARGETS.longTasks && meetings1000.longTasks.min <= TARGETS.longTasks;

  // ── 4. layout shift while the meetings load ──
  await endpoint.server.control({ meetings: makeMeetings(24) }); // stored on the server (this also ends the feed above)
  endpoint.meetingsDelayMs = 300; // long enough for the loading state to be painted
  const clsRuns = [];
  for (let i = 0; i < RUNS; i++) {
    clsRuns.push(
      await load(
        'meetings-cls.html',
        () => window.__bench?.rendered !== undefined,
        async () => {
          await new Promise((r) => setTimeout(r, 300)); // shifts are reported after the frame
          const response = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/meetings'));
          const shifts = window.__bench.shifts.filter((s) => !s.hadRecentInput);
          const sum = (list) => list.reduce((total, s) => total + s.value, 0);
          return { total: sum(shifts), afterFeed: sum(shifts.filter((s) => s.startTime >= response.responseEnd)) };
        },
      ),
    );
  }
  endpoint.meetingsDelayMs = 0;
  const clsTotals = clsRuns.map((r) => r.total);
  const cls = {
    ...stats(clsTotals),
    max: Math.max(...clsTotals),
    beforeFeed: stats(clsRuns.map((r) => r.total - r.afterFeed)),
    afterFeed: stats(clsRuns.map((r) => r.afterFeed)),
    target: TARGETS.cls,
  };
  cls.withinTarget = cls.max <= TARGETS.cls;

  // ── 5. requests ──
  const requests = { foreign: foreign.length, urls: [...new Set(foreign)], endpointRequests: endpoint.log.length, target: TARGETS.foreignRequests };
  requests.withinTarget = requests.foreign <= TARGETS.foreignRequests;

  report({ signup, meetings1000, cls, requests });
} finally {
  await browser.close();
  await site.close();
  await endpoint.close();
}

// ── report ──────────────────────────────────────────────────────────────────────────────────────
function report(timing) {
  const date = new Date().toISOString().slice(0, 10);
  const { signup, meetings1000, cls, requests } = timing;
  const sizeRows = [
    '| file | bytes | gzip -9 | brotli 11 | gzip vs. reference | brotli vs. reference | budget (gzip) | stretch |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...sizes.map(
      (s) =>
        `| \`dist/${s.file.slice(5)}\` | ${s.bytes.toLocaleString('en-GB')} | ${kB(s.gzip)} | ${kB(s.brotli)} | ${s.gzipRatio.toFixed(2)}× | ${s.brotliRatio.toFixed(2)}× | ≤ ${kB(s.budget)} ${pass(s.withinBudget)} | ≤ ${kB(s.stretch)} ${pass(s.withinStretch)} |`,
    ),
    `| reference: ${reference.name} ${reference.version} (\`build/embed.js\`) | ${reference.bytes.toLocaleString('en-GB')} | ${kB(reference.gzip)} | ${kB(reference.brotli)} | 1.00× | 1.00× | | |`,
  ];
  const mm = (s, f = ms) => `${f(s.min)} / ${f(s.median)}`;
  const n = (x) => String(Math.round(x * 1000) / 1000);
  const timingRows = [
    `| measurement (${RUNS} runs each, min / median) | result | target |`,
    '|---|--:|---|',
    `| sign-up widget: first byte of the page → interactive form | ${mm(signup.widget)} | |`,
    `| sign-up widget: script request start → interactive form | ${mm(signup.widgetFromScriptStart)} | |`,
    `| static-HTML copy of the same form: first byte of the page → interactive | ${mm(signup.staticCopy)} | |`,
    `| **ratio widget / static copy** (medians) | **${signup.ratio.toFixed(2)}×** | ≤ ${signup.target}× ${pass(signup.withinTarget)} |`,
    `| 1,000-meeting feed: parse + validate (response end → loaded event) | ${mm(meetings1000.parseValidate)} | |`,
    `| 1,000-meeting feed: render (loaded event → list painted, ${meetings1000.rendered} meetings) | ${mm(meetings1000.render)} | |`,
    `| 1,000-meeting feed: total (response end → list painted) | ${mm(meetings1000.total)} | |`,
    `| 1,000-meeting feed: long tasks > 50 ms (longest: ${mm(meetings1000.longestTask)}) | ${mm(meetings1000.longTasks, n)} | 0 ${pass(meetings1000.withinTarget)} |`,
    `| cumulative layout shift while the meetings load (max ${n(cls.max)}) | ${mm(cls, n)} | 0 ${pass(cls.withinTarget)} |`,
    `| … of it before the feed answers (the element upgrading, the loading state) | ${mm(cls.beforeFeed, n)} | |`,
    `| … of it when the meetings arrive (the list replacing the loading state) | ${mm(cls.afterFeed, n)} | |`,
    `| (for information) layout shift on the sign-up page as the widget upgrades | ${mm(signup.layoutShiftOnUpgrade, n)} | |`,
    `| requests other than the page's own files and the endpoint (all loads) | ${requests.foreign} | 0 ${pass(requests.withinTarget)} |`,
  ];
  const env = `Node ${process.version}, Chromium ${chromiumVersion} headless, ${RUNS} runs per browser measurement`;

  console.log(`\nSizes (kB = 1,000 B), reference measured in the same run\n`);
  console.log(sizeRows.join('\n'));
  console.log(`\nTimings (${date}; ${env})\n`);
  console.log(timingRows.join('\n'));
  if (requests.urls.length) console.log(`\nForeign requests:\n  ${requests.urls.join('\n  ')}`);
  if (problems.length) console.log(`\nProblems on the bench pages:\n  ${[...new Set(problems)].join('\n  ')}`);

  const results = {
    date,
    generatedBy: 'npm run bench (bench/run.mjs)',
    environment: { node: process.version, chromium: chromiumVersion, runs: RUNS, platform: `${process.platform} ${process.arch}` },
    reference,
    sizes,
    timing,
    problems: [...new Set(problems)],
  };
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  console.log('\nWrote bench/results.json');

  const section = [
    '<!-- bench:start -->',
    '<!-- Written by `npm run bench` (bench/run.mjs); edits here are overwritten. -->',
    `Measured ${date} with \`npm run bench\` (${env}). Times are only compared within one run;`,
    'every page is served under the contract\'s strict CSP with the endpoint on another origin. Raw numbers: `bench/results.json`.',
    '',
    ...sizeRows,
    '',
    ...timingRows,
    '',
    'How: the static copy is the widget\'s own first rendering (shadow-root markup and stylesheets) served as plain HTML + CSS on',
    'the same host page; "interactive" is the first paint after the form exists. The 1,000-meeting page lists the whole feed',
    '(no `limit`) 20 at a time, the first 20 drawn what the window shows first and four a task after, so "N meetings" is what',
    'the first painted frame held; long tasks are counted from the moment the feed response ends. The layout-shift page has host content below',
    'a `limit="6"` list and a feed that answers after 300 ms. kB are 1,000 bytes. The bench builds `dist/` first',
    '(`BENCH_NO_BUILD=1` measures it as it is); `BENCH_RUNS=n` sets the runs per measurement. Browser window: 1024 × 768.',
    '<!-- bench:end -->',
  ].join('\n');
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('<!-- bench:start -->');
  const end = readme.indexOf('<!-- bench:end -->');
  const updated =
    start !== -1 && end > start
      ? readme.slice(0, start) + section + readme.slice(end + '<!-- bench:end -->'.length)
      : `${readme.replace(/\s*$/, '\n')}\n## Benchmarks\n\n${section}\n`;
  writeFileSync('README.md', updated);
  console.log('Updated the README section between <!-- bench:start --> and <!-- bench:end -->');
}
