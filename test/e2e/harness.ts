/**
 * Two loopback servers for the end-to-end tests and the benchmarks, on different ports so the page
 * and the endpoint are different origins (CORS for real, as on a partner's site):
 *
 *   - the endpoint: the real server app behind the test fault layer (test/endpoint/), on SQLite in
 *     memory, under `/api`; its own CORS answers preflights for the page's origin;
 *   - the partner site: files from the repository (demo/hostile/, dist/, bench/pages/) with a
 *     Content-Security-Policy response header on every HTML page; `__ENDPOINT__` in HTML becomes the
 *     endpoint's URL.
 *
 * Both listen on 127.0.0.1 only. Used with `node --import tsx` (this file imports TypeScript).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { openMemorySqlite } from '../endpoint/memory-sqlite.js';
import { TestEndpoint } from '../endpoint/test-endpoint.js';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/** The contract's policy (CONTRACT.md §1), word for word, with the endpoint's origin. */
export const strictCsp = (endpointOrigin: string): string =>
  `default-src 'none'; script-src 'self'; connect-src ${endpointOrigin}; style-src 'self'; require-trusted-types-for 'script'`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Top-level folders the page server may read from; nothing else in the repository is served. */
const SERVED = ['demo/hostile', 'dist', 'bench/pages'];

const listen = (server: Server): Promise<string> =>
  new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

const close = (server: Server): Promise<void> =>
  new Promise((ok) => {
    server.closeAllConnections?.();
    server.close(() => ok());
  });

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface EndpointServer {
  origin: string;
  /** The `endpoint` attribute value: `{origin}/api`. */
  url: string;
  /** The server and its fault layer: `control()` to set it up, `state()` for what it stored. */
  server: TestEndpoint;
  /** Origins whose pages may call it (CORS); the page server's origin is added by `startSite`. */
  allowedOrigins: Set<string>;
  /** Every request as received, preflights included: `METHOD /path?query`. */
  log: string[];
  /** Extra wait before answering GET /meetings (to watch the page while the meetings load). */
  meetingsDelayMs: number;
  close(): Promise<void>;
}

export async function startEndpoint(): Promise<EndpointServer> {
  const server = new TestEndpoint(openMemorySqlite);
  await server.control({ minElapsedMs: 0 }); // forms are completed faster than a person would
  const allowedOrigins = server.allowedOrigins;
  const log: string[] = [];
  const state = { meetingsDelayMs: 0 };

  const http = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(`${req.method} ${url.pathname}${url.search}`);
    const origin = req.headers.origin;
    const cors: Record<string, string> = { vary: 'Origin' };
    if (origin && allowedOrigins.has(origin)) {
      Object.assign(cors, {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'Retry-After, ETag',
        'timing-allow-origin': origin,
      });
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404, cors).end();
      return;
    }
    try {
      const body = await readBody(req);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const init: RequestInit = { method: req.method ?? 'GET', headers };
      if (body.length) init.body = new Uint8Array(body);
      const path = url.pathname.slice('/api'.length);
      if (req.method === 'GET' && path === '/meetings' && state.meetingsDelayMs > 0) {
        await new Promise((r) => setTimeout(r, state.meetingsDelayMs));
      }
      const response = await server.handle(new Request(url.href, init), path);
      if (!response) {
        req.socket.destroy();
        return;
      }
      // The server's own headers (CORS included); the page's origin also on the fault layer's answers.
      const out: Record<string, string> = { ...cors };
      response.headers.forEach((v, k) => (out[k] = v));
      res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { ...cors, 'content-type': 'text/plain' }).end(String(error));
    }
  });
  const origin = await listen(http);
  return {
    origin,
    url: `${origin}/api`,
    server,
    allowedOrigins,
    log,
    get meetingsDelayMs() {
      return state.meetingsDelayMs;
    },
    set meetingsDelayMs(ms: number) {
      state.meetingsDelayMs = ms;
    },
    close: () => close(http),
  };
}

export interface SiteServer {
  origin: string;
  /** Every request as received: `METHOD /path?query`. */
  log: string[];
  close(): Promise<void>;
}

/** The partner's site: static files with the given CSP on HTML pages (default: the contract's). */
export async function startSite(endpoint: EndpointServer, { csp = strictCsp(endpoint.origin) }: { csp?: string } = {}): Promise<SiteServer> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    log.push(`${req.method} ${url.pathname}${url.search}`);
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    const allowed = SERVED.some((dir) => rel.startsWith(dir + '/'));
    const file = join(ROOT, rel);
    if (!allowed || !file.startsWith(ROOT + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      headers['content-security-policy'] = csp;
      res.writeHead(200, headers).end(readFileSync(file, 'utf8').replaceAll('__ENDPOINT__', endpoint.url));
      return;
    }
    res.writeHead(200, headers).end(readFileSync(file));
  });
  const origin = await listen(server);
  endpoint.allowedOrigins.add(origin);
  return { origin, log, close: () => close(server) };
}

/** Chromium as the project runs it everywhere (Debian's, never a downloaded one). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
};
