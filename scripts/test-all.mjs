#!/usr/bin/env node
// `npm test`: the one command that runs every test this repository has.
//
//   0. manifest       custom-elements.json (cem analyze), which .storybook/preview.ts imports
//   1. typecheck      tsc --noEmit (src, tests, server, stories, scripts)
//   2. build          npm run build (so the bundle budgets and SRI table are checked too)
//   3. browser        web-test-runner (test/**/*.test.ts, src/**/*.test.ts) in Debian's Chromium, then
//                     Firefox ESR, then WebKitGTK (test/engines.mjs): one step per engine, one after
//                     another, on the one build; BROWSER_ENGINES=firefox,webkit runs only those
//      bundle         node --import tsx --test test/dist/*.test.mjs: the built files under the strict CSP (if the build made them)
//   4. server         npm run test:server, against a throwaway Postgres from scripts/pg-test-cluster.sh
//                     (unless TEST_DATABASE_URL is already set); the cluster is always removed
//   5. e2e            npm run test:e2e (the built bundles on a hostile partner page)
//   6. stories        npm run test:stories (Storybook story tests)
//   7. any other `test:*` script in package.json (except test:browser, which is step 3)
//
// Steps 4-7 run only if their npm script exists. Every step runs even after an earlier one fails, so
// one run shows everything that is wrong. Output streams live and is also parsed for test counts. The
// last line is always `N passed, N failed` (sums). Exit status 1 if any step failed, any test failed,
// or a suite ran zero tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTeed } from './run-teed.mjs';
import { ENGINES } from '../test/engines.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const hasScript = (name) => Boolean(pkg.scripts?.[name]);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PG_SCRIPT = 'scripts/pg-test-cluster.sh';

/** @type {{ name: string, ok: boolean, passed?: number, failed?: number, skipped?: number, note?: string, seconds: number }[]} */
const results = [];
let current = null; // the running child, so Ctrl-C / SIGTERM can stop it before cleaning up
let clusterUrl = null;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    current?.kill(signal);
    stopCluster();
    process.exit(130);
  });
}

const strip = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/**
 * Test counts from a runner's output, whichever runner it is:
 *   web-test-runner   "… | 12 passed, 0 failed" (inside its progress line; the last one is final)
 *   node --test       "# pass 12" / "# fail 0" (TAP) or "ℹ pass 12" / "ℹ fail 0" (spec reporter)
 *   vitest            "Tests  12 passed | 1 failed (13)"
 */
