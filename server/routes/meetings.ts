/** GET /meetings?from=ISO&collaborative=&workstream=&limit= (contract §5), ETag via Hono's middleware. */
import type { Context } from 'hono';
import { problems, type ProblemError } from '../problems.js';
import type { MeetingQuery, Storage } from '../storage/types.js';
import { MEETINGS_LIMIT_MAX } from '../../src/schema/rules.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = MEETINGS_LIMIT_MAX;

export function parseMeetingQuery(url: URL, now: Date): MeetingQuery | ProblemError[] {
  const errors: ProblemError[] = [];
  const p = url.searchParams;
  const query: MeetingQuery = { from: now, limit: DEFAULT_LIMIT };

  const from = p.get('from');
  if (from !== null && from !== '') {
    // A date (2025-03-01) or a date-time with an offset; a bare local time would be a guess.
    const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(from) && !Number.isNaN(Date.parse(from));
    if (ok) query.from = new Date(from);
    else errors.push({ parameter: 'from', detail: 'Use an ISO 8601 date or date-time with an offset, like 2025-03-01T00:00:00Z' });
  }
  const limit = p.get('limit');
  if (limit !== null && limit !== '') {
    const n = Number(limit);
    if (/^\d+$/.test(limit) && n >= 1 && n <= MAX_LIMIT) query.limit = n;
    else errors.push({ parameter: 'limit', detail: `Use a whole number from 1 to ${MAX_LIMIT}` });
  }
  const collaborative = p.get('collaborative');
  if (collaborative) {
    if (collaborative.length <= 300) query.collaborative = collaborative;
    else errors.push({ parameter: 'collaborative', detail: 'Use 300 characters or fewer' });
  }
  const workstream = p.get('workstream');
  if (workstream) {
    if (/^[a-z0-9-]{1,80}$/.test(workstream)) query.workstream = workstream;
    else errors.push({ parameter: 'workstream', detail: 'Use a workstream id, like carers' });
  }
  return errors.length ? errors : query;
}

export function meetingsHandler(storage: Storage, now: () => Date) {
  return async (c: Context): Promise<Response> => {
    const query = parseMeetingQuery(new URL(c.req.url), now());
    if (Array.isArray(query)) return problems.badQuery(query);
    const meetings = await storage.listMeetings(query);
    c.header('cache-control', 'no-cache');
    return c.json({ meetings });
  };
}
