#!/usr/bin/env node
// `npm run build`: everything that goes into the published package, then the size/SRI table.
//
//   dist/involve-widgets.js, dist/involve-{signup,meetings,feedback}.js   rollup (rollup.config.js)
//   dist/involve-{signup,meetings,feedback}-easy-read.js                 the same: on-demand easy-read packs
//   dist/types/**.d.ts                                                   tsc -p tsconfig.build.json
//   custom-elements.json (+ a copy in dist/)                             cem analyze --litelement
//   dist/schema/{signup,feedback,meeting}.schema.json                    scripts/write-json-schema.ts
//   dist/openapi.json                                                    server/cli/write-openapi.ts (if present)
//   dist/sizes.json, dist/SNIPPETS.md (sizes, SRI, per-widget snippets)   this file
//   dist/embed/ (the embed builder page, issue 19)                       scripts/build-embed.mjs
//   dist/involve-widgets-wordpress.zip (the WordPress plugin)            scripts/build-wordpress.mjs
//
// A build never edits a tracked file: the SRI hashes live only in generated, untracked files
// (dist/sizes.json, also served by the endpoint as /widgets/<version>/sizes.json), so a published
// hash can't go stale against the bytes it describes (test/dist/published-hashes.test.mjs).
//
// Every step runs even if an earlier one failed (one widget that doesn't build yet still leaves the
// others' sizes to see). Exits 1 if a step failed, an element's HTMLElementTagNameMap entry is missing
// from the types, a bundle has Lit's dev build or eval, or is over its gzip budget or regression
// ceiling (contract §1, issue 16). Sizes are reported as gzip -9 (what the budgets count) and brotli.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import configs, { packs } from '../rollup.config.js';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/**
 * The budgets, gzip -9 in bytes (1 kB = 1000 B), decided in issue 16 and not raised again: what a
 * visitor downloads before the standard (English, default wording) widget is usable. The build fails
 * above them. Wording only some visitors need (easy read) may live in on-demand packs beside the
 * bundle, each with its own limit; they don't count here.
 */
const BUDGET = { single: 23_000, all: 31_000 };
/**
 * Regression ceilings just above each file's size today (about +150 B): smaller is still better, so
 * growth fails the build even under the budget. Lower a ceiling when a file shrinks; raise it only
 * with a reason in the commit, and never above BUDGET (the lower of the two is enforced).
 */
const CEILING = {
  'dist/involve-widgets.js': 30_880,
  'dist/involve-signup.js': 22_970,
  'dist/involve-meetings.js': 16_620,
  'dist/involve-feedback.js': 23_000,
};
/** Each on-demand pack (issue 16): wording only some visitors need, loaded beside the bundle. Enforced. */
const PACK_LIMIT = 4_000;
const PACK_FILES = new Set(packs.map((p) => p.file));
/** What each kind of pack holds and when a widget fetches it (dist/sizes.json). */
const PACK_KINDS = [
  ['-easy-read.js', { pack: 'easy-read', loadedBy: 'dynamic import() from the bundle beside it, when easy read is on' }],
  ['-messages.js', { pack: 'messages', loadedBy: 'dynamic import() from the bundle beside it, once the widget is on screen' }],
  ['-email-suggestion.js', { pack: 'email-suggestion', loadedBy: 'dynamic import() from the bundle beside it, when someone types an email address' }],
];
const ALL_IN_ONE = 'dist/involve-widgets.js';
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;
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
  const ceiling = pack ? PACK_LIMIT : Math.min(budget, CEILING[file] ?? budget);
  return {
    file,
    ...(pack ? PACK_KINDS.find(([ending]) => file.endsWith(ending))[1] : {}),
    bytes: bytes.length,
    gzip,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
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
  // The version sent in `source.widgetVersion` is package.json's, put in by rollup.config.js's `define`.
  if (!row.pack && (!code.includes(JSON.stringify(VERSION)) || code.includes('0.0.0-dev'))) problems.push(`${row.file} does not carry package.json's version ${VERSION}`);
  if (row.pack && row.gzip > row.ceiling) problems.push(`${row.file} is ${fmt(row.gzip)} B gzip, over the ${fmt(row.ceiling)} B limit for an on-demand pack`);
  else if (!row.withinBudget) problems.push(`${row.file} is ${fmt(row.gzip)} B gzip, over the ${fmt(row.budget)} B budget (issue 16: make room, e.g. an on-demand pack, rather than raise it)`);
  else if (row.gzip > row.ceiling) problems.push(`${row.file} is ${fmt(row.gzip)} B gzip, over its ${fmt(row.ceiling)} B regression ceiling (CEILING in scripts/build.mjs)`);
}

