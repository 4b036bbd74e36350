/**
 * Operator configuration (contract §7), read from the environment so the endpoint runs the same way
 * under systemd, a container or a PaaS. Partner origins may also come from a JSON file
 * (`ALLOWED_ORIGINS_FILE=/etc/involve/origins.json`, an array of origins or `{ "allowedOrigins": [...] }`).
 */
import { readFileSync } from 'node:fs';
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
  /** How many proxies in front of us append to X-Forwarded-For; 0 = ignore the header. */
  trustProxyHops: number;
  /** `GET /options`: lists that override the widgets' built-in workstreams and services (OPTIONS_FILE). */
  options: OptionLists;
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

export class ConfigError extends Error {}

export interface OptionLists {
  workstreams?: { id: string; label: string }[];
  services?: { id: string; label: string }[];
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

function trustProxy(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return 0;
  if (raw === 'true') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`TRUST_PROXY must be true or a number of proxy hops, not "${raw}"`);
  return n;
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
  return {
    port: integer(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    allowedOrigins: origins(env),
    adminToken: env.ADMIN_TOKEN || undefined,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 30),
    trustProxyHops: trustProxy(env.TRUST_PROXY),
    options: optionLists(env),
    calendar: calendar(env),
  };
}
