/**
 * Operator configuration (contract §7), read from the environment so the endpoint runs the same way
 * under systemd, a container or a PaaS. Partner origins may also come from a JSON file
 * (`ALLOWED_ORIGINS_FILE=/etc/involve/origins.json`, an array of origins or `{ "allowedOrigins": [...] }`).
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarUrl, DEFAULT_POLL_MINUTES } from './calendar/poller.js';
import { DEFAULT_CALENDAR_TIMEZONE, ianaZone } from './calendar/zones.js';
import { DEFAULT_DATABASE_URL } from './storage/open.js';

export const DEMO_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Exact origins (scheme://host[:port]) allowed to call the API from a browser. */
  allowedOrigins: string[];
  /** Bearer token for /admin/export/*.csv; undefined turns the admin routes off. */
  adminToken: string | undefined;
  /** Per client IP, POSTs only; 0 turns it off. */
  rateLimitPerMinute: number;
  /** Which peers may tell us the client's address in X-Forwarded-For (rate-limit.ts, `clientIp`). */
  trustProxy: TrustProxy;
  /** Retention in days (0 = keep until erased by hand); the server purges older records hourly. */
  retentionDays: { signups: number; feedback: number };
  /** Node's server timeouts (main.ts): the whole request, its headers, and an idle keep-alive socket. */
  timeouts: { requestMs: number; headersMs: number; keepAliveMs: number };
  /** `GET /options`: lists that override the widgets' built-in workstreams and services (OPTIONS_FILE). */
  options: OptionLists;
  /** The build output the endpoint hosts at /widgets/<version>/… and /embed/ (WIDGETS_DIR, default ./dist). */
  widgetsDir: string;
  /** package.json's version: the immutable path segment in /widgets/<version>/. */
  widgetsVersion: string;
  /** Earlier builds as <dir>/<version>/… (WIDGETS_ARCHIVE_DIR), still served at /widgets/<version>/. */
  widgetsArchiveDir: string | undefined;
  /** Calendars the server follows by itself (MEETINGS_ICS_URL…), see server/calendar/poller.ts. */
  calendar: CalendarConfig;
}

export interface CalendarConfig {
  /** MEETINGS_ICS_URL: one or more https:// (or webcal://) addresses, separated by spaces or commas. */
  urls: string[];
  /** MEETINGS_ICS_INTERVAL_MINUTES (default 15). */
  intervalMinutes: number;
  /** MEETINGS_ICS_ALLOW_EMPTY=true: apply a calendar that suddenly has no meetings. */
  allowEmpty: boolean;
  /** CALENDAR_TIMEZONE (IANA or Windows name; default Europe/London): floating times and all-day dates. */
  timezone: string;
}

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PACKAGE_VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

export class ConfigError extends Error {}

/**
 * `TRUST_PROXY`: the proxies' addresses or CIDR ranges (`10.0.0.0/8, 127.0.0.1, ::1`; `loopback` for
 * 127.0.0.0/8 and ::1), as Express's `trust proxy`; or a bare hop count (`1`, `true`), which is unsafe
 * unless every request really comes through that many proxies.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; cidrs: string[] };

/** Shortest ADMIN_TOKEN accepted: 32 characters (≥ 192 bits from the command below). */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
export const MAKE_ADMIN_TOKEN = `node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;

/** Defaults, justified in server/README.md ("Data protection"): sign-ups 3 years, feedback 2 years. */
export const DEFAULT_RETENTION_DAYS = { signups: 3 * 365, feedback: 2 * 365 } as const;

export interface OptionLists {
  workstreams?: { id: string; label: string }[];
  services?: { id: string; label: string }[];
  /** How long each kind is kept, as a sentence a widget can show beside consent (always present). */
  retentionNotice?: { signups: string; feedback: string };
}

/**
 * `OPTIONS_FILE=/etc/involve/options.json` holding `{ "workstreams": [{ "id", "label" }], "services": [...] }`.
 * Unset: `{}`, and the widgets keep their built-in lists (answering beats a 404 in every visitor's console).
 */
function optionLists(env: NodeJS.ProcessEnv): OptionLists {
  if (!env.OPTIONS_FILE) return {};
  const parsed: unknown = JSON.parse(readFileSync(env.OPTIONS_FILE, 'utf8'));
  const out: OptionLists = {};
  for (const kind of ['workstreams', 'services'] as const) {
    const list = (parsed as Record<string, unknown>)?.[kind];
    if (list === undefined) continue;
    const ok = Array.isArray(list) && list.every((i) => typeof i?.id === 'string' && /^[a-z0-9-]{1,80}$/.test(i.id) && typeof i?.label === 'string');
    if (!ok) throw new ConfigError(`OPTIONS_FILE: "${kind}" must be an array of { "id": "kebab-case-id", "label": "text" }`);
    out[kind] = (list as { id: string; label: string }[]).map(({ id, label }) => ({ id, label }));
  }
  return out;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  return n;
}

export function normaliseOrigin(value: string): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError(`"${trimmed}" is not an origin like https://www.example.org`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin === 'null') {
    throw new ConfigError(`"${trimmed}" is not an http(s) origin`);
  }
  return url.origin;
}

