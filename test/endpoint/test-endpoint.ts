/**
 * The endpoint the browser tests, Storybook and the end-to-end tests talk to: the **real** Hono app
 * (server/app.ts) over throwaway storage, behind a small fault-injection layer. Web-standard
 * Request/Response only, so the same class runs in the test runner's dev server (Node, SQLite in
 * memory), in Mock Service Worker inside Storybook (the browser, SQLite in WebAssembly) and in the
 * end-to-end harness. Tests drive it with {@link ControlCommand}s and read it back with
 * {@link EndpointState}: what was sent, and what the server really stored.
 */
import { createApp } from '../../server/app.js';
import type { Config, OptionLists } from '../../server/config.js';
import { parseIdempotencyKey } from '../../server/idempotency.js';
import type { Storage } from '../../server/storage/types.js';
import { Meeting } from '../../src/schema/zod.js';
import { defaultRetryPolicy } from '../../src/core/retry-policy.js';

/** A fault for the next request that matches it (default: any POST). Taken once, in queue order. */
export interface Fault {
  method?: string;
  /** Matches the end of the path, like `/meetings`. */
  path?: string;
  /** Answer with this status (a problem body unless `body` is given) instead of asking the server… */
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** …or close the connection without an answer (a network error). */
  drop?: boolean;
  /**
   * Hold the request this long. A submission is held inside the server while it holds the
   * Idempotency-Key, so a retry meanwhile gets the server's own 409 (request-in-progress); with
   * `status` alone, the fault answer comes after the wait.
   */
  delayMs?: number;
  /**
   * The server processes (and stores) the request, then the answer is lost: replaced by `status`,
   * or dropped with `drop`.
   */
  afterStore?: boolean;
}

export interface ControlCommand {
  /** Fresh storage, no faults, no log, no options, the bot rule off. */
  reset?: boolean;
  faults?: Fault[];
  /**
   * Meetings stored on the server (added to those it has, by id; each must be a valid meeting), so
   * its own `GET /meetings` filters, orders, caps and tags them.
   */
  meetings?: unknown[];
  /**
   * A feed no reference server would send (malformed items, more than its 200 cap, not JSON
   * meetings at all): `GET /meetings` answers exactly `{ meetings: feed }` while it is set.
   */
  feed?: unknown[];
  /** What the server's `GET /options` answers (its OPTIONS_FILE lists); unset, `{}`. */
  options?: unknown;
  /**
   * The bot rule as a test wants it (elapsedMs below it → 202, nothing stored; default 0, since
   * tests and stories fill forms instantly). The server's rule is fixed, so the layer moves the
   * clock: it adds the difference to `elapsedMs` before the server reads it.
   */
  minElapsedMs?: number;
}

/** One request as the widget sent it, and the status it got (0 for a dropped connection). */
export interface LoggedRequest {
  method: string;
  path: string;
  key: string | null;
  body: string;
  query: string;
  ifNoneMatch: string | null;
  status: number;
  /** The ETag the answer carried. */
  etag: string | null;
}

/** A row the server stored: the validated payload, as an export would give it. */
export interface StoredRecord {
  kind: 'signups' | 'feedback';
  id: string;
  createdAt: string;
  body: Record<string, unknown>;
}

export interface EndpointState {
  records: StoredRecord[];
  requests: LoggedRequest[];
  faults: number;
}

/** The server's bot threshold (contract §6), which the widgets' retry policy waits out. */
const SERVER_MIN_ELAPSED_MS = defaultRetryPolicy.minElapsedMs;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function faultResponse(fault: Fault): Response {
  if (fault.body !== undefined) return json(fault.status!, fault.body, fault.headers);
  const body = { type: `https://involve.example.nhs.uk/problems/status-${fault.status}`, title: `Status ${fault.status}`, status: fault.status };
  return new Response(JSON.stringify(body), { status: fault.status!, headers: { 'content-type': 'application/problem+json', ...fault.headers } });
}

export class TestEndpoint {
  /** Origins the server allows (its ALLOWED_ORIGINS); the page asking is added by {@link allow}. */
  readonly allowedOrigins: Set<string>;
  #storage: Promise<Storage>;
  #app: { fetch(request: Request): Response | Promise<Response> } | undefined;
  #appFor = '';
  #faults: Fault[] = [];
  #requests: LoggedRequest[] = [];
  #options: unknown = {};
  #feed: unknown[] | undefined;
  #minElapsedMs = 0;
  /** Idempotency keys whose store is held (delayMs), and for how long. */
  readonly #holds = new Map<string, number>();

  constructor(
    private readonly openStorage: () => Promise<Storage> | Storage,
    allowedOrigins: Iterable<string> = [],
  ) {
    this.allowedOrigins = new Set(allowedOrigins);
    this.#storage = Promise.resolve(openStorage());
  }

  /** Lets a page origin call the server (a same-origin test page sends Origin on POST too). */
  allow(origin: string | null): void {
    if (origin) this.allowedOrigins.add(origin);
  }

