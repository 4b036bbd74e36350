// `npm run test:build`: a build never edits a tracked file, and any SRI hash a tracked document
// publishes is the hash of the file a fresh build makes (issue 19: a stale hash blocks the script).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bundles, packs } from '../../rollup.config.js';

const root = new URL('../..', import.meta.url).pathname;
const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout;

test('npm run build leaves `git status --porcelain` as it found it, and writes dist/sizes.json', { timeout: 180_000 }, () => {
  const before = git('status', '--porcelain');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `build failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  assert.equal(git('status', '--porcelain'), before, 'the build changed tracked (or unignored) files');
  const sizes = JSON.parse(readFileSync(`${root}/dist/sizes.json`, 'utf8'));
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  assert.equal(sizes.version, pkg.version);
  // Every bundle and every on-demand pack beside them, each with its hash.
  const expected = [...bundles, ...packs].map((b) => b.file.replace(/^dist\//, '')).sort();
  assert.deepEqual(sizes.files.map((f) => f.name).sort(), expected);
  assert.ok(expected.includes('involve-widgets.js') && expected.includes('involve-signup-messages.js'));
  for (const f of sizes.files) assert.match(f.integrity, /^sha384-[A-Za-z0-9+/]{64}$/);
});

test('every sha384 hash in a tracked document is the hash of a freshly built file', () => {
  const sizes = JSON.parse(readFileSync(`${root}/dist/sizes.json`, 'utf8'));
  const fresh = new Set(sizes.files.map((f) => f.integrity));
  // demo/hostile/wrong-sri.html carries a wrong hash on purpose: the troubleshooting demo (and e2e) of a blank widget.
  const docs = git('ls-files', '*.md', '*.html', 'integrations').split('\n').filter((f) => f && f !== 'demo/hostile/wrong-sri.html' && existsSync(`${root}/${f}`));
  const stale = [];
  for (const doc of docs) {
    for (const [hash] of readFileSync(`${root}/${doc}`, 'utf8').matchAll(/sha384-[A-Za-z0-9+/]{64}/g)) {
      if (!fresh.has(hash)) stale.push(`${doc}: ${hash}`);
    }
  }
  assert.deepEqual(stale, [], 'hashes that no fresh build produces (copy them from dist/sizes.json, or link to it)');
});
