/**
 * fetchWithTimeout's rejections are named the same in every engine: `TimeoutError` when it gave up,
 * the caller's reason (an `AbortError` by default) when the caller aborted, the engine's own error
 * (a TypeError) when the network failed. WebKit rejects every aborted fetch with its own AbortError,
 * whatever reason abort() was given; the stand-in fetch below does the same, so these tests show the
 * difference in every engine, not only in WebKit.
 */
import { expect } from '@open-wc/testing';
import { fetchWithTimeout } from '../../src/core/fetch-with-timeout.js';

const realFetch = globalThis.fetch;

/** A fetch that never answers, and on abort rejects as WebKit does: AbortError, not the reason. */
function webkitLikeFetch(): typeof fetch {
  return (_input, init) =>
    new Promise((_resolve, reject) => {
      const signal = init?.signal;
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort, { once: true });
    });
}

const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { name?: string } | undefined);

describe('fetchWithTimeout: the rejection names callers rely on, in every engine', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('gives up with a TimeoutError, even where the engine rejects an aborted fetch with AbortError', async () => {
    globalThis.fetch = webkitLikeFetch();
    const started = performance.now();
    const error = await rejection(fetchWithTimeout('https://example.invalid/x', {}, 50));
    expect(error?.name).to.equal('TimeoutError');
    expect(performance.now() - started).to.be.below(1000);
  });

  it("stops with the caller's reason when the caller aborts (AbortError by default)", async () => {
    globalThis.fetch = webkitLikeFetch();
    const plain = new AbortController();
    const first = rejection(fetchWithTimeout('https://example.invalid/x', {}, 5000, plain.signal));
    plain.abort();
    expect((await first)?.name).to.equal('AbortError');

    const reasoned = new AbortController();
    const second = rejection(fetchWithTimeout('https://example.invalid/x', {}, 5000, reasoned.signal));
    const reason = new Error('superseded');
    reasoned.abort(reason);
    expect(await second).to.equal(reason);
  });

  it("keeps the engine's error for a network failure (not a timeout, not an abort)", async () => {
    const error = await rejection(fetchWithTimeout('http://127.0.0.1:9/unreachable', {}, 5000));
    expect(error).to.be.instanceOf(TypeError);
  });
});
