#!/usr/bin/env node
// The WordPress plugin (integrations/wordpress/involve-widgets/) → dist/involve-widgets-wordpress.zip,
// the file a site administrator uploads (Plugins → Add New → Upload Plugin). The plugin's own copy of
// dist/sizes.json goes in as a fallback for when the endpoint's can't be fetched. Uses Debian's `zip`.
// Run by scripts/build.mjs after the bundles (it needs dist/sizes.json).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const source = join(root, 'integrations/wordpress/involve-widgets');
const out = join(root, 'dist/involve-widgets-wordpress.zip');

const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(readFileSync(join(source, 'involve-widgets.php'), 'utf8'))?.[1];
if (header !== version) throw new Error(`the plugin header says Version: ${header}, package.json says ${version}: keep them the same`);

const stage = mkdtempSync(join(tmpdir(), 'involve-wp-'));
try {
  cpSync(source, join(stage, 'involve-widgets'), { recursive: true });
  if (existsSync(join(root, 'dist/sizes.json'))) cpSync(join(root, 'dist/sizes.json'), join(stage, 'involve-widgets/sizes.json'));
  rmSync(out, { force: true });
  const r = spawnSync('zip', ['-q', '-r', '-X', out, 'involve-widgets'], { cwd: stage, stdio: 'inherit' });
  if (r.error) throw new Error(`zip: ${r.error.message} (apt-get install zip)`);
  if (r.status !== 0) throw new Error(`zip exited with ${r.status}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`  ${out.slice(root.length + 1)} written`);
