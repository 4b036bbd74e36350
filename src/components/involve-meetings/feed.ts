/**
 * Loads `GET {endpoint}/meetings`: validates every item with the shared Meeting schema, skips the
 * bad ones (one console.warn with the count), drops past meetings, sorts by start, and reuses the
 * last answer on 304 Not Modified (ETag / If-None-Match). A long feed is checked in slices of ~15 ms
 * with the event loop free in between, so a 1,000-meeting answer never blocks the page for long.
 */
import { Meeting } from '../../schema/meeting.js';
import { endpointUrl } from '../../core/config.js';
import { fetchWithTimeout } from '../../core/fetch-with-timeout.js';
import { MEETINGS_LIMIT_MAX } from '../../schema/rules.js';

export interface FeedQuery {
  from?: string | undefined;
  collaborative?: string | undefined;
  workstream?: string | undefined;
  limit?: number | undefined;
}

export interface FeedResult {
  meetings: Meeting[];
  /** Items left out: not meetings in the contract's format. */
  skipped: number;
  /** Meetings shown without their booking link, which was not an https: address. */
  unlinked: number;
}

/** A non-2xx status, or a body that is not `{ meetings: [...] }` (the status, if any, is the message, for debugging). */
const feedError = (status?: number) => Object.assign(new Error(`meetings feed: ${status ?? 'not a feed'}`), { server: true });

/**
 * `{endpoint}/meetings?from=…&collaborative=…&workstream=…&limit=…`, leaving out what is unset. `ics`:
 * the same meetings as a calendar to subscribe to, `webcal://{endpoint}/meetings.ics?…` (the scheme
 * iPhone, iPad, Mac and Outlook open as a subscription; clients fetch it over https).
 */
export function feedUrl(endpoint: string, { limit, ...text }: FeedQuery, ics?: 1): string {
  const url = new URL(endpointUrl(endpoint, ics ? 'meetings.ics' : 'meetings'));
  for (const [name, value] of Object.entries(text)) if (value) url.searchParams.set(name, value);
  // The endpoint answers 400 above MEETINGS_LIMIT_MAX (server/routes/meetings.ts): ask for what it allows.
  if (limit && limit > 0) url.searchParams.set('limit', String(Math.min(MEETINGS_LIMIT_MAX, Math.ceil(limit))));
  return ics ? url.href.replace(/^https?/, 'webcal') : url.href;
}

/** Gives the event loop a turn: `scheduler.yield()` where there is one (keeps this work's priority), else a task. */
const pause = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r));
};

/**
 * Keeps valid, upcoming meetings in start order; counts what it skipped. A meeting whose only fault is
 * a booking link that is not https: is kept without the link (people still learn it is on) and
 * counted. Works in slices of ~15 ms and stops (rejecting with the abort reason) once `signal` is
 * aborted, e.g. by a newer load.
 */
export async function readFeed(body: unknown, signal?: AbortSignal, now = Date.now()): Promise<FeedResult> {
  const items = (body as { meetings?: unknown } | null)?.meetings;
  if (!Array.isArray(items)) throw feedError();
  const meetings: Meeting[] = [];
  let skipped = 0;
  let unlinked = 0;
  let sliceEnd = performance.now() + 15;
  for (const item of items) {
    if (performance.now() > sliceEnd) {
      await pause();
      signal?.throwIfAborted();
      sliceEnd = performance.now() + 15;
    }
    let parsed = Meeting.safeParse(item);
    if (!parsed.success && (item as { bookingUrl?: unknown } | null)?.bookingUrl !== undefined) {
      const { bookingUrl: _unsafe, ...rest } = item as Record<string, unknown>;
      parsed = Meeting.safeParse(rest);
      if (parsed.success) unlinked++;
    }
    if (parsed.success) {
      if (Date.parse(parsed.data.end) > now) meetings.push(parsed.data);
    } else skipped++;
  }
  meetings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  // The list renders next: in a task of its own, not at the end of this slice.
  await pause();
  signal?.throwIfAborted();
  return { meetings, skipped, unlinked };
}

/**
 * Remembers the last answer per URL so a refresh can ask "changed since?" and reuse it on 304.
 * Rejects on a network error, an abort, a non-2xx status or a body that is not a feed.
 */
export class MeetingsFeed {
  private etag?: string | undefined;
  private lastUrl?: string;
  private lastBody?: unknown;

  /** `timeoutMs`: a feed that has not answered by then counts as an error (Retry is offered). */
  constructor(private readonly timeoutMs = 15_000) {}

  async load(url: string, signal: AbortSignal): Promise<FeedResult> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.etag && this.lastUrl === url) headers['If-None-Match'] = this.etag;
    const response = await fetchWithTimeout(url, { headers }, this.timeoutMs, signal);
    if (response.status === 304 && this.lastUrl === url) return readFeed(this.lastBody, signal);
    if (!response.ok) throw feedError(response.status);
    const body: unknown = await response.json();
    this.etag = response.headers.get('ETag') ?? undefined;
    this.lastUrl = url;
    this.lastBody = body;
    return readFeed(body, signal);
  }
}
