/**
 * The Hono app: web-standard Request/Response only, so the same app runs on Node (main.ts) or any
 * other runtime Hono supports, given a Config and a Storage whose migrations have run.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import { meetingsIcsHandler } from './calendar/ics-feed.js';
import type { Config } from './config.js';
import { InFlight } from './idempotency.js';
import { buildOpenApi } from './openapi.js';
import { OriginPolicy } from './origins.js';
import { problems } from './problems.js';
import { ADMIN_REQUESTS_PER_MINUTE, counterFor, rateLimit } from './rate-limit.js';
import { exportHandler } from './routes/admin.js';
import { allowListHandler } from './routes/allow-list.js';
import { meetingsHandler } from './routes/meetings.js';
import { EMBED_CSP, embedHandler, FileCache, widgetsHandler } from './routes/static.js';
import { submissionHandler } from './routes/submissions.js';
import type { Storage } from './storage/types.js';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

export const BODY_LIMIT_BYTES = 64 * 1024;

/** What gets logged per request: never bodies, query strings, IPs or headers (no personal data). */
export interface RequestLog {
  method: string;
  path: string;
  status: number;
  ms: number;
}

export interface AppOptions {
  config: Config;
  storage: Storage;
  now?: () => Date;
  log?: (entry: RequestLog) => void;
  /** Flipped by main.ts: not ready before migrations, draining after SIGTERM (healthz → 503). */
  lifecycle?: { ready: boolean; draining: boolean };
  /** The origin check; by default from config.allowedOrigins + storage.partners. */
  origins?: OriginPolicy;
}

export interface InvolveApp {
  app: Hono;
  inFlight: InFlight;
  origins: OriginPolicy;
}

function requestLogger(log: (e: RequestLog) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  };
}

/** A browser POST from a page that is not on the allow-list is refused, not just left without CORS headers. */
function originGuard(origins: OriginPolicy): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'POST' && origin !== undefined && !(await origins.check(origin)).allowed) return problems.originNotAllowed();
    return next();
  };
}

export function createApp(options: AppOptions): InvolveApp {
  const { config, storage } = options;
  const now = options.now ?? (() => new Date());
  const lifecycle = options.lifecycle ?? { ready: true, draining: false };
  // The one origin check: CORS, the POST guard, attribution and the allow-list route all ask it.
  const origins = options.origins ?? new OriginPolicy(config.allowedOrigins, storage.partners);
  const inFlight = new InFlight();
  const app = new Hono();

  if (options.log) app.use(requestLogger(options.log));
  // While draining, each response closes its connection, so keep-alive sockets do not hold the exit.
  app.use(async (c, next) => {
    await next();
    if (lifecycle.draining) {
      try {
        c.res.headers.set('connection', 'close');
      } catch {
        /* immutable headers: main.ts closes the socket once it is idle anyway */
      }
    }
  });
  const headers: SecureHeadersOptions = {
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    crossOriginResourcePolicy: 'cross-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'no-referrer',
  };
  // The embed builder is a page: its own CSP (same-origin scripts, styles and requests only), the
  // other headers as everywhere. Registered before the API's headers so they don't overwrite it.
  const files = new FileCache();
  const embedPage = secureHeaders({ ...headers, contentSecurityPolicy: EMBED_CSP, crossOriginResourcePolicy: 'same-origin' });
  // Relative, so it works behind a proxy that mounts the endpoint under a path (/api/embed → /api/embed/).
  app.get('/embed', embedPage, () => new Response(null, { status: 308, headers: { location: 'embed/' } }));
  app.get('/embed/', embedPage, embedHandler(config.widgetsDir, files));
  app.get('/embed/:file', embedPage, embedHandler(config.widgetsDir, files));
  app.use(secureHeaders(headers));
  // Before CORS, and open to every origin: a widget (or the embed builder, with ?origin=) asks whether
  // it is talking to this API and whether the page's origin is allowed. Read-only, nothing personal.
  app.get('/probe', async (c) => {
    const origin = c.req.query('origin') ?? c.req.header('origin');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'no-store');
    return c.json({ api: 'involve', origin: origin ?? null, originAllowed: !origin || (await origins.check(origin)).allowed });
  });
  // The widgets for partner pages: `Access-Control-Allow-Origin: *` from the handler, not the
  // partner-origin CORS below (any page may load a script; only allowed ones may post).
  app.get('/widgets/:version/:file', widgetsHandler(config.widgetsDir, config.widgetsVersion, files, config.widgetsArchiveDir));
  app.use(
    cors({
      origin: async (origin) => ((await origins.check(origin)).allowed ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept', 'Idempotency-Key', 'If-None-Match'],
      exposeHeaders: ['Retry-After', 'ETag', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use(originGuard(origins));
  const counter = counterFor(storage);
  const clock = () => now().getTime();
  app.post('*', rateLimit({ limit: config.rateLimitPerMinute, scope: 'post', trust: config.trustProxy, counter, now: clock }));
  // Every admin request counts, right or wrong token: guessing the token is 20 tries a minute per address.
  app.use('/admin/*', rateLimit({ limit: ADMIN_REQUESTS_PER_MINUTE, scope: 'admin', trust: config.trustProxy, counter, now: clock }));
  app.post('*', bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: () => problems.tooLarge(BODY_LIMIT_BYTES) }));

  const deps = { storage, inFlight, now, origins };
  app.post('/signups', submissionHandler('signups', deps));
  app.post('/feedback', submissionHandler('feedback', deps));
  // A 304 must keep the CORS headers, or a partner page's own revalidation fails the CORS check.
  const retainedHeaders = [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'];
  app.get('/meetings', etag({ retainedHeaders }), meetingsHandler(storage, now));
  app.get('/meetings.ics', etag({ retainedHeaders }), meetingsIcsHandler(storage, now));
  app.get('/options', etag({ retainedHeaders }), (c) => c.json(config.options ?? {}));
  app.get('/allow-list/check', allowListHandler(origins, storage.partners));
  app.get('/healthz', (c) => (lifecycle.ready && !lifecycle.draining ? c.json({ ok: true }) : problems.unavailable()));
  app.get('/admin/export/:file', exportHandler(storage, config.adminToken, now));
  const openapi = JSON.stringify(buildOpenApi());
  app.get('/openapi.json', () => new Response(openapi, { headers: { 'content-type': 'application/json' } }));

  app.all('/signups', () => problems.methodNotAllowed('POST'));
  app.all('/feedback', () => problems.methodNotAllowed('POST'));
  app.all('/meetings', () => problems.methodNotAllowed('GET, HEAD'));
  app.all('/meetings.ics', () => problems.methodNotAllowed('GET, HEAD'));
  // CORS-open (nothing in it to protect), so a widget with a wrong endpoint path can tell "not
  // found" from "not allowed" whatever its origin.
  app.notFound(async (c) => {
    const res = problems.notFound();
    if (!(await origins.check(c.req.header('origin'))).allowed) res.headers.set('Access-Control-Allow-Origin', '*');
    return res;
  });
  app.onError((err, c) => {
    // The class of error only: messages can quote submitted values.
    console.error(`${c.req.method} ${c.req.path} failed: ${err.name}`);
    return problems.internal();
  });
  return { app, inFlight, origins };
}
