// The demo partner site's static server (used by scripts/start.mjs): the pages in demo/, the built
// widgets under /dist/, and /stored/* read from the endpoint with the demo's admin token so the
// "What the server stored" page can show what landed. Loopback only.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

/** A file under `base` for a URL path, or undefined (no traversal out of it). */
function within(base, urlPath) {
  const file = normalize(join(base, decodeURIComponent(urlPath)));
  return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export function startDemoServer({ port, host = '127.0.0.1', endpoint, adminToken }) {
  const csp = [
    "default-src 'self'", `connect-src 'self' ${endpoint}`, "script-src 'self'", "style-src 'self'",
    "img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
  ].join('; ');

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...extra });
      res.end(body);
    };
    try {
      const stored = /^\/stored\/(signups|feedback)\.csv$/.exec(url.pathname);
      if (stored) {
        const r = await fetch(`${endpoint}/admin/export/${stored[1]}.csv`, { headers: { authorization: `Bearer ${adminToken}` } });
        return send(r.status, r.headers.get('content-type') ?? 'text/plain', await r.text());
      }
      if (url.pathname === '/stored/meetings.json') {
        const r = await fetch(`${endpoint}/meetings?limit=200`);
        return send(r.status, 'application/json', await r.text());
      }
      const path = url.pathname === '/' ? '/index.html' : url.pathname;
      const file = path.startsWith('/dist/') ? within(join(root, 'dist'), path.slice('/dist'.length)) : within(join(root, 'demo'), path);
      if (!file || file.endsWith('server.mjs')) return send(404, 'text/plain; charset=utf-8', 'Not found');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (extname(file) === '.html') return send(200, type, readFileSync(file, 'utf8').replaceAll('__ENDPOINT__', endpoint));
      res.writeHead(200, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    } catch {
      send(502, 'text/plain; charset=utf-8', 'The endpoint is not answering');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}
