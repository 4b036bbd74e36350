/**
 * npm run meetings -- add --title … --collaborative … --start 2026-03-10T18:00 --end 2026-03-10T19:30 [options]
 *                   | cancel ID | delete ID | list [--all] [--json] | import meetings.json
 *                   | sync calendar.ics|https://… [--source NAME] [--allow-empty] (import calendar.ics = sync)
 * Times without an offset are London times. DATABASE_URL as for the server.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Meeting } from '../../src/schema/zod.js';
import { CalendarFileError } from '../calendar/parse.js';
import { calendarUrl, fetchCalendar } from '../calendar/poller.js';
import { formatReport } from '../calendar/report.js';
import { fileSource, syncCalendar, urlSource } from '../calendar/sync.js';
import { parseLondon, toLondonIso } from '../london-time.js';
import type { Storage } from '../storage/types.js';
import { runCli, UsageError, withStorage } from './common.js';

const USAGE = `Usage:
  npm run meetings -- add --title TEXT --collaborative NAME --start 2026-03-10T18:00 --end 2026-03-10T19:30
                       [--format online|in-person|hybrid] [--location NAME] [--address TEXT] [--postcode CV1 2AB]
                       [--workstream ID]... [--join-info TEXT] [--accessibility TEXT] [--description TEXT]
                       [--booking-url https://…] [--status scheduled|full] [--id ID]
  npm run meetings -- cancel ID
  npm run meetings -- delete ID
  npm run meetings -- list [--all] [--json]
  npm run meetings -- import FILE.json
  npm run meetings -- sync FILE.ics|https://…/calendar.ics [--source NAME] [--allow-empty]
                       [--collaborative NAME] [--workstream ID]... [--from DATE] [--until DATE]
    Makes the meetings from that calendar equal to what it says now (import FILE.ics does the same).
    Repeating events are expanded from --from (default: yesterday) to --until (default: 13 months on).
    --source names the calendar (default: its own name in the file); --allow-empty applies a
    calendar that now has no meetings although meetings from it are listed.`;

function fail(errors: { path: PropertyKey[]; message: string }[]): never {
  throw new UsageError('Meeting not valid: ' + errors.map((e) => `${e.path.join('.') || '(meeting)'} ${e.message}`).join('; '));
}

async function add(storage: Storage, args: string[]): Promise<void> {
  const { values: v } = parseArgs({
    args,
    options: {
      id: { type: 'string' }, title: { type: 'string' }, collaborative: { type: 'string' },
      start: { type: 'string' }, end: { type: 'string' }, format: { type: 'string', default: 'online' },
      location: { type: 'string' }, address: { type: 'string' }, postcode: { type: 'string' },
      workstream: { type: 'string', multiple: true }, 'join-info': { type: 'string' },
      accessibility: { type: 'string' }, description: { type: 'string' }, 'booking-url': { type: 'string' },
      status: { type: 'string', default: 'scheduled' },
    },
  });
  const time = (name: 'start' | 'end') => {
    const d = v[name] ? parseLondon(v[name]!) : undefined;
    if (!d) throw new UsageError(`--${name} must be a date-time like 2026-03-10T18:00`);
    return toLondonIso(d);
  };
  const candidate = {
    id: v.id ?? randomUUID(),
    title: v.title,
    collaborative: v.collaborative,
    start: time('start'),
    end: time('end'),
    format: v.format,
    ...(v.location ? { location: { name: v.location, ...(v.address ? { address: v.address } : {}), ...(v.postcode ? { postcode: v.postcode } : {}) } } : {}),
    ...(v['join-info'] ? { joinInfo: v['join-info'] } : {}),
    workstreams: v.workstream ?? [],
    ...(v.accessibility ? { accessibility: v.accessibility } : {}),
    ...(v.description ? { description: v.description } : {}),
    ...(v['booking-url'] ? { bookingUrl: v['booking-url'] } : {}),
    status: v.status,
  };
  const parsed = Meeting.safeParse(candidate);
  if (!parsed.success) fail(parsed.error.issues);
  await storage.upsertMeeting(parsed.data);
  console.log(`Added ${parsed.data.id}: ${parsed.data.title}, ${parsed.data.start}`);
}

function windowArgs(v: { from?: string; until?: string }): { from?: Date; until?: Date } {
  const from = v.from ? parseLondon(v.from) : undefined;
  const until = v.until ? parseLondon(v.until) : undefined;
  if ((v.from && !from) || (v.until && !until)) throw new UsageError('--from and --until take dates like 2027-12-31');
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

async function importFile(storage: Storage, args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) throw new UsageError('import needs a file');
  if (/\.ics$/i.test(file) || /^(https?|webcals?):/i.test(file)) return sync(storage, args);
  const source = readFileSync(file, 'utf8');
  if (source.replace(/^\uFEFF/, '').trimStart().startsWith('BEGIN:VCALENDAR')) return sync(storage, args);
  const data: unknown = JSON.parse(source);
  const items: unknown[] = Array.isArray(data) ? data : ((data as { meetings?: unknown[] })?.meetings ?? []);
  const meetings: Meeting[] = [];
  let skipped = 0;
  for (const item of items) {
    const parsed = Meeting.safeParse(item);
    if (parsed.success) meetings.push(parsed.data);
    else skipped++;
  }
  for (const m of meetings) await storage.upsertMeeting(m);
  console.log(`Imported ${meetings.length} meeting(s)${skipped ? `; skipped ${skipped} that were not valid` : ''}.`);
}

async function sync(storage: Storage, args: string[]): Promise<void> {
  const { values: v, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      collaborative: { type: 'string' }, workstream: { type: 'string', multiple: true }, from: { type: 'string' }, until: { type: 'string' },
      source: { type: 'string' }, 'allow-empty': { type: 'boolean' },
    },
  });
  const target = positionals[0];
  if (!target) throw new UsageError('sync needs a calendar file or https:// address');
  const web = /^(https?|webcals?):\/\//i.test(target);
  let bytes: Uint8Array;
  if (web) {
    let url: string;
    try {
      url = calendarUrl(target);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    bytes = (await fetchCalendar(url)).body!;
  } else {
    if (!existsSync(target)) throw new UsageError(`No file "${target}": give the path of the .ics file you exported`);
    bytes = readFileSync(target);
  }
  try {
    const run = await syncCalendar(storage, bytes, {
      ...windowArgs(v),
      ...(v.collaborative ? { collaborative: v.collaborative } : {}),
      workstreams: v.workstream ?? [],
      allowEmpty: v['allow-empty'] ?? false,
      source: web
        ? (v.source ? { key: `calendar:${v.source}`, label: `calendar "${v.source}"` } : urlSource(calendarUrl(target)))
        : (imported) => fileSource(target, imported.name, v.source),
    });
    console.log(formatReport(run.report));
    if (run.outcome.refused) process.exitCode = 1;
    else if (run.import.meetings.length === 0) {
      console.error(`Nothing could be imported: ${run.import.skipped.length ? 'every event in the window was skipped (see above)' : 'the calendar has no meetings in the window'}.`);
      process.exitCode = 1;
    }
  } catch (err) {
    if (err instanceof CalendarFileError) {
      console.error(`Nothing could be imported: ${err.message}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

async function list(storage: Storage, args: string[]): Promise<void> {
  const { values: v } = parseArgs({ args, options: { all: { type: 'boolean' }, json: { type: 'boolean' } } });
  const meetings = await storage.listMeetings({ from: v.all ? new Date(0) : new Date(), limit: 10_000 });
  if (v.json) return console.log(JSON.stringify({ meetings }, null, 2));
  if (meetings.length === 0) return console.log('No meetings.');
  for (const m of meetings) console.log(`${m.start}  ${m.status.padEnd(9)}  ${m.format.padEnd(9)}  ${m.collaborative}: ${m.title}  [${m.id}]`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  await withStorage(async (storage) => {
    if (command === 'add') return add(storage, rest);
    if (command === 'import') return importFile(storage, rest);
    if (command === 'sync') return sync(storage, rest);
    if (command === 'delete') {
      if (!rest[0]) throw new UsageError('delete needs a meeting id');
      const source = await storage.meetingSource(rest[0]);
      if (!(await storage.deleteMeeting(rest[0]))) throw new UsageError(`No meeting with id ${rest[0]}`);
      console.log(`Deleted ${rest[0]}`);
      if (source) console.log(`It came from a calendar (${source}): delete it there too, or the next sync adds it again.`);
      return;
    }
    if (command === 'list') return list(storage, rest);
    if (command === 'cancel') {
      if (!rest[0]) throw new UsageError('cancel needs a meeting id');
      if (!(await storage.cancelMeeting(rest[0]))) throw new UsageError(`No meeting with id ${rest[0]}`);
      return console.log(`Cancelled ${rest[0]}`);
    }
    throw new UsageError(command ? `Unknown command ${command}` : 'Give a command');
  });
}

runCli(main, USAGE);
