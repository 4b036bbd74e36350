/**
 * Serves MockEndpoint under /mock-api/* inside @web/test-runner's dev server, with the faults a
 * browser test queued: status codes, delays, Retry-After, and dropped connections.
 */
import type { Context, Next } from 'koa';
import { MockEndpoint } from './endpoint.js';

export const MOCK_BASE = '/mock-api';

/**
 * Each test page uses its own namespace, `/mock-api/{ns}/…`, so test files running side by side
 * never see each other's records or faults.
 */
export function mockEndpointMiddleware() {
  const endpoints = new Map<string, MockEndpoint>();
  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(MOCK_BASE + '/')) return next();
    const [, ns = 'default', ...rest] = ctx.path.slice(MOCK_BASE.length).split('/');
    const path = '/' + rest.join('/');
    let endpoint = endpoints.get(ns);
    if (!endpoint) endpoints.set(ns, (endpoint = new MockEndpoint()));
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(ctx.req.headers)) if (typeof v === 'string') headers.set(k, v);
    const init: RequestInit = { method: ctx.method, headers };
    if (chunks.length) init.body = Buffer.concat(chunks);
    const request = new Request(`http://localhost${ctx.url}`, init);
    const fault = path.startsWith('/__') ? undefined : endpoint.takeFault(ctx.method, path);
    if (fault?.drop) {
      endpoint.requests.push({ method: ctx.method, path, key: headers.get('idempotency-key'), body: Buffer.concat(chunks).toString() });
      ctx.req.socket.destroy();
      return;
    }
    const response = await endpoint.handle(request, path, fault);
    ctx.status = response.status;
    response.headers.forEach((v, k) => ctx.set(k, v));
    ctx.set('cache-control', 'no-store');
    ctx.set('access-control-expose-headers', 'Retry-After, ETag');
    const text = await response.text();
    if (text) ctx.body = text;
  };
}
