const ASK_JSON: RequestInit = { headers: { Accept: 'application/json' } };

/**
 * `fetch()` that gives up after `timeoutMs` (rejecting with a `TimeoutError`) or when `signal` aborts
 * (rejecting with the signal's reason, an `AbortError` unless its owner gave another), never sends
 * cookies, and is always CORS. By hand rather than `AbortSignal.timeout()` / `.any()`: Safari before
 * 16 and older Android WebViews lack them, and the TypeError would leave a widget blank. The name is
 * set here, not left to the engine: WebKit rejects an aborted fetch with its own `AbortError` whatever
 * the reason given to `abort()`. By default a GET asking for JSON (the endpoint's options and probe)
 * with the contract's 15 s timeout.
 */
export async function fetchWithTimeout(url: string, init: RequestInit = ASK_JSON, timeoutMs = 15_000, signal?: AbortSignal): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('Timed out', 'TimeoutError')), timeoutMs);
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward, { once: true });
  try {
    // mode is fetch()'s default 'cors' (no caller sets one).
    return await fetch(url, { ...init, signal: controller.signal, credentials: 'omit' });
  } catch (error) {
    // (Set only once aborted: the timeout's TimeoutError or the caller's reason.)
    throw controller.signal.reason ?? error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}
