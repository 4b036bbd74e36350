#!/usr/bin/env node
// What-if for the size budgets (README, "Sizes and SRI"): each bundle's gzip size with four contract
// behaviours stubbed out — easy-read wording, the email suggestion, the offline outbox and GET /options.
// Their call sites stay, so a real removal would save a little more. `node bench/size-without.mjs`
// prints gzip -9 bytes per bundle, writes nothing.
import { rollup } from 'rollup';
import { browserBundle, bundles } from '../rollup.config.js';
import { gzipSync } from 'node:zlib';
const stubs = {
  'email-suggestion.ts': 'export function suggestEmail(){return undefined}',
  'outbox.ts': 'export function outboxItems(){return []}export function addToOutbox(){}export function removeFromOutbox(){}export async function flushOutbox(){}',
  'remote-options.ts': 'export function fetchRemoteOptions(){return Promise.resolve({})}',
};
for (const b of bundles) {
  const cfg = browserBundle({ ...b, file: 'dist/what-if.js' });
  cfg.plugins.unshift({ name: 'drop', transform(code, id) {
    const f = id.split('/').pop();
    if (stubs[f]) return stubs[f];
    if (/strings\.ts$/.test(id)) return code.replace(/export const (\w*EasyRead): Strings = \{[\s\S]*?\n\};/g, 'export const $1: Strings = {};');
  } });
  const r = await rollup(cfg); const { output } = await r.generate(cfg.output); await r.close();
  console.log(b.file.padEnd(28), gzipSync(output[0].code, { level: 9 }).length);
}
