/**
 * Serves the test endpoint (the real server app behind the fault layer, test-endpoint.ts) inside
 * @web/test-runner's dev server, at `/test-api/{ns}/…`: each test page uses its own namespace, so
 * test files never see each other's records or faults. Each namespace has its own SQLite database
 * in memory, opened with the server's own openStorage(). Two routes are for tests only and exist
 * only here, never in server/app.ts: `POST …/__control` (faults, meetings, options, reset) and
 * `GET …/__state` (what was sent, and what the server stored).
 */
import type { Context, Next } from 'koa';
import { openMemorySqlite } from './memory-sqlite.js';
import { TestEndpoint } from './test-endpoint.js';

export const TEST_API_BASE = '/test-api';

async function readBody(ctx: Context): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sendJson = (ctx: Context, status: number, body: unknown) => {
  ctx.status = status;
  ctx.set('content-type', 'application/json');
  ctx.set('cache-control', 'no-store');
  ctx.body = JSON.stringify(body);
};

export function testEndpointMiddleware() {
  const endpoints = new Map<string, TestEndpoint>();
  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(TEST_API_BASE + '/')) return next();
    const [, ns = 'default', ...rest] = ctx.path.slice(TEST_API_BASE.length).split('/');
    const path = '/' + rest.join('/');
    let endpoint = endpoints.get(ns);
    if (!endpoint) endpoints.set(ns, (endpoint = new TestEndpoint(openMemorySqlite)));
    const body = await readBody(ctx);

    if (path === '/__control' && ctx.method === 'POST') {
      try {
        await endpoint.control(JSON.parse(body.toString() || '{}'));
        return sendJson(ctx, 200, { ok: true });
      } catch (error) {
        return sendJson(ctx, 400, { error: String(error) });
      }
    }
    if (path === '/__state') return sendJson(ctx, 200, await endpoint.state());

    const headers = new Headers();
    for (const [k, v] of Object.entries(ctx.req.headers)) if (typeof v === 'string') headers.set(k, v);
    endpoint.allow(`${ctx.protocol}://${ctx.host}`);
    const init: RequestInit = { method: ctx.method, headers };
    if (body.length) init.body = new Uint8Array(body);
    const response = await endpoint.handle(new Request(`http://${ctx.host}${ctx.url}`, init), path);
    if (!response) {
      // A network error for the page; koa must not answer (nor count it as a 404) on the closed socket.
      ctx.respond = false;
      ctx.status = 204;
      ctx.req.socket.destroy();
      return;
    }
    ctx.status = response.status;
    response.headers.forEach((v, k) => ctx.set(k, v));
    // The dev server's own caching must not answer for the endpoint.
    if (!response.headers.has('cache-control')) ctx.set('cache-control', 'no-store');
    const text = await response.text();
    if (text) ctx.body = text;
  };
}
