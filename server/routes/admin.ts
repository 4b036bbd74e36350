/**
 * GET /admin/export/{signups|feedback}.csv for the involvement team, behind a bearer token from
 * ADMIN_TOKEN (compared in constant time). With no token configured the routes do not exist (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { toCsv } from '../csv.js';
import { problems } from '../problems.js';
import type { Storage, SubmissionKind } from '../storage/types.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of the presented bearer token with the configured one. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  // Hashing first gives equal lengths, so timingSafeEqual never leaks the token's length either.
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null;
}

export function exportHandler(storage: Storage, adminToken: string | undefined, now: () => Date) {
  return async (c: Context): Promise<Response> => {
    if (!adminToken) return problems.notFound();
    const kind = /^(signups|feedback)\.csv$/.exec(c.req.param('file') ?? '')?.[1] as SubmissionKind | undefined;
    if (!bearerMatches(c.req.header('authorization'), adminToken)) return problems.unauthorized();
    if (!kind) return problems.notFound();
    const since = c.req.query('since');
    const sinceDate = since ? new Date(since) : undefined;
    if (sinceDate && Number.isNaN(sinceDate.getTime())) {
      return problems.badQuery([{ parameter: 'since', detail: 'Use a date like 2025-01-31' }]);
    }
    const csv = toCsv(kind, await storage.listSubmissions(kind, sinceDate));
    const day = now().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${kind}-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  };
}
