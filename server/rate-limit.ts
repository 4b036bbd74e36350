/**
 * Per-client-IP limits in fixed one-minute windows: POSTs (contract §7: RATE_LIMIT_PER_MINUTE,
 * default 30; 0 = off) and the admin routes (ADMIN_REQUESTS_PER_MINUTE, always on). On PostgreSQL the
 * counters live in the database (`rate_limits`, one row per client, keyed by a hash of its address),
 * so N instances allow the limit, not N × it; on SQLite (one process) they are kept in memory.
 */
import { createHash } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { TrustProxy } from './config.js';
import { problems } from './problems.js';
import type { Storage } from './storage/types.js';

const WINDOW_MS = 60_000;
/** Admin requests (right token or wrong) one address may make per minute: the demo's "stored" page makes two a view. */
export const ADMIN_REQUESTS_PER_MINUTE = 20;

/** Counts one hit for a client in the window starting at `window` (minutes since the epoch). */
export type Counter = (bucket: string, window: number) => Promise<number>;

/** A counter in this process's memory (SQLite, tests): one instance only. */
export function memoryCounter(): Counter {
  const windows = new Map<string, { window: number; hits: number }>();
  let swept = 0;
  return async (bucket, window) => {
    if (window !== swept) {
      swept = window;
      for (const [k, w] of windows) if (w.window < window) windows.delete(k);
    }
    const w = windows.get(bucket);
    const next = w && w.window === window ? { window, hits: w.hits + 1 } : { window, hits: 1 };
    windows.set(bucket, next);
    return next.hits;
  };
}

/** The counter for this storage: shared through the database on PostgreSQL, in memory on SQLite. */
export function counterFor(storage: Storage): Counter {
  return storage.dialect === 'postgres' ? (bucket, window) => storage.hitRateLimit(bucket, window) : memoryCounter();
}

const v4mapped = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

/** A test for "is this peer one of our proxies?", from TRUST_PROXY's address/CIDR list. */
export function trustedProxies(cidrs: readonly string[]): (ip: string) => boolean {
  const list = new BlockList();
  for (const entry of cidrs) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [addr, bits] = entry.split('/') as [string, string?];
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return (ip) => {
    const a = v4mapped(ip);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}

function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not on Node's server (app.request in tests, other runtimes)
  }
}

/**
 * The client's IP. With TRUST_PROXY as addresses/CIDRs (proxy-addr's rule, as Express): start at
 * the socket's peer; while that address is one of our proxies, step to the next X-Forwarded-For entry
 * from the right; the first address that is not a proxy is the client. A client that connects
 * directly is never a trusted proxy, so its own X-Forwarded-For is never read. With a bare hop count
 * the entry that many places from the right is taken on trust (unsafe without that many proxies).
 */
export function clientIp(c: Context, trust: TrustProxy, isTrusted?: (ip: string) => boolean): string {
  const peer = peerAddress(c);
  const forwarded = () => (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (trust.kind === 'hops') {
    const hops = forwarded();
    const ip = hops[Math.max(0, hops.length - trust.hops)];
    if (ip) return ip;
  } else if (trust.kind === 'cidrs' && peer) {
    const trusted = isTrusted ?? trustedProxies(trust.cidrs);
    const hops = forwarded();
    let ip = v4mapped(peer);
    while (trusted(ip) && hops.length) {
      const next = hops.pop()!;
      if (!isIP(v4mapped(next))) break; // garbage in the header: stop at the last address we trust to be real
      ip = v4mapped(next);
    }
    return ip;
  }
  return peer ? v4mapped(peer) : 'unknown';
}

/** Bucket names hold a hash, so the rate_limits table never stores an address. */
const bucketOf = (scope: string, ip: string) => `${scope}:${createHash('sha256').update(ip).digest('base64url').slice(0, 32)}`;

export function rateLimit(options: {
  limit: number;
  scope: string;
  trust: TrustProxy;
  counter: Counter;
  now?: () => number;
}): MiddlewareHandler {
  const { limit, scope, trust, counter } = options;
  const now = options.now ?? Date.now;
  if (limit <= 0) return async (_c, next) => next();
  const isTrusted = trust.kind === 'cidrs' ? trustedProxies(trust.cidrs) : undefined;
  return async (c, next) => {
    const t = now();
    const window = Math.floor(t / WINDOW_MS);
    const hits = await counter(bucketOf(scope, clientIp(c, trust, isTrusted)), window);
    if (hits > limit) return problems.rateLimited(Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - t) / 1000)));
    return next();
  };
}
