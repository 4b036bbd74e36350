/**
 * The Trust hosts the widgets (issue 19): the built bundles at `/widgets/<version>/<file>` (immutable,
 * cached for a year) and `/widgets/latest/<file>` (cached 5 minutes), `sizes.json` with each file's SRI,
 * and the embed builder page at `/embed/`. Files are read from the build output once, compressed
 * (gzip and brotli) once, and answered from memory with a strong ETag and 304s.
 *
 * `Access-Control-Allow-Origin: *` on the bundles: `<script crossorigin integrity>` needs a CORS
 * response from any partner page (no credentials, so `*` is right and safe).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { problems } from '../problems.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.zip': 'application/zip',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=300';

interface Entry {
  body: Uint8Array;
  gzip?: Uint8Array;
  br?: Uint8Array;
  etag: string;
  type: string;
  mtimeMs: number;
}

/** Reads, hashes and compresses a file once (again only if its mtime changes, e.g. after a rebuild). */
export class FileCache {
  #entries = new Map<string, Entry>();

  get(file: string): Entry | undefined {
    if (!existsSync(file) || !statSync(file).isFile()) return undefined;
    const mtimeMs = statSync(file).mtimeMs;
    const cached = this.#entries.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = readFileSync(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compressible = !type.startsWith('application/zip');
    const entry: Entry = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      type,
      mtimeMs,
      ...(compressible && body.length > 512
        ? {
            gzip: gzipSync(body, { level: 9 }),
            br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          }
        : {}),
    };
    this.#entries.set(file, entry);
    return entry;
  }
}

/** Picks br, then gzip, by the request's Accept-Encoding (q=0 refuses). */
function encodingFor(accept: string | undefined, entry: Entry): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (n: string) => (accepted.get(n) ?? accepted.get('*') ?? 0) > 0;
  if (entry.br && ok('br')) return 'br';
  if (entry.gzip && ok('gzip')) return 'gzip';
  return undefined;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => { const v = t.trim().replace(/^W\//, ''); return v === '*' || v === etag; });
}

/** Answers one cached file, honouring Accept-Encoding and If-None-Match. */
export function sendFile(c: Context, entry: Entry, headers: Record<string, string>): Response {
  const encoding = encodingFor(c.req.header('accept-encoding'), entry);
  // One ETag per representation, so a cache never serves brotli bytes to a client that sent identity.
  const etag = encoding ? entry.etag.replace(/"$/, `-${encoding}"`) : entry.etag;
  const common: Record<string, string> = {
    etag,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...headers,
  };
  if (matches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers: common });
  const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.body;
  return new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers: { ...common, 'content-type': entry.type, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}) },
  });
}

/** The files a partner page may load from /widgets/…: the bundles and the SRI list, nothing else in dist/. */
const WIDGET_FILE = /^(involve-[a-z-]+\.js|sizes\.json|SNIPPETS\.md|custom-elements\.json|involve-widgets-wordpress\.zip)$/;

/** A release's version as it appears in the path (semver-ish; never `.` or `..`). */
const VERSION = /^[0-9][0-9A-Za-z.+-]{0,63}$/;

/**
 * `dir` is the current build (its version is package.json's); `archive`, if set, holds earlier
 * builds as `<archive>/<version>/…`, so pages (and the WordPress plugin's cached sizes.json) that
 * pin an older version keep working after an upgrade.
 */
export function widgetsHandler(dir: string, version: string, cache: FileCache, archive?: string) {
  return (c: Context): Response => {
    const requested = c.req.param('version') ?? '';
    const file = c.req.param('file') ?? '';
    if (!WIDGET_FILE.test(file)) return problems.notFound();
    let folder: string;
    if (requested === version || requested === 'latest') folder = dir;
    else if (archive && VERSION.test(requested) && !requested.includes('..')) folder = join(archive, requested);
    else return problems.notFound();
    const entry = cache.get(join(folder, file));
    if (!entry) return problems.notFound();
    return sendFile(c, entry, {
      'cache-control': requested === 'latest' ? SHORT : IMMUTABLE,
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    });
  };
}

/** The embed builder page's CSP: its own script and styles, requests to this endpoint only. */
export const EMBED_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  requireTrustedTypesFor: ["'script'"],
};

/** The embed builder's own files (dist/embed/): a page on the endpoint's origin, not for embedding. */
const EMBED_FILE = /^[a-z0-9-]+\.(html|js|css)$/;

export function embedHandler(dir: string, cache: FileCache) {
  return (c: Context): Response => {
    const file = c.req.param('file') || 'index.html';
    if (!EMBED_FILE.test(file)) return problems.notFound();
    const entry = cache.get(join(dir, 'embed', file));
    if (!entry) return problems.notFound();
    return sendFile(c, entry, { 'cache-control': 'no-cache' });
  };
}
