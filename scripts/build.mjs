#!/usr/bin/env node
// `npm run build`: everything that goes into the published package, then the size/SRI table.
//
//   dist/involve-widgets.js, dist/involve-{signup,meetings,feedback}.js   rollup (rollup.config.js)
//   dist/involve-{signup,meetings,feedback}-easy-read.js                 the same: on-demand easy-read packs
//   dist/types/**.d.ts                                                   tsc -p tsconfig.build.json
//   custom-elements.json (+ a copy in dist/)                             cem analyze --litelement
//   dist/schema/{signup,feedback,meeting}.schema.json                    scripts/write-json-schema.ts
//   dist/openapi.json                                                    server/cli/write-openapi.ts (if present)
//   dist/sizes.json and the README's "Sizes and SRI" block               this file
//
// Every step runs even if an earlier one failed (one widget that doesn't build yet still leaves the
// others' sizes to see). Exits 1 if a step failed, an element's HTMLElementTagNameMap entry is missing
// from the types, a bundle has Lit's dev build or eval, or is over its gzip budget (contract §1).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs, { packs } from '../rollup.config.js';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/** The contract's gzip budgets in bytes (1 kB = 1000 B): reported for every file, over or not. */
const BUDGET = { single: 20_000, all: 28_000 };
/**
 * What the build enforces today: regression ceilings just above the sizes measured (single ≈ 22.7 kB,
 * all-in-one ≈ 30.9 kB, after easy-read's one-question-per-screen headings and plain-language
 * messages), so any growth fails the build while the forms' budgets above are not met. Lower these as
 * the bundles shrink; the aim is BUDGET (see README, "Sizes").
 */
const CEILING = { single: 22_750, all: 31_000 };
/** Each on-demand pack (issue 16): wording only some visitors need, loaded beside the bundle. Enforced. */
const PACK_LIMIT = 4_000;
const PACK_FILES = new Set(packs.map((p) => p.file));
const ALL_IN_ONE = 'dist/involve-widgets.js';
const TAGS = ['involve-signup', 'involve-meetings', 'involve-feedback'];

const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const started = Date.now();

/** Problems found; the build goes on after a failed step so one run shows all of them, then exits 1. */
const problems = [];

async function step(name, fn) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    await fn();
    console.log(`  ✓ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return true;
  } catch (error) {
    console.error(`  ✖ ${name}: ${error?.message ?? error}`);
    problems.push(`step "${name}" failed`);
    return false;
  }
}

/** Runs a command with live output; throws with its exit status. */
function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${[command, ...args].map((a) => (a.startsWith(root) ? relative(root, a) : a)).join(' ')} exited with ${result.status}`);
}

await step('clean dist/', () => rmSync('dist', { recursive: true, force: true }));

// Each bundle on its own, so one widget that doesn't build yet doesn't hide the others' sizes.
const built = [];
for (const config of configs) {
  await step(`rollup: ${config.output.file}`, async () => {
    const bundle = await rollup(config);
    try {
      await bundle.write(config.output);
    } finally {
      await bundle.close();
    }
    built.push(config.output.file);
  });
}

