/**
 * The one HTTP path for submissions (contract §5): an Idempotency-Key per body, a timeout, backoff
 * with jitter on 5xx / network / 409, Retry-After on 429, a fresh key on `idempotency-key-reused`,
 * and "offline" handed back to the caller for the outbox. A retry resends the identical bytes.
 */
import type { FieldError } from '../schema/common.js';
import { fetchWithTimeout } from './fetch-with-timeout.js';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, sleep, type RetryPolicy } from './retry-policy.js';

export interface Submission {
  url: string;
  /** The exact JSON text sent on every try. */
  bytes: string;
  /** UUID v4, sent as a Structured Field string. */
  key: string;
}

export type SendOutcome =
  | { type: 'success'; id: string; key: string }
  | { type: 'invalid'; status: number; errors: FieldError[]; key: string }
  | { type: 'too-large'; status: 413; key: string }
  | { type: 'failed'; kind: 'network' | 'server' | 'rate-limited'; status?: number; key: string }
  | { type: 'offline'; key: string }
  | { type: 'cancelled'; key: string };

export type SendProgress = { type: 'retrying' } | { type: 'rate-limited'; seconds: number };

/** What `submit()` resolves to for the page's own code (contract §2). */
export type SubmitResult =
  | { ok: true; id: string }
  | { ok: false; kind: 'validation' | 'network' | 'server' | 'rate-limited' | 'config' | 'cancelled' | 'queued'; status?: number; errors?: FieldError[] };

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a partner page on plain http still deserves a v4 UUID.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return h.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

const isOffline = () => navigator.onLine === false;

interface Problem {
  type?: string;
  errors?: { pointer?: unknown; detail?: unknown }[];
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Problem) : {};
  } catch {
    return {};
  }
}

/** Server errors keep only well-formed pointers and text: they are shown as text, never markup. */
function fieldErrors(problem: Problem): FieldError[] {
  return (problem.errors ?? [])
    .filter((e) => typeof e.pointer === 'string' && typeof e.detail === 'string')
    .map((e) => ({ pointer: e.pointer as string, detail: e.detail as string }));
}

function oneTry(s: Submission, policy: RetryPolicy, signal?: AbortSignal): Promise<Response> {
  return fetchWithTimeout(
    s.url,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': `"${s.key}"` },
      body: s.bytes,
      cache: 'no-store',
    },
    policy.timeoutMs,
    signal,
  );
}

export interface SendOptions {
  policy?: Partial<RetryPolicy>;
  signal?: AbortSignal;
  onProgress?: (progress: SendProgress) => void;
}

export async function sendWithRetry(submission: Submission, options: SendOptions = {}): Promise<SendOutcome> {
  const policy = { ...defaultRetryPolicy, ...options.policy };
  const { signal, onProgress } = options;
  let s = { ...submission };
  let failures = 0;
  let rateLimitWaits = 0;
  let keyRenewed = false;
  let lastStatus: number | undefined;

  for (;;) {
    if (signal?.aborted) return { type: 'cancelled', key: s.key };
    if (isOffline()) return { type: 'offline', key: s.key };
    let response: Response | undefined;
    try {
      response = await oneTry(s, policy, signal);
    } catch {
      if (signal?.aborted) return { type: 'cancelled', key: s.key };
      if (isOffline()) return { type: 'offline', key: s.key };
      lastStatus = undefined; // network error or our timeout
    }

    if (response) {
      lastStatus = response.status;
      if (response.ok) {
        let id = '';
        try {
          const body = (await response.json()) as { id?: unknown };
          if (typeof body?.id === 'string') id = body.id;
        } catch {
          /* 202 for a quiet spam drop may have no body */
        }
        return { type: 'success', id, key: s.key };
      }
      if (response.status === 413) return { type: 'too-large', status: 413, key: s.key };
      if (response.status === 429) {
        const wait = parseRetryAfter(response.headers.get('Retry-After')) ?? backoffDelay(rateLimitWaits + 1, policy);
        if (++rateLimitWaits > policy.maxRateLimitWaits || wait > policy.maxRetryAfterMs) {
          return { type: 'failed', kind: 'rate-limited', status: 429, key: s.key };
        }
        onProgress?.({ type: 'rate-limited', seconds: Math.ceil(wait / 1000) });
        try {
          await sleep(wait, signal);
        } catch {
          return { type: 'cancelled', key: s.key };
        }
        continue;
      }
      if (response.status === 400 || response.status === 422) {
        const problem = await readProblem(response);
        if (response.status === 422 && problem.type?.endsWith('idempotency-key-reused') && !keyRenewed) {
          // The server saw this key with other bytes: send once more as a new submission.
          keyRenewed = true;
          s = { ...s, key: newIdempotencyKey() };
          continue;
        }
        return { type: 'invalid', status: response.status, errors: fieldErrors(problem), key: s.key };
      }
      if (response.status < 500 && response.status !== 409 && response.status !== 408) {
        return { type: 'failed', kind: 'server', status: response.status, key: s.key };
      }
    }

    // 5xx, 408, 409 (first try still in flight), network error or timeout: back off, same key.
    if (++failures >= policy.tries) {
      return { type: 'failed', kind: lastStatus ? 'server' : 'network', ...(lastStatus ? { status: lastStatus } : {}), key: s.key };
    }
    onProgress?.({ type: 'retrying' });
    try {
      await sleep(backoffDelay(failures, policy), signal);
    } catch {
      return { type: 'cancelled', key: s.key };
    }
  }
}
