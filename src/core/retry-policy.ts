import { MIN_ELAPSED_MS } from '../schema/rules.js';

/** How hard the submit client tries before handing back to the person (contract §5). */
export interface RetryPolicy {
  /** Abort one request after this long. */
  timeoutMs: number;
  /** Tries for 5xx / network / timeout / 409, the first included. */
  tries: number;
  /** First backoff; doubles each retry, with full jitter. */
  baseDelayMs: number;
  /** Longest single backoff. */
  maxDelayMs: number;
  /** Longest `Retry-After` we wait for automatically; beyond it the person gets a Try again button. */
  maxRetryAfterMs: number;
  /** How many 429s in a row we sit out before giving up. */
  maxRateLimitWaits: number;
  /**
   * A send waits until the form has been on screen this long (counted from its first appearance,
   * across reloads): the endpoint quietly drops quicker sends as bots (contract §6, `elapsedMs`), and
   * a person whose answers were restored, or a page calling `prefill()` then `submit()`, must not be.
   */
  minElapsedMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  timeoutMs: 15_000,
  tries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 120_000,
  maxRateLimitWaits: 5,
  minElapsedMs: MIN_ELAPSED_MS,
};

/** Exponential backoff with full jitter (AWS architecture blog): spreads retries from many visitors. */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or nonsense. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
