/**
 * Loads `GET {endpoint}/meetings`: validates every item with the shared Meeting schema, skips the
 * bad ones (one console.warn with the count), drops past meetings, sorts by start, and reuses the
 * last answer on 304 Not Modified (ETag / If-None-Match).
 */
import { Meeting } from '../../schema/meeting.js';
import { endpointUrl } from '../../core/config.js';

export interface FeedQuery {
  from?: string | undefined;
  collaborative?: string | undefined;
  workstream?: string | undefined;
  limit?: number | undefined;
}

export interface FeedResult {
  meetings: Meeting[];
  skipped: number;
}

export class FeedError extends Error {
  constructor(readonly status?: number) {
    super(status ? `The meetings feed answered ${status}` : 'The meetings feed could not be reached');
  }
}

export function feedUrl(endpoint: string, q: FeedQuery): string {
  const url = new URL(endpointUrl(endpoint, 'meetings'));
  if (q.from) url.searchParams.set('from', q.from);
  if (q.collaborative) url.searchParams.set('collaborative', q.collaborative);
  if (q.workstream) url.searchParams.set('workstream', q.workstream);
  if (q.limit && q.limit > 0) url.searchParams.set('limit', String(Math.trunc(q.limit)));
  return url.href;
}

/** Keeps valid, upcoming meetings in start order; counts what it skipped. */
export function readFeed(body: unknown, now = Date.now()): FeedResult {
  const items = typeof body === 'object' && body !== null && Array.isArray((body as { meetings?: unknown }).meetings) ? (body as { meetings: unknown[] }).meetings : null;
  if (!items) throw new FeedError();
  const meetings: Meeting[] = [];
  let skipped = 0;
  for (const item of items) {
    const parsed = Meeting.safeParse(item);
    if (parsed.success) {
      if (Date.parse(parsed.data.end) > now) meetings.push(parsed.data);
    } else skipped++;
  }
  meetings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return { meetings, skipped };
}

/** Remembers the last answer per URL so a refresh can ask "changed since?" and reuse it on 304. */
export class MeetingsFeed {
  private etag?: string;
  private lastUrl?: string;
  private lastBody?: unknown;

  async load(url: string, signal: AbortSignal): Promise<FeedResult> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.etag && this.lastUrl === url) headers['If-None-Match'] = this.etag;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal, credentials: 'omit', mode: 'cors' });
    } catch (e) {
      if (signal.aborted) throw e;
      throw new FeedError();
    }
    if (response.status === 304 && this.lastUrl === url && this.lastBody !== undefined) return readFeed(this.lastBody);
    if (!response.ok) throw new FeedError(response.status);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new FeedError(response.status);
    }
    this.etag = response.headers.get('ETag') ?? undefined;
    this.lastUrl = url;
    this.lastBody = body;
    return readFeed(body);
  }
}
