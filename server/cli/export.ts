/** npm run export -- signups|feedback [--since 2026-01-31] > file.csv   (RFC 4180, formula-safe) */
import { parseArgs } from 'node:util';
import { toCsv } from '../csv.js';
import { runCli, UsageError, withStorage } from './common.js';

const USAGE = 'Usage: npm run export -- signups|feedback [--since DATE] > file.csv';

runCli(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { since: { type: 'string' } } });
  const kind = positionals[0];
  if (kind !== 'signups' && kind !== 'feedback') throw new UsageError('Say which: signups or feedback');
  const since = values.since ? new Date(values.since) : undefined;
  if (since && Number.isNaN(since.getTime())) throw new UsageError('--since must be a date like 2026-01-31');
  const csv = await withStorage(async (storage) => toCsv(kind, await storage.listSubmissions(kind, since)));
  process.stdout.write(csv);
}, USAGE);
