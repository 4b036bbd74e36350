/**
 * A faithful in-memory mock of the endpoint's HTTP contract (CONTRACT.md §5), written against web
 * standard Request/Response so the same code serves the browser tests (a dev-server middleware) and
 * Storybook (an MSW handler). Faults are queued by tests through `POST {base}/__control`.
 */
import { Feedback } from '../../src/schema/zod.js';
import { Signup } from '../../src/schema/zod.js';
import { issuesToErrors } from '../../src/schema/common.js';
import { messageText } from '../../src/schema/messages.js';

export interface Fault {
  /** Which requests it applies to; default any POST. */
  method?: string;
  path?: string;
  /** Reply with this status (and problem body), or… */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** …close the connection without an answer (network error). Handled by the transport. */
  drop?: boolean;
  /** Wait before answering (after storing, if the request would store). */
  delayMs?: number;
  /** Process the request normally (store it), then answer with the fault's status: a lost response. */
  afterStore?: boolean;
}

export interface StoredRecord {
  kind: 'signups' | 'feedback';
  id: string;
  body: unknown;
  key: string;
}

interface KeyEntry {
  hash: string;
  status: number;
  body: unknown;
  inFlight: boolean;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const problem = (status: number, type: string, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `https://involve.example.nhs.uk/problems/${type}`, title, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class MockEndpoint {
  records: StoredRecord[] = [];
  /** Every request as received, for asserting on what was sent. */
  requests: { method: string; path: string; key: string | null; body: string; query?: string; ifNoneMatch?: string | null }[] = [];
  faults: Fault[] = [];
  meetings: unknown[] = [];
  meetingsEtag = '"m1"';
  options: unknown = null;
  /** Contract: elapsedMs below this is a bot (202, nothing stored). Tests that fill forms instantly lower it. */
  minElapsedMs = 2000;
  private keys = new Map<string, KeyEntry>();
  private nextId = 1;

  reset(): void {
    this.records = [];
    this.requests = [];
    this.faults = [];
    this.meetings = [];
    this.options = null;
    this.minElapsedMs = 2000;
    this.meetingsEtag = '"m1"';
    this.keys.clear();
  }

  /** Takes the first queued fault that matches this request. */
  takeFault(method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => (f.method ?? 'POST') === method && (!f.path || path.endsWith(f.path)));
    return i === -1 ? undefined : this.faults.splice(i, 1)[0];
  }

  /** `path` is relative to the endpoint base, like `/signups`. */
  async handle(request: Request, path: string, fault?: Fault): Promise<Response> {
    const body = request.method === 'POST' ? await request.text() : '';
    const key = request.headers.get('idempotency-key');
    if (!path.startsWith('/__')) {
      this.requests.push({ method: request.method, path, key, body, query: new URL(request.url).search, ifNoneMatch: request.headers.get('if-none-match') });
    }

    if (path === '/__control' && request.method === 'POST') return this.control(JSON.parse(body || '{}'));
    if (path === '/__state') return json(200, { records: this.records, requests: this.requests, faults: this.faults.length });

    if (fault?.delayMs && !fault.afterStore) await sleep(fault.delayMs);
    if (fault?.status && !fault.afterStore) return this.faultResponse(fault);

    let response: Response;
    if (request.method === 'GET' && path.startsWith('/meetings')) response = this.getMeetings(request);
    else if (request.method === 'GET' && path === '/probe') response = json(200, { api: 'involve', originAllowed: true });
    else if (request.method === 'GET' && path === '/options') response = this.options ? json(200, this.options) : problem(404, 'not-found', 'Not found');
    else if (request.method === 'POST' && (path === '/signups' || path === '/feedback')) response = await this.post(path.slice(1) as StoredRecord['kind'], body, key, fault?.delayMs ?? 0);
    else response = problem(404, 'not-found', 'Not found');

    if (fault?.afterStore) {
      if (fault.delayMs) await sleep(fault.delayMs);
      return this.faultResponse(fault);
    }
    return response;
  }

  private faultResponse(fault: Fault): Response {
    if (fault.body !== undefined) return json(fault.status!, fault.body, fault.headers);
    return problem(fault.status!, `status-${fault.status}`, `Status ${fault.status}`, {}, fault.headers);
  }

  private control(cmd: { reset?: boolean; faults?: Fault[]; meetings?: unknown[]; etag?: string; options?: unknown; minElapsedMs?: number }): Response {
    if (cmd.reset) this.reset();
    if (typeof cmd.minElapsedMs === 'number') this.minElapsedMs = cmd.minElapsedMs;
    if (cmd.faults) this.faults.push(...cmd.faults);
    if (cmd.meetings) this.meetings = cmd.meetings;
    if (cmd.etag) this.meetingsEtag = cmd.etag;
    if (cmd.options !== undefined) this.options = cmd.options;
    return json(200, { ok: true });
  }

  private getMeetings(request: Request): Response {
    if (request.headers.get('if-none-match') === this.meetingsEtag) return new Response(null, { status: 304, headers: { etag: this.meetingsEtag } });
    return json(200, { meetings: filterMeetings(this.meetings, new URL(request.url).searchParams) }, { etag: this.meetingsEtag });
  }

  private async post(kind: StoredRecord['kind'], body: string, rawKey: string | null, holdMs: number): Promise<Response> {
    const key = rawKey?.replace(/^"(.*)"$/, '$1');
    if (!key) return problem(400, 'idempotency-key-missing', 'Idempotency-Key header is required');
    const existing = this.keys.get(key);
    if (existing) {
      if (existing.hash !== body) return problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request body');
      if (existing.inFlight) return problem(409, 'request-in-progress', 'The first request with this key is still being processed');
      return json(existing.status, existing.body);
    }
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return problem(400, 'invalid-json', 'The request body is not valid JSON');
    }
    const schema = kind === 'signups' ? Signup : Feedback;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error.issues).map((e) => ({ pointer: e.pointer, detail: messageText(e.detail) }));
      return problem(422, 'validation', 'Your answers need checking', { detail: 'Some answers need checking', errors });
    }
    const entry: KeyEntry = { hash: body, status: 0, body: null, inFlight: true };
    this.keys.set(key, entry);
    if (holdMs) await sleep(holdMs);
    const spam = parsed.data.honeypot !== '' || parsed.data.elapsedMs < this.minElapsedMs;
    const result = spam ? { status: 202, body: { id: 'accepted' } } : { status: 201, body: { id: `${kind}-${this.nextId++}` } };
    if (!spam) this.records.push({ kind, id: result.body.id, body: parsed.data, key });
    Object.assign(entry, result, { inFlight: false });
    return json(result.status, result.body);
  }
}

/**
 * The query of `GET /meetings` as the reference server reads it (server/routes/meetings.ts): `from`
 * keeps meetings ending after it, `collaborative` is an exact name, `workstream` one id, `limit` the
 * most returned. Without parameters the feed goes back exactly as set, malformed items included.
 */
function filterMeetings(meetings: unknown[], query: URLSearchParams): unknown[] {
  const field = (m: unknown, name: string) => (typeof m === 'object' && m !== null ? (m as Record<string, unknown>)[name] : undefined);
  const from = query.get('from');
  const collaborative = query.get('collaborative');
  const workstream = query.get('workstream');
  const limit = Number(query.get('limit'));
  let out = meetings;
  if (from) out = out.filter((m) => Date.parse(String(field(m, 'end'))) > Date.parse(from));
  if (collaborative) out = out.filter((m) => field(m, 'collaborative') === collaborative);
  if (workstream) out = out.filter((m) => (field(m, 'workstreams') as unknown[] | undefined)?.includes?.(workstream));
  return limit > 0 ? out.slice(0, limit) : out;
}