await step('tsc: declarations → dist/types/', () => run(process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.build.json']));

await step('cem: custom-elements.json', () => {
  run(process.execPath, [bin('@custom-elements-manifest/analyzer', 'cem.js'), 'analyze', '--litelement', '--quiet', '--config', 'custom-elements-manifest.config.mjs']);
  copyFileSync('custom-elements.json', 'dist/custom-elements.json');
});

await step('JSON Schema: dist/schema/', () => run(process.execPath, ['--import', 'tsx', 'scripts/write-json-schema.ts', 'dist/schema']));

if (existsSync('server/cli/write-openapi.ts')) {
  await step('OpenAPI: dist/openapi.json', () => run(process.execPath, ['--import', 'tsx', 'server/cli/write-openapi.ts', 'dist/openapi.json']));
} else {
  console.log('\n- OpenAPI: skipped (server/cli/write-openapi.ts does not exist yet)');
}

// Every element's tag must be typed for `document.querySelector('involve-signup')` etc.
const declarations = readdirRecursive('dist/types').filter((f) => f.endsWith('.d.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
for (const tag of TAGS) {
  if (!new RegExp(`interface HTMLElementTagNameMap\\s*{[^}]*['"]${tag}['"]\\s*:`).test(declarations)) {
    problems.push(`no HTMLElementTagNameMap entry for '${tag}' in dist/types (add \`declare global { interface HTMLElementTagNameMap { '${tag}': … } }\` to its component file)`);
  }
}

// ---- sizes, SRI, budgets -------------------------------------------------------------------------
const rows = configs.filter(({ output: { file } }) => built.includes(file)).map(({ output: { file } }) => {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const pack = PACK_FILES.has(file);
  const budget = pack ? PACK_LIMIT : file === ALL_IN_ONE ? BUDGET.all : BUDGET.single;
  const ceiling = pack ? PACK_LIMIT : file === ALL_IN_ONE ? CEILING.all : CEILING.single;
  return {
    file,
    ...(pack ? { pack: 'easy-read', loadedBy: 'dynamic import() from the bundle beside it, when easy read is on' } : {}),
    bytes: bytes.length,
    gzip,
    budget,
    withinBudget: gzip <= budget,
    ceiling,
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
  };
});
for (const row of rows) {
  // Lit's development build warns in every console and is bigger: the `production` condition must win.
  const code = readFileSync(row.file, 'utf8');
  if (code.includes('Lit is in dev mode')) problems.push(`${row.file} contains Lit's development build`);
  // Partner pages may forbid 'unsafe-eval' (contract §1).
  if (/\bnew Function\s*\(|(?<![\w$.])eval\s*\(/.test(code)) problems.push(`${row.file} uses eval or new Function (breaks a strict CSP)`);
  if (row.pack && row.gzip > row.ceiling) problems.push(`${row.file} is ${fmt(row.gzip)} B gzip, over the ${fmt(row.ceiling)} B limit for an on-demand pack`);
  else if (row.gzip > row.ceiling) problems.push(`${row.file} is ${fmt(row.gzip)} B gzip, over its ${fmt(row.ceiling)} B regression ceiling`);
  else if (!row.withinBudget) console.warn(`⚠ ${row.file} is ${fmt(row.gzip)} B gzip: over the contract budget of ${fmt(row.budget)} B (not yet met; see README)`);
}

mkdirSync('dist', { recursive: true });
writeFileSync('dist/sizes.json', JSON.stringify(rows, null, 2) + '\n');

const markdown = [
  '| file | size | gzip -9 | budget (gzip) | SRI `integrity` |',
  '|---|--:|--:|--:|---|',
  ...rows.map((r) => `| \`${r.file}\` | ${fmt(r.bytes)} B | ${fmt(r.gzip)} B | ${fmt(r.budget)} B${r.withinBudget ? '' : ' **over**'} | \`${r.integrity}\` |`),
].join('\n');
// The README only gets a complete table.
if (rows.length === configs.length) updateReadme(markdown);
else console.log('\n  (README.md "Sizes and SRI" not updated: not every bundle built)');

console.log('\nfile                                size        gzip -9     budget      SRI');
for (const r of rows) {
  console.log(
    `${r.file.padEnd(35)} ${(fmt(r.bytes) + ' B').padStart(10)}  ${(fmt(r.gzip) + ' B').padStart(10)}  ${(fmt(r.budget) + ' B').padStart(10)}${r.withinBudget ? ' ' : '!'}  ${r.integrity}`,
  );
}

if (problems.length > 0) {
  console.error(`\n✖ build failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\n✓ build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// -------------------------------------------------------------------------------------------------
function fmt(n) {
  return n.toLocaleString('en-GB');
}

function readdirRecursive(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? readdirRecursive(path) : [path];
  });
}

/** Rewrites the README between <!-- sizes:start --> and <!-- sizes:end -->, only if it changed. */
function updateReadme(table) {
  const START = '<!-- sizes:start -->';
  const END = '<!-- sizes:end -->';
  if (!existsSync('README.md')) return;
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) {
    console.warn('  README.md has no sizes markers; not updated');
    return;
  }
  const all = rows.find((r) => r.file === ALL_IN_ONE);
  const block = [
    START,
    '<!-- Written by `npm run build` (scripts/build.mjs); edits here are overwritten. -->',
    table,
    '',
    all
      ? [
          'The all-in-one file with its hash, for a page that loads it from a CDN:',
          '',
          '```html',
          `<script type="module" src="https://cdn.example.org/involve-widgets@1/dist/involve-widgets.js"`,
          `        integrity="${all.integrity}" crossorigin="anonymous"></script>`,
          '```',
        ].join('\n')
      : '',
    END,
  ].join('\n');
  const next = readme.slice(0, from) + block + readme.slice(to + END.length);
  if (next !== readme) {
    writeFileSync('README.md', next);
    console.log('  README.md "Sizes and SRI" updated');
  }
}
