/**
 * Per-client-IP limit on POSTs (contract §7: RATE_LIMIT_PER_MINUTE, default 30; 0 = off), a fixed
 * one-minute window kept in memory. Behind several instances each counts on its own, which is the
 * usual trade-off for a small endpoint; put the limit in the proxy if that matters.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { problems } from './problems.js';

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns the seconds to wait when it is over the limit. */
  hit(client: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    if (now - this.lastSweep > WINDOW_MS) this.sweep(now);
    let w = this.windows.get(client);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(client, w);
    }
    w.count++;
    if (w.count <= this.limit) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)) };
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(k);
  }
}

/**
 * The client's IP: from X-Forwarded-For only when TRUST_PROXY says how many proxies append to it
 * (the entry that many places from the right, the one our own proxy saw), else the socket's peer.
 */
export function clientIp(c: Context, trustProxyHops: number): string {
  if (trustProxyHops > 0) {
    const forwarded = c.req.header('x-forwarded-for');
    if (forwarded) {
      const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
      const ip = hops[Math.max(0, hops.length - trustProxyHops)];
      if (ip) return ip;
    }
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not on Node's server (app.request in tests, other runtimes)
  }
}

export function rateLimit(limit: number, trustProxyHops: number, now?: () => number): MiddlewareHandler {
  if (limit <= 0) return async (_c, next) => next();
  const limiter = new RateLimiter(limit, now);
  return async (c, next) => {
    const verdict = limiter.hit(clientIp(c, trustProxyHops));
    if (!verdict.ok) return problems.rateLimited(verdict.retryAfter);
    return next();
  };
}
