#!/usr/bin/env node
// `npm run test:browser`: the browser suite in each engine, one after another (one engine at a time:
// the keyboard and focus tests need the machine's attention, and CI has 2 cores).
//
//   npm run test:browser                                  Chromium, Firefox ESR, then WebKitGTK
//   npm run test:browser -- --engine firefox              one engine (also --engine=webkit,chromium)
//   WTR_FILES=test/signup/signup-states.test.ts npm run test:browser -- --engine webkit
//
// Any other argument goes to web-test-runner. Each run ends with web-test-runner's own
// `N passed, N failed` line; with several engines a line per engine follows, and the exit status is 1
// if any engine failed.
import { runTeed } from './run-teed.mjs';
import { join } from 'node:path';
import { ENGINES } from '../test/engines.mjs';

const root = new URL('..', import.meta.url).pathname;
const wtrBin = join(root, 'node_modules/@web/test-runner/dist/bin.js');

const engines = [];
const rest = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  const value = arg === '--engine' ? argv[++i] : arg.startsWith('--engine=') ? arg.slice(9) : undefined;
  if (value === undefined) rest.push(arg);
  else engines.push(...value.split(',').filter(Boolean));
}
for (const name of engines) {
  if (!ENGINES.includes(name)) {
    console.error(`Unknown engine "${name}": use ${ENGINES.join(', ')}`);
    process.exit(2);
  }
}
if (engines.length === 0) engines.push(...ENGINES);

let current = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(130);
  });
}

const strip = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

async function runEngine(engine) {
  const t0 = Date.now();
  const { code, output } = await runTeed(process.execPath, ['--import', 'tsx', wtrBin, ...rest], {
    cwd: root,
    env: { WTR_ENGINE: engine },
    stdin: 'inherit',
    onChild: (child) => (current = child ?? null),
  });
  let counts = null;
  for (const m of strip(output).matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)) counts = m;
  return { engine, ok: code === 0, counts, seconds: (Date.now() - t0) / 1000 };
}

const results = [];
for (const engine of engines) {
  console.log(`\n━━━ browser tests in ${engine}`);
  results.push(await runEngine(engine));
}
if (results.length > 1) {
  console.log('\n━━━ browser tests by engine');
  for (const r of results) {
    const counts = r.counts ? `${r.counts[1]} passed, ${r.counts[2]} failed, ${r.counts[3] ?? 0} skipped` : 'no test counts';
    console.log(`  ${r.ok ? '✓' : '✖'} ${r.engine.padEnd(9)} ${counts} (${r.seconds.toFixed(0)} s)`);
  }
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