  /** The real app, built again when the configuration (origins, options) changed; storage is kept. */
  async #server() {
    const signature = JSON.stringify([[...this.allowedOrigins], this.#options]);
    if (this.#app && this.#appFor === signature) return this.#app;
    // Type-only import of Config: this file also runs in Storybook's browser bundle (no node:fs/net).
    const config: Config = {
      port: 0,
      host: '127.0.0.1',
      databaseUrl: 'sqlite::memory:',
      allowedOrigins: [...this.allowedOrigins],
      adminToken: undefined,
      rateLimitPerMinute: 0,
      trustProxy: { kind: 'none' },
      retentionDays: { signups: 0, feedback: 0 },
      timeouts: { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 },
      widgetsDir: 'dist',
      widgetsVersion: '0.0.0-test',
      widgetsArchiveDir: undefined,
      calendar: { urls: [], intervalMinutes: 15, allowEmpty: false, timezone: 'Europe/London' },
      options: this.#options as OptionLists,
    };
    this.#app = createApp({ config, storage: this.#held(await this.#storage) }).app;
    this.#appFor = signature;
    return this.#app;
  }

  /** Storage whose submit() waits while a `delayMs` fault holds this key, so the server keeps it in flight. */
  #held(storage: Storage): Storage {
    const holds = this.#holds;
    return new Proxy(storage, {
      get(target, name) {
        if (name === 'submit') {
          return async (...args: Parameters<Storage['submit']>) => {
            const ms = holds.get(args[0].idempotencyKey);
            holds.delete(args[0].idempotencyKey);
            if (ms) await sleep(ms);
            return target.submit(...args);
          };
        }
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  async control(cmd: ControlCommand): Promise<void> {
    if (cmd.reset) {
      const old = this.#storage;
      this.#storage = Promise.resolve(this.openStorage());
      this.#app = undefined;
      this.#faults = [];
      this.#requests = [];
      this.#options = {};
      this.#feed = undefined;
      this.#minElapsedMs = 0;
      this.#holds.clear();
      void old.then((s) => s.close()).catch(() => {});
    }
    if (typeof cmd.minElapsedMs === 'number') this.#minElapsedMs = cmd.minElapsedMs;
    if (cmd.faults) this.#faults.push(...cmd.faults);
    if (cmd.options !== undefined) this.#options = cmd.options ?? {};
    if (cmd.meetings) {
      this.#feed = undefined;
      const storage = await this.#storage;
      for (const item of cmd.meetings) {
        const parsed = Meeting.safeParse(item);
        if (!parsed.success) throw new Error(`not a meeting the server could store (use feed for a broken feed): ${JSON.stringify(item)}`);
        await storage.upsertMeeting(parsed.data);
      }
    }
    // After meetings: a story's own feed wins over the meetings its component's defaults store.
    if (cmd.feed) this.#feed = cmd.feed;
  }

  /** What was sent and what the server stored (read from its storage, as an export would). */
  async state(): Promise<EndpointState> {
    const storage = await this.#storage;
    const records: StoredRecord[] = [];
    for (const kind of ['signups', 'feedback'] as const) {
      for (const row of await storage.listSubmissions(kind)) records.push({ kind, id: row.id, createdAt: row.createdAt, body: row.payload });
    }
    return { records, requests: this.#requests, faults: this.#faults.length };
  }

  #takeFault(method: string, path: string): Fault | undefined {
    const i = this.#faults.findIndex((f) => (f.method ?? 'POST') === method && (!f.path || path.endsWith(f.path)));
    return i === -1 ? undefined : this.#faults.splice(i, 1)[0];
  }

  /**
   * Answers one request; `path` is relative to the endpoint (`/signups`). Null means: close the
   * connection without an answer.
   */
  async handle(request: Request, path: string): Promise<Response | null> {
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const key = request.headers.get('idempotency-key');
    const logged: LoggedRequest = { method: request.method, path, key, body, query: url.search, ifNoneMatch: request.headers.get('if-none-match'), status: 0, etag: null };
    if (request.method !== 'OPTIONS') this.#requests.push(logged);
    const fault = request.method === 'OPTIONS' ? undefined : this.#takeFault(request.method, path);
    const answer = await this.#answer(request, path, body, fault);
    logged.status = answer?.status ?? 0;
    logged.etag = answer?.headers.get('etag') ?? null;
    return answer;
  }

  async #answer(request: Request, path: string, body: string, fault: Fault | undefined): Promise<Response | null> {
    const delay = fault?.delayMs ?? 0;
    const replaced = !!fault && !fault.afterStore && (!!fault.status || !!fault.drop);
    // A submission the server will see is held inside it, while it holds the key; anything else waits first.
    const holdInside = delay > 0 && request.method === 'POST' && !replaced;
    if (delay && !holdInside) await sleep(delay);
    if (replaced) return fault!.drop ? null : faultResponse(fault!);
    if (request.method === 'GET' && path === '/meetings' && this.#feed) return json(200, { meetings: this.#feed }, { 'cache-control': 'no-cache' });

    const key = parseIdempotencyKey(request.headers.get('idempotency-key'));
    if (holdInside && key) this.#holds.set(key, delay);
    const started = Date.now();
    const response = await (await this.#server()).fetch(this.#forServer(request, path, body));
    if (holdInside) {
      if (key) this.#holds.delete(key);
      // Answered before storing (a replay, a 409, a validation error): the answer waits instead.
      await sleep(delay - (Date.now() - started));
    }
    if (fault?.afterStore) {
      if (fault.drop) return null;
      if (fault.status) return faultResponse(fault);
    }
    return response;
  }

  /** The request as the server sees it: its own path, and the bot rule's clock moved if asked. */
  #forServer(request: Request, path: string, body: string): Request {
    const headers = new Headers(request.headers);
    const init: RequestInit = { method: request.method, headers };
    if (body) init.body = this.#shiftElapsed(body);
    return new Request(`http://endpoint.test${path}${new URL(request.url).search}`, init);
  }

  #shiftElapsed(body: string): string {
    const shift = SERVER_MIN_ELAPSED_MS - this.#minElapsedMs;
    if (!shift) return body;
    try {
      const data = JSON.parse(body) as unknown;
      if (typeof data !== 'object' || data === null || typeof (data as { elapsedMs?: unknown }).elapsedMs !== 'number') return body;
      return JSON.stringify({ ...data, elapsedMs: Math.max(0, (data as { elapsedMs: number }).elapsedMs + shift) });
    } catch {
      return body;
    }
  }
}
