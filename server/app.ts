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
import { problems } from './problems.js';
import { rateLimit } from './rate-limit.js';
import { exportHandler } from './routes/admin.js';
import { meetingsHandler } from './routes/meetings.js';
import { submissionHandler } from './routes/submissions.js';
import type { Storage } from './storage/types.js';

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
}

export interface InvolveApp {
  app: Hono;
  inFlight: InFlight;
}

function requestLogger(log: (e: RequestLog) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
  };
}

/** A browser POST from a page that is not on the allow-list is refused, not just left without CORS headers. */
function originGuard(allowed: Set<string>): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'POST' && origin !== undefined && !allowed.has(origin)) return problems.originNotAllowed();
    return next();
  };
}

export function createApp(options: AppOptions): InvolveApp {
  const { config, storage } = options;
  const now = options.now ?? (() => new Date());
  const lifecycle = options.lifecycle ?? { ready: true, draining: false };
  const allowed = new Set(config.allowedOrigins);
  const inFlight = new InFlight();
  const app = new Hono();

  if (options.log) app.use(requestLogger(options.log));
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'cross-origin',
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept', 'Idempotency-Key', 'If-None-Match'],
      exposeHeaders: ['Retry-After', 'ETag', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use(originGuard(allowed));
  app.post('*', rateLimit(config.rateLimitPerMinute, config.trustProxyHops, () => now().getTime()));
  app.post('*', bodyLimit({ maxSize: BODY_LIMIT_BYTES, onError: () => problems.tooLarge(BODY_LIMIT_BYTES) }));

  const deps = { storage, inFlight, now };
  app.post('/signups', submissionHandler('signups', deps));
  app.post('/feedback', submissionHandler('feedback', deps));
  // A 304 must keep the CORS headers, or a partner page's own revalidation fails the CORS check.
  const retainedHeaders = [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'access-control-expose-headers'];
  app.get('/meetings', etag({ retainedHeaders }), meetingsHandler(storage, now));
  app.get('/meetings.ics', etag({ retainedHeaders }), meetingsIcsHandler(storage, now));
  app.get('/options', etag({ retainedHeaders }), (c) => c.json(config.options ?? {}));
  app.get('/healthz', (c) => (lifecycle.ready && !lifecycle.draining ? c.json({ ok: true }) : problems.unavailable()));
  app.get('/admin/export/:file', exportHandler(storage, config.adminToken, now));
  const openapi = JSON.stringify(buildOpenApi());
  app.get('/openapi.json', () => new Response(openapi, { headers: { 'content-type': 'application/json' } }));

  app.all('/signups', () => problems.methodNotAllowed('POST'));
  app.all('/feedback', () => problems.methodNotAllowed('POST'));
  app.all('/meetings', () => problems.methodNotAllowed('GET, HEAD'));
  app.all('/meetings.ics', () => problems.methodNotAllowed('GET, HEAD'));
  app.notFound(() => problems.notFound());
  app.onError((err, c) => {
    // The class of error only: messages can quote submitted values.
    console.error(`${c.req.method} ${c.req.path} failed: ${err.name}`);
    return problems.internal();
  });
  return { app, inFlight };
}
