#!/usr/bin/env node
// `npm run test:deps`: the import graph of src/ and server/ against .dependency-cruiser.cjs
// (layers import only downwards, no cycles). Prints each violation, then one line per rule and
// `N passed, N failed` (one check per rule) for scripts/test-all.mjs. Exit status 1 on a violation.
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');

const result = await cruise(['src', 'server'], { ruleSet: config, validate: true, ...config.options, outputType: 'json' });
const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
const violations = output.summary.violations ?? [];

for (const v of violations) console.error(`✖ ${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : ''}`);
let passed = 0;
let failed = 0;
for (const rule of config.forbidden) {
  const n = violations.filter((v) => v.rule.name === rule.name).length;
  if (n) failed++;
  else passed++;
  console.log(`${n ? '✖' : '✔'} ${rule.name}${n ? ` (${n})` : ''}`);
}
console.log(`${output.summary.totalCruised} modules, ${output.summary.totalDependenciesCruised} dependencies cruised`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
