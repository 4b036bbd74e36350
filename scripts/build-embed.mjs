#!/usr/bin/env node
// The embed builder (issue 19) → dist/embed/: index.html, embed.css and one self-contained module
// (the builder + the widgets themselves, so the preview is this very build). Run by scripts/build.mjs.
import { copyFileSync, mkdirSync } from 'node:fs';
import { rollup } from 'rollup';
import { browserBundle, packs } from '../rollup.config.js';

process.chdir(new URL('..', import.meta.url).pathname);
mkdirSync('dist/embed', { recursive: true });
const config = browserBundle({ input: 'embed/main.ts', file: 'dist/embed/embed-builder.js' });
const bundle = await rollup(config);
try {
  await bundle.write(config.output);
} finally {
  await bundle.close();
}
for (const file of ['index.html', 'embed.css']) copyFileSync(`embed/${file}`, `dist/embed/${file}`);
// The widgets in the preview import their packs (messages, easy read, email suggestion) from beside
// the module: the same files the build just made in dist/.
for (const { file } of packs) copyFileSync(file, file.replace('dist/', 'dist/embed/'));
console.log('  dist/embed/ written (index.html, embed.css, embed-builder.js and the widgets\' packs)');
