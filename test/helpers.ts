/**
 * Shared browser-test helpers: drive the test endpoint — the real server app behind a fault layer
 * (test/endpoint/), served by the test runner at /test-api — and read what it stored.
 */
import type { ControlCommand, EndpointState, Fault } from './endpoint/test-endpoint.js';

/** This test page's own endpoint (a namespace per page keeps parallel test files apart). */
export const MOCK_NS = Math.random().toString(36).slice(2, 10);
export const ENDPOINT = `${location.origin}/test-api/${MOCK_NS}`;

/** Queues faults, stores meetings, sets options or resets (see ControlCommand). Throws if the endpoint refused. */
export async function mockControl(cmd: ControlCommand): Promise<void> {
  const response = await fetch(`${ENDPOINT}/__control`, { method: 'POST', body: JSON.stringify(cmd) });
  if (!response.ok) throw new Error(`test endpoint control: ${await response.text()}`);
}

/** Fresh endpoint and storage. Forms in tests are filled instantly, so the 2-second bot rule is off unless asked for. */
export async function resetMock(faults: Fault[] = [], minElapsedMs = 0): Promise<void> {
  await mockControl({ reset: true, faults, minElapsedMs });
}

/**
 * What the widget sent (`requests`; `posts` are the submissions alone, forms also GET /options) and
 * what the real server stored (`records`, read from its storage).
 */
export async function mockState(): Promise<EndpointState & { posts: EndpointState['requests'] }> {
  const state = (await (await fetch(`${ENDPOINT}/__state`)).json()) as EndpointState;
  return { ...state, posts: state.requests.filter((r) => r.method === 'POST') };
}

/** Polls until `check` returns truthy or the time is up. */
export async function waitUntil<T>(check: () => T | Promise<T>, message = 'condition', timeoutMs = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Loads (or, with `reload`, really reloads) a test page in an iframe and returns its widget once it
 * is defined and rendered, with fast retries: the way tests see what survives a page reload.
 */
export async function loadWidgetFrame<T extends HTMLElement & { updateComplete: Promise<unknown>; retryPolicy: object }>(
  frame: HTMLIFrameElement,
  tag: string,
  reload = false,
): Promise<T> {
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  if (reload) frame.contentWindow!.location.reload();
  else document.body.append(frame);
  await loaded;
  const win = frame.contentWindow! as Window & typeof globalThis;
  await waitUntil(() => win.customElements.get(tag), `<${tag}> defined in the frame`);
  const el = frame.contentDocument!.querySelector(tag) as T;
  await el.updateComplete;
  el.retryPolicy = { baseDelayMs: 20, maxDelayMs: 50, timeoutMs: 2000, minElapsedMs: 0 };
  return el;
}
