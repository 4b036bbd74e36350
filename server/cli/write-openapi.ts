/** Writes dist/openapi.json (called by `npm run build`, and by `npm run openapi`). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildOpenApi } from '../openapi.js';

const out = resolve(process.argv[2] ?? 'dist/openapi.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(buildOpenApi(), null, 2) + '\n');
console.log(`Wrote ${out}`);
