/**
 * MEETINGS_ICS_URL: the endpoint follows one or more published calendars by itself, every
 * MEETINGS_ICS_INTERVAL_MINUTES (default 15). Each poll sends the last ETag / Last-Modified (kept in
 * the database, so every instance shares them) and a 304 costs nothing. A failed fetch, a file that is
 * not a calendar, or one cut short keeps the last good set and logs why; a calendar that suddenly
 * gives no meetings while it had some is refused (loudly) unless MEETINGS_ICS_ALLOW_EMPTY=true.
 * Several instances may poll the same calendar: syncs take turns per source, so there are no
 * duplicates, and all instances use the same day-aligned window, so they agree (no flapping).
 */
import type { Storage } from '../storage/types.js';
import type { CalendarImport } from './import.js';
import { CalendarFileError } from './parse.js';
import { formatReport } from './report.js';
import { syncCalendar, urlSource } from './sync.js';

export const DEFAULT_POLL_MINUTES = 15;
const FETCH_TIMEOUT_MS = 30_000;
const MAX_BYTES = 20 * 1024 * 1024;

export interface PollLogEntry {
  level: 'info' | 'warn' | 'error';
  source: string;
  message: string;
  added?: number;
  updated?: number;
  removed?: number;
  unchanged?: number;
  skipped?: number;
}

export interface PollerOptions {
  storage: Storage;
  urls: string[];
  intervalMs?: number;
  allowEmpty?: boolean;
  timezone?: string;
  now?: () => Date;
  log?: (entry: PollLogEntry) => void;
}

export type PollResult = 'applied' | 'not-modified' | 'failed' | 'refused';

/** https:// (webcal:// read as https://); http:// only to this machine. Throws a sentence otherwise. */
export function calendarUrl(value: string): string {
  const v = value.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`"${value}" is not a web address`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`calendar addresses must be https:// (or webcal://), not "${url.protocol}//${url.host}"`);
  return url.href;
}

export interface FetchedCalendar {
  status: 'ok' | 'not-modified';
  body?: Uint8Array;
  etag?: string | null;
  lastModified?: string | null;
}

export async function fetchCalendar(url: string, validators: { etag?: string | null; lastModified?: string | null } = {}): Promise<FetchedCalendar> {
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'involve-widgets-endpoint (calendar sync)' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (res.status === 304) return { status: 'not-modified' };
  if (!res.ok) throw new Error(`the calendar server answered HTTP ${res.status}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new Error(`the calendar is ${length} bytes, more than the ${MAX_BYTES} allowed`);
  const body = new Uint8Array(await res.arrayBuffer());
  if (body.byteLength > MAX_BYTES) throw new Error(`the calendar is more than the ${MAX_BYTES} bytes allowed`);
  return { status: 'ok', body, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}

const defaultLog = (e: PollLogEntry) => {
  const line = JSON.stringify({ t: new Date().toISOString(), calendar: e.source, ...e, source: undefined });
  if (e.level === 'info') console.log(line);
  else console.error(line);
};

class IncompleteCalendar extends Error {}

/** The poller applies only a complete file: a download cut short must not remove (or half-update) anything. */
function refuseIncomplete(imported: CalendarImport): void {
  if (!imported.complete) {
    const first = imported.skipped[0];
    throw new IncompleteCalendar(`the calendar file is malformed or cut short${first ? ` (line ${first.line}: ${first.reason})` : ''}`);
  }
}

/** One poll of one calendar URL. */
export async function pollOnce(url: string, o: PollerOptions): Promise<PollResult> {
  const { storage } = o;
  const log = o.log ?? defaultLog;
  const now = (o.now ?? (() => new Date()))();
  const source = urlSource(url);
  const state = await storage.meetingSourceState(source.key);
  const checked = { checkedAt: now.toISOString() };
  let fetched: FetchedCalendar;
  try {
    // Validators only once a sync from them was applied today: a refused or failed one is fetched in
    // full again, and so is the first poll of a day (the window moves on, and yesterday's meetings go).
    const today = state?.syncedAt?.slice(0, 10) === now.toISOString().slice(0, 10);
    fetched = await fetchCalendar(url, today ? { etag: state!.etag, lastModified: state!.lastModified } : {});
  } catch (err) {
    const why = err instanceof Error ? (err.name === 'TimeoutError' ? 'no answer within 30 s' : err.message) : String(err);
    await storage.saveMeetingSourceState(source.key, source.label, { ...checked, lastError: why });
    log({ level: 'warn', source: source.label, message: `could not fetch the calendar (${why}); the meetings from it stay as they were` });
    return 'failed';
  }
  if (fetched.status === 'not-modified') {
    await storage.saveMeetingSourceState(source.key, source.label, checked);
    return 'not-modified';
  }
  try {
    const run = await syncCalendar(storage, fetched.body!, { source, allowEmpty: o.allowEmpty, now, beforeApply: refuseIncomplete, ...(o.timezone ? { timezone: o.timezone } : {}) });
    if (run.outcome.refused) {
      await storage.saveMeetingSourceState(source.key, source.label, { ...checked, lastError: run.outcome.refused });
      log({ level: 'error', source: source.label, message: `SYNC REFUSED: ${run.outcome.refused}` });
      return 'refused';
    }
    await storage.saveMeetingSourceState(source.key, source.label, { ...checked, etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null, lastError: null });
    const { added, updated, removed, unchanged } = run.outcome;
    const skipped = run.import.skipped.length + run.outcome.conflicts.length;
    if (added || updated || removed || skipped) {
      log({ level: skipped ? 'warn' : 'info', source: source.label, message: formatReport(run.report), added, updated, removed, unchanged, skipped });
    }
    return 'applied';
  } catch (err) {
    const why = err instanceof IncompleteCalendar || err instanceof CalendarFileError ? err.message : `the calendar could not be read (${err instanceof Error ? err.message : String(err)})`;
    await storage.saveMeetingSourceState(source.key, source.label, { ...checked, lastError: why });
    log({ level: 'warn', source: source.label, message: `${why}; the meetings from it stay as they were` });
    return 'failed';
  }
}

export interface Poller {
  /** Polls every calendar now (also what the timer does). */
  pollAll(): Promise<PollResult[]>;
  /** Stops the timer and waits for a poll in progress. */
  stop(): Promise<void>;
}

export function startPoller(o: PollerOptions): Poller {
  const interval = o.intervalMs ?? DEFAULT_POLL_MINUTES * 60_000;
  let running: Promise<PollResult[]> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const pollAll = () => {
    running ??= (async () => {
      const results: PollResult[] = [];
      for (const url of o.urls) {
        results.push(await pollOnce(url, o).catch((err: unknown) => {
          // E.g. the database is down: said, and the next poll tries again.
          (o.log ?? defaultLog)({ level: 'error', source: urlSource(url).label, message: `calendar sync failed: ${err instanceof Error ? err.message : String(err)}` });
          return 'failed' as const;
        }));
      }
      return results;
    })().finally(() => (running = undefined));
    return running;
  };
  const tick = async () => {
    await pollAll();
    if (!stopped) {
      timer = setTimeout(tick, interval);
      timer.unref();
    }
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return {
    pollAll,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
