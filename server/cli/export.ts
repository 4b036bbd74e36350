/**
 * npm run export -- signups|feedback [--since 2026-01-31] --out file.csv      (RFC 4180, formula-safe)
 * npm run export -- person --email … [--phone …] [--name …] [--format json|csv] --out person.json
 *   Subject access: everything held about that person (the same records erase would touch).
 * `--out -` writes to standard output (use `npm run --silent export …` so npm adds no banner).
 */
import { parseArgs } from 'node:util';
import { personCsv, toCsv } from '../csv.js';
import { normalisePhone } from '../phone.js';
import { runCli, UsageError, withStorage } from './common.js';
import { writeOut } from './output.js';

const USAGE = `Usage: npm run export -- signups|feedback [--since DATE] --out FILE.csv
       npm run export -- person --email ADDRESS [--phone NUMBER] [--name "FULL NAME"] [--format json|csv] --out FILE
       (--out - writes to standard output: run as npm run --silent export -- …)`;

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      since: { type: 'string' }, out: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' },
      name: { type: 'string' }, format: { type: 'string', default: 'json' },
    },
  });
  const kind = positionals[0];
  let text: string;
  let summary: string;
  if (kind === 'person') {
    const { email, phone, name, format } = values;
    if (email === undefined && phone === undefined && name === undefined) throw new UsageError('Give the person\'s --email, --phone or --name');
    if (email !== undefined && !email.includes('@')) throw new UsageError(`Not an email address: ${email}`);
    if (phone !== undefined && !normalisePhone(phone)) throw new UsageError(`Not a phone number: ${phone}`);
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format is json or csv');
    const records = await withStorage((storage) => storage.findPerson({ email, phone, name }));
    text = format === 'csv'
      ? personCsv(records)
      : JSON.stringify({
        exportedAt: new Date().toISOString(),
        searchedFor: { email, phone, name },
        records: records.map(({ kind: k, id, createdAt, payload }) => ({ kind: k, id, received: createdAt, answers: payload })),
        note: 'Everything this endpoint holds about the person: the records above. Request logs hold no personal data; idempotency records hold only a hash of the request and the record id, for 24 hours.',
      }, null, 2) + '\n';
    summary = `${records.length} record(s)`;
  } else if (kind === 'signups' || kind === 'feedback') {
    const since = values.since ? new Date(values.since) : undefined;
    if (since && Number.isNaN(since.getTime())) throw new UsageError('--since must be a date like 2026-01-31');
    const rows = await withStorage((storage) => storage.listSubmissions(kind, since));
    text = toCsv(kind, rows);
    summary = `${rows.length} ${kind === 'signups' ? 'sign-up(s)' : 'feedback record(s)'}`;
  } else {
    throw new UsageError('Say which: signups, feedback or person');
  }
  const where = writeOut(values.out, text, USAGE);
  if (where !== 'standard output') console.error(`Wrote ${summary} to ${where} (readable by you only).`);
}, USAGE);