mkdirSync('dist', { recursive: true });
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
// `file` stays the dist path (as before); `name` is what the endpoint serves under /widgets/<version>/.
const files = rows.map((r) => ({ name: r.file.replace(/^dist\//, ''), ...r }));
writeFileSync('dist/sizes.json', JSON.stringify({ version, files }, null, 2) + '\n');
writeFileSync('dist/SNIPPETS.md', snippetsMarkdown(version, files));

if (existsSync('scripts/build-embed.mjs')) {
  await step('embed builder: dist/embed/', () => run(process.execPath, ['scripts/build-embed.mjs']));
}
if (existsSync('scripts/build-wordpress.mjs')) {
  await step('WordPress plugin: dist/involve-widgets-wordpress.zip', () => run(process.execPath, ['scripts/build-wordpress.mjs']));
}

console.log('\nfile                                size        gzip -9     brotli      budget      ceiling     SRI');
for (const r of rows) {
  console.log(
    `${r.file.padEnd(35)} ${(fmt(r.bytes) + ' B').padStart(10)}  ${(fmt(r.gzip) + ' B').padStart(10)}  ${(fmt(r.brotli) + ' B').padStart(10)}  ${(fmt(r.budget) + ' B').padStart(10)}${r.withinBudget ? ' ' : '!'} ${(fmt(r.ceiling) + ' B').padStart(10)}  ${r.integrity}`,
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

/**
 * dist/SNIPPETS.md: each file's size and SRI, and a complete snippet per widget for the Trust's hosted
 * copy (`/widgets/<version>/…` on the endpoint). Generated, never committed: README links to it.
 */
function snippetsMarkdown(version, files) {
  const ENDPOINT = 'https://involve.example.nhs.uk/api';
  const element = {
    'involve-widgets.js': '<involve-signup endpoint="ENDPOINT" partner="your-partner-id"></involve-signup>',
    'involve-signup.js': '<involve-signup endpoint="ENDPOINT" partner="your-partner-id"></involve-signup>',
    'involve-meetings.js': '<involve-meetings endpoint="ENDPOINT" limit="6"></involve-meetings>',
    'involve-feedback.js': '<involve-feedback endpoint="ENDPOINT" partner="your-partner-id"></involve-feedback>',
  };
  return [
    `# involve-widgets ${version}: sizes, SRI and snippets`,
    '',
    'Written by `npm run build` (scripts/build.mjs) from the files it just built; not kept in git.',
    `Replace \`${ENDPOINT}\` with the Trust's endpoint address (the widgets are served from it too).`,
    '',
    '| file | size | gzip -9 | budget (gzip) | SRI `integrity` |',
    '|---|--:|--:|--:|---|',
    ...files.map((r) => `| \`${r.name}\` | ${fmt(r.bytes)} B | ${fmt(r.gzip)} B | ${fmt(r.budget)} B${r.withinBudget ? '' : ' **over**'} | \`${r.integrity}\` |`),
    '',
    ...files.flatMap((r) => [
      `## ${r.name}`,
      '',
      '```html',
      `<script type="module" src="${ENDPOINT}/widgets/${version}/${r.name}"`,
      `        integrity="${r.integrity}" crossorigin="anonymous"></script>`,
      (element[r.name] ?? '').replace('ENDPOINT', ENDPOINT),
      '```',
      '',
    ]),
  ].join('\n');
}
