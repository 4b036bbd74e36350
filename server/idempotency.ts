/**
 * Idempotency-Key handling after draft-ietf-httpapi-idempotency-key-header and Stripe's practice
 * (contract §5). The durable part (key + body hash + response, committed with the record, 24 h) is
 * in storage.submit; this file parses the header, fingerprints the request, and keeps the in-process
 * in-flight marker that turns a concurrent duplicate into 409 instead of a second attempt.
 */
import { createHash } from 'node:crypto';
import { KEY_LIFETIME_MS } from '../src/schema/rules.js';

/** How long a key is remembered: the widget's outbox follows the same figure (src/schema/rules.ts). */
export const KEY_TTL_MS = KEY_LIFETIME_MS;

/**
 * The header is a Structured Field string (`"…"`, RFC 8941 §3.3.3); a bare value is accepted too.
 * Returns undefined for a missing header, null for one that cannot be a key.
 */
export function parseIdempotencyKey(header: string | null | undefined): string | null | undefined {
  if (header === null || header === undefined) return undefined;
  let value = header.trim();
  if (value.startsWith('"')) {
    const m = /^"((?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\["\\])*)"$/.exec(value);
    if (!m) return null;
    value = m[1]!.replace(/\\(["\\])/g, '$1');
  }
  return /^[\x21-\x7e]{1,255}$/.test(value) ? value : null;
}

/** Fingerprint of what was asked: the same key on another route or with other bytes is a different request. */
export function requestHash(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n`).update(body).digest('hex');
}

/** Keys being processed by this instance right now. */
export class InFlight {
  private readonly keys = new Set<string>();

  /** Marks the key; false if it was already marked (a concurrent duplicate). */
  acquire(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  release(key: string): void {
    this.keys.delete(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