function parseCounts(raw) {
  const text = strip(raw);
  const last = (re) => {
    let match = null;
    for (const m of text.matchAll(re)) match = m;
    return match;
  };
  const wtr = last(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g);
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]), skipped: Number(wtr[3] ?? 0) };
  const pass = last(/^(?:#|ℹ) pass (\d+)$/gm);
  const fail = last(/^(?:#|ℹ) fail (\d+)$/gm);
  if (pass || fail) {
    const cancelled = last(/^(?:#|ℹ) cancelled (\d+)$/gm);
    const skipped = last(/^(?:#|ℹ) skipped (\d+)$/gm);
    return {
      passed: Number(pass?.[1] ?? 0),
      failed: Number(fail?.[1] ?? 0) + Number(cancelled?.[1] ?? 0),
      skipped: Number(skipped?.[1] ?? 0),
    };
  }
  const vitest = last(/^\s*Tests\s+(.*)$/gm);
  if (vitest) {
    return {
      passed: Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0),
      failed: Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0),
    };
  }
  return null;
}

/** Runs a command, streaming its output live while keeping a copy to parse. */
const run = (command, args, env = {}) => runTeed(command, args, { env, onChild: (child) => (current = child ?? null) });

/** One step; `counts` steps must report test numbers, and at least one test. */
async function step(name, command, args, { counts = false, env = {} } = {}) {
  const t0 = Date.now();
  console.log(`\n━━━ ${name}: ${[command, ...args].join(' ')}`);
  const { code, output } = await run(command, args, env);
  const seconds = (Date.now() - t0) / 1000;
  const result = { name, ok: code === 0, seconds };
  if (code !== 0) result.note = `exit status ${code}`;
  if (counts) {
    const parsed = parseCounts(output);
    if (!parsed) {
      result.ok = false;
      result.note = [result.note, 'no test counts found in its output'].filter(Boolean).join('; ');
    } else {
      Object.assign(result, parsed);
      if (parsed.failed > 0) result.ok = false;
      if (parsed.passed + parsed.failed === 0) {
        result.ok = false;
        result.note = [result.note, 'ran zero tests'].filter(Boolean).join('; ');
      }
    }
  }
  results.push(result);
  console.log(`━━━ ${name}: ${result.ok ? 'ok' : 'FAILED'}${describe(result)} (${seconds.toFixed(1)} s)`);
  return result;
}

function describe(r) {
  // In a browser step, the skipped tests are the ones another engine can't run (test/engine.ts).
  const why = r.name.startsWith('browser ') ? ' (Chromium-only)' : '';
  const counts = r.passed !== undefined ? ` ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped${why}` : ''}` : '';
  return `${counts}${r.note ? ` — ${r.note}` : ''}`;
}

function startCluster() {
  console.log(`\n━━━ postgres: bash ${PG_SCRIPT} start`);
  const started = spawnSync('bash', [PG_SCRIPT, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const url = started.stdout?.trim().split('\n').pop() ?? '';
  if (started.status !== 0 || !url.startsWith('postgres')) {
    results.push({ name: 'postgres cluster', ok: false, note: `${PG_SCRIPT} start exited with ${started.status}`, seconds: 0 });
    console.log('━━━ postgres: FAILED (the server suite runs without TEST_DATABASE_URL)');
    return null;
  }
  console.log(`━━━ postgres: ${url}`);
  return url;
}

function stopCluster() {
  if (!clusterUrl) return;
  const url = clusterUrl;
  clusterUrl = null;
  const stopped = spawnSync('bash', [PG_SCRIPT, 'stop', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (stopped.status !== 0) console.error(`warning: ${PG_SCRIPT} stop ${url} exited with ${stopped.status}\n${stopped.stderr}`);
}

const t0 = Date.now();
const tscBin = join(root, 'node_modules/typescript/bin/tsc');
const wtrBin = join(root, 'node_modules/@web/test-runner/dist/bin.js');
const cemBin = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');

try {
  // .storybook/preview.ts imports custom-elements.json, a build output not kept in git: write it first
  // so a fresh clone type-checks.
  await step('manifest', process.execPath, [cemBin, 'analyze', '--litelement', '--quiet', '--config', 'custom-elements-manifest.config.mjs']);
  await step('typecheck', process.execPath, [tscBin, '--noEmit', '-p', 'tsconfig.json']);
  await step('build', npm, ['run', '--silent', 'build']);
  const engines = process.env.BROWSER_ENGINES ? process.env.BROWSER_ENGINES.split(',').filter(Boolean) : ENGINES;
  for (const engine of engines) {
    // Tests that need an API only Chromium has are skipped elsewhere (named `[chromium-only: …]`).
    await step(`browser ${engine}`, process.execPath, ['--import', 'tsx', wtrBin], { counts: true, env: { WTR_ENGINE: engine } });
  }

  // The built files themselves, on a page with the strict CSP of contract §1.
  const distTests = readdirSync('test/dist').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/dist', f));
  // (The build cleans dist/ first, so a bundle here is from this run, even if a budget check failed.)
  if (!existsSync('dist/involve-widgets.js')) console.log('\n(no dist/involve-widgets.js: the bundle tests are skipped)');
  else await step('bundle tests', process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...distTests], { counts: true });

  if (hasScript('test:server')) {
    const env = {};
    if (process.env.TEST_DATABASE_URL) {
      console.log('\n(using TEST_DATABASE_URL from the environment)');
    } else if (existsSync(PG_SCRIPT)) {
      clusterUrl = startCluster();
      if (clusterUrl) env.TEST_DATABASE_URL = clusterUrl;
    }
    try {
      await step('server tests', npm, ['run', '--silent', 'test:server'], { counts: true, env });
    } finally {
      stopCluster();
    }
  } else {
    console.log('\n(no "test:server" script: server suite skipped)');
  }

  if (hasScript('test:e2e')) {
    await step('e2e tests', npm, ['run', '--silent', 'test:e2e'], { counts: true });
  }

  if (hasScript('test:stories')) {
    await step('story tests', npm, ['run', '--silent', 'test:stories'], { counts: true });
  } else {
    console.log('\n(no "test:stories" script: Storybook story tests skipped)');
  }

  // Any other suite someone adds as a `test:*` script runs too, so `npm test` stays "every test".
  const handled = new Set(['test:browser', 'test:server', 'test:e2e', 'test:stories']);
  for (const name of Object.keys(pkg.scripts ?? {})) {
    if (!name.startsWith('test:') || handled.has(name) || /watch|dev/.test(name)) continue;
    await step(`${name.slice(5)} tests`, npm, ['run', '--silent', name], { counts: true });
  }
} finally {
  stopCluster();
}

const passed = results.reduce((sum, r) => sum + (r.passed ?? 0), 0);
const failed = results.reduce((sum, r) => sum + (r.failed ?? 0), 0);
const failedSteps = results.filter((r) => !r.ok);

console.log(`\n━━━ summary (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
for (const r of results) console.log(`  ${r.ok ? '✓' : '✖'} ${r.name.padEnd(16)}${describe(r)}`);
if (failedSteps.length > 0) console.log(`\nFAILED: ${failedSteps.map((r) => r.name).join(', ')}`);
// Plain and last, for people and CI logs alike.
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failedSteps.length > 0 || failed > 0 ? 1 : 0;