function origins(env: NodeJS.ProcessEnv): string[] {
  const list: string[] = [];
  if (env.ALLOWED_ORIGINS_FILE) {
    const parsed: unknown = JSON.parse(readFileSync(env.ALLOWED_ORIGINS_FILE, 'utf8'));
    const items = Array.isArray(parsed) ? parsed : (parsed as { allowedOrigins?: unknown })?.allowedOrigins;
    if (!Array.isArray(items) || !items.every((o) => typeof o === 'string')) {
      throw new ConfigError('ALLOWED_ORIGINS_FILE must hold an array of origins or { "allowedOrigins": [...] }');
    }
    list.push(...items);
  }
  if (env.ALLOWED_ORIGINS) list.push(...env.ALLOWED_ORIGINS.split(',').filter((o) => o.trim() !== ''));
  if (!env.ALLOWED_ORIGINS && !env.ALLOWED_ORIGINS_FILE) list.push(...DEMO_ORIGINS);
  return [...new Set(list.map(normaliseOrigin))];
}

function trustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (value === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const cidrs = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const c of cidrs) {
    if (c === 'loopback') continue;
    const [addr, bits, extra] = c.split('/');
    const family = isIP(addr ?? '');
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new ConfigError(`TRUST_PROXY must list the proxies' addresses or CIDR ranges (like 10.0.0.0/8, 127.0.0.1), not "${c}"`);
    }
  }
  return { kind: 'cidrs', cidrs };
}

function adminToken(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (raw.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (it is ${raw.length}). Make one with:\n  ${MAKE_ADMIN_TOKEN}`);
  }
  return raw;
}

function calendar(env: NodeJS.ProcessEnv): CalendarConfig {
  const urls = (env.MEETINGS_ICS_URL ?? '').split(/[\s,]+/).filter(Boolean).map((u) => {
    try {
      return calendarUrl(u);
    } catch (err) {
      throw new ConfigError(`MEETINGS_ICS_URL: ${(err as Error).message}`);
    }
  });
  const zone = env.CALENDAR_TIMEZONE ? ianaZone(env.CALENDAR_TIMEZONE) : DEFAULT_CALENDAR_TIMEZONE;
  if (!zone) throw new ConfigError(`CALENDAR_TIMEZONE "${env.CALENDAR_TIMEZONE}" is not a time zone, like Europe/London`);
  const allow = env.MEETINGS_ICS_ALLOW_EMPTY ?? '';
  if (!['', 'true', 'false', '1', '0'].includes(allow)) throw new ConfigError('MEETINGS_ICS_ALLOW_EMPTY must be true or false');
  return { urls, intervalMinutes: integer(env, 'MEETINGS_ICS_INTERVAL_MINUTES', DEFAULT_POLL_MINUTES, 1), allowEmpty: allow === 'true' || allow === '1', timezone: zone };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config: Config = {
    port: integer(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    allowedOrigins: origins(env),
    adminToken: adminToken(env.ADMIN_TOKEN),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30),
    trustProxy: trustProxy(env.TRUST_PROXY),
    retentionDays: {
      signups: integer(env, 'RETENTION_DAYS_SIGNUPS', DEFAULT_RETENTION_DAYS.signups),
      feedback: integer(env, 'RETENTION_DAYS_FEEDBACK', DEFAULT_RETENTION_DAYS.feedback),
    },
    timeouts: {
      requestMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1),
      headersMs: integer(env, 'HEADERS_TIMEOUT_MS', 10_000, 1),
      keepAliveMs: integer(env, 'KEEP_ALIVE_TIMEOUT_MS', 5_000, 1),
    },
    options: optionLists(env),
    widgetsDir: env.WIDGETS_DIR ? resolve(env.WIDGETS_DIR) : join(PACKAGE_ROOT, 'dist'),
    widgetsVersion: PACKAGE_VERSION,
    widgetsArchiveDir: env.WIDGETS_ARCHIVE_DIR ? resolve(env.WIDGETS_ARCHIVE_DIR) : undefined,
    calendar: calendar(env),
  };
  const days = config.retentionDays;
  config.options.retentionNotice = {
    signups: retentionNotice(days.signups, 'signups', env.RETENTION_NOTICE_SIGNUPS),
    feedback: retentionNotice(days.feedback, 'feedback', env.RETENTION_NOTICE_FEEDBACK),
  };
  return config;
}

/** Retention cut-offs at `now` for storage.purgeExpired (a kind with 0 days is kept). */
export function retentionCutoffs(days: Config['retentionDays'], now: Date): { signups?: Date; feedback?: Date } {
  const before = (d: number) => (d > 0 ? new Date(now.getTime() - d * 86_400_000) : undefined);
  return { signups: before(days.signups), feedback: before(days.feedback) };
}

/**
 * The sentence a widget may show next to its consent question (GET /options, `retentionNotice`).
 * `RETENTION_NOTICE_SIGNUPS` / `RETENTION_NOTICE_FEEDBACK` replace the default wording.
 */
export function retentionNotice(days: number, kind: 'signups' | 'feedback', override?: string): string {
  if (override) return override;
  const span = days === 0 ? undefined : days % 365 === 0 ? `${days / 365} year${days === 365 ? '' : 's'}` : `${days} days`;
  const what = kind === 'signups' ? 'your details' : 'your feedback';
  return span
    ? `We keep ${what} for ${span}, then delete ${kind === 'signups' ? 'them' : 'it'}. You can ask us to delete ${kind === 'signups' ? 'them' : 'it'} sooner.`
    : `We keep ${what} until you ask us to delete ${kind === 'signups' ? 'them' : 'it'}.`;
}
