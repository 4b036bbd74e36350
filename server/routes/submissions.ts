/**
 * POST /signups and POST /feedback (contract §5-6): validated with the widgets' own zod schemas,
 * idempotent per Idempotency-Key, spam answered 202 with nothing stored.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { issuesToErrors } from '../../src/schema/common.js';
import { MIN_ELAPSED_MS } from '../../src/schema/rules.js';
import { Feedback } from '../../src/schema/zod.js';
import { messageText } from '../../src/schema/messages.js';
import { Signup } from '../../src/schema/zod.js';
import { normalisePhone } from '../phone.js';
import { InFlight, KEY_TTL_MS, parseIdempotencyKey, requestHash } from '../idempotency.js';
import type { OriginPolicy } from '../origins.js';
import { problems } from '../problems.js';
import type { IdempotencyRecord, Storage, SubmissionKind } from '../storage/types.js';

export interface SubmissionDeps {
  storage: Storage;
  inFlight: InFlight;
  now: () => Date;
  /** The origin check (server/origins.ts): which partner, if any, the request's site posts as. */
  origins?: OriginPolicy;
}

const schemas = { signups: Signup, feedback: Feedback } as const;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

function replay(existing: IdempotencyRecord, hash: string): Response {
  if (existing.requestHash !== hash) return problems.keyReused();
  return json(existing.status, existing.body, { 'idempotent-replayed': 'true' });
}

/**
 * Honeypot filled or sent faster than a person could: accepted quietly, nothing stored (§6). Read
 * from the raw body before validation, so a bot's bad answers get no field errors to learn from.
 */
function isSpam(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const { honeypot, elapsedMs } = data as Record<string, unknown>;
  return (typeof honeypot === 'string' && honeypot !== '') || (typeof elapsedMs === 'number' && elapsedMs < MIN_ELAPSED_MS);
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * A site bound to a partner (`npm run partners -- allow-origin`) posts as that partner, whatever the
 * page's `partner` attribute says: the record is credited to the site's partner, and what the page
 * claimed is kept beside it as `claimedPartner` so the Trust can see (and tell the webmaster) that the
 * snippet is misconfigured. Sites allowed only through ALLOWED_ORIGINS keep the partner they send.
 */
function attributed<S extends { partner?: string | undefined }>(source: S, bound: string | null): S & { claimedPartner?: string | null } {
  if (bound === null || source.partner === bound) return source;
  return { ...source, partner: bound, claimedPartner: source.partner ?? null };
}

export function submissionHandler(kind: SubmissionKind, deps: SubmissionDeps) {
  return async (c: Context): Promise<Response> => {
    if (!isJson(c.req.header('content-type'))) return problems.unsupportedType();
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    if (key === undefined) return problems.keyMissing();
    if (key === null) return problems.keyInvalid();

    const body = await c.req.text();
    const hash = requestHash('POST', `/${kind}`, body);
    if (!deps.inFlight.acquire(key)) return problems.inFlight();
    try {
      const now = deps.now();
      const notBefore = new Date(now.getTime() - KEY_TTL_MS);
      const existing = await deps.storage.findKey(key, notBefore);
      if (existing) return replay(existing, hash);

      let data: unknown;
      try {
        data = JSON.parse(body);
      } catch {
        return problems.invalidJson();
      }
      if (isSpam(data)) return json(202, { id: 'accepted' });
      const parsed = schemas[kind].safeParse(data);
      if (!parsed.success) {
        const errors = issuesToErrors(parsed.error.issues).map((e) => ({ pointer: e.pointer, detail: messageText(e.detail) }));
        return problems.validation(errors);
      }

      const { honeypot: _h, elapsedMs: _e, ...sent } = parsed.data;
      const payload = { ...sent, source: attributed(sent.source, deps.origins ? (await deps.origins.check(c.req.header('origin'))).partner : null) };
      const id = randomUUID();
      const response = { status: 201, body: { id } };
      const outcome = await deps.storage.submit(
        {
          kind,
          id,
          payload,
          email: payload.contact?.email?.trim().toLowerCase() || null,
          phone: payload.contact?.phone ? normalisePhone(payload.contact.phone) : null,
          partner: payload.source.partner ?? null,
          idempotencyKey: key,
          requestHash: hash,
          response,
        },
        now,
        notBefore,
      );
      if (outcome.outcome === 'in-flight') return problems.inFlight();
      if (outcome.outcome === 'existing') return replay(outcome.existing, hash);
      return json(response.status, response.body);
    } finally {
      deps.inFlight.release(key);
    }
  };
}
