/**
 * Writes the payload schemas as JSON Schema (contract §6) for partners and other back ends:
 * dist/schema/{signup,feedback,meeting}.schema.json. Run by `npm run build` (through tsx).
 *
 * `io: 'input'` describes what a client may send (before trims and defaults); `unrepresentable: 'any'`
 * turns the cross-field rules JSON Schema can't say (e.g. "the preferred channel's value is required")
 * into no constraint rather than an error: the endpoint's problem details still report them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import { Feedback, Meeting, Signup } from '../src/schema/zod.js';

const outDir = resolve(process.argv[2] ?? 'dist/schema');
const schemas = { signup: Signup, feedback: Feedback, meeting: Meeting } as const;

mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(schemas)) {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const titled = {
    $schema: json.$schema,
    title: name[0]!.toUpperCase() + name.slice(1),
    ...json,
  };
  const file = resolve(outDir, `${name}.schema.json`);
  writeFileSync(file, JSON.stringify(titled, null, 2) + '\n');
  console.log(`Wrote ${file.replace(process.cwd() + '/', '')}`);
}
