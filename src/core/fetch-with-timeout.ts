/**
 * `fetch()` that gives up after `timeoutMs` (rejecting with a `TimeoutError`) or when `signal` aborts,
 * never sends cookies, and is always CORS. By hand rather than `AbortSignal.timeout()` / `.any()`:
 * Safari before 16 and older Android WebViews lack them, and the TypeError would leave a widget blank.
 */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number, signal?: AbortSignal): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward, { once: true });
  try {
    // mode is fetch()'s default 'cors' (no caller sets one).
    return await fetch(url, { ...init, signal: controller.signal, credentials: 'omit' });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}
