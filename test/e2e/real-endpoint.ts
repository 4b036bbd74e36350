/**
 * The real endpoint (server/app.ts over a temp SQLite file) serving the built widgets from dist/, and
 * a plain "partner site" on another loopback origin that serves whatever HTML a test gives it. For the
 * embed builder and WordPress tests (issue 19), where the hosted bundles, the allow-list and partner
 * attribution must be the real ones. Port 0 everywhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openStorage } from '../../server/storage/open.js';
import type { Storage } from '../../server/storage/types.js';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);

export interface RealEndpoint {
  origin: string;
  storage: Storage;
  close(): Promise<void>;
}

export async function startRealEndpoint(env: Record<string, string> = {}): Promise<RealEndpoint> {
  const dir = mkdtempSync(join(tmpdir(), 'involve-e2e-'));
  const storage = openStorage(`sqlite:${join(dir, 'e2e.db')}`);
  await storage.migrate();
  // No ALLOWED_ORIGINS beyond a placeholder: sites get on the list as partners, as in production.
  const config = loadConfig({ ALLOWED_ORIGINS: 'https://placeholder.invalid', RATE_LIMIT_PER_MINUTE: '0', WIDGETS_DIR: join(ROOT, 'dist'), ...env });
  // Origins re-read on every request, so a partner added by the test counts at once.
  const { OriginPolicy } = await import('../../server/origins.js');
  const origins = new OriginPolicy(config.allowedOrigins, storage.partners, 0);
  const { app } = createApp({ config, storage, origins });
  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    storage,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PlainSite {
  origin: string;
  /** The HTML served at `/` (and any path). */
  html: string;
  close(): Promise<void>;
}

/** A partner's plain HTML page on its own origin, with a strict CSP allowing only the endpoint. */
export async function startPlainSite(endpointOrigin: string): Promise<PlainSite> {
  const state = { html: '<!doctype html><title>Empty</title>' };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src ${endpointOrigin}; connect-src ${endpointOrigin}; style-src 'self' 'unsafe-inline'; require-trusted-types-for 'script'`,
    });
    res.end(state.html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get html() {
      return state.html;
    },
    set html(v: string) {
      state.html = v;
    },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
};
