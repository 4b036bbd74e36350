/** Test helpers: valid payloads, an app over temp storage, and the storage backends under test. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type AppOptions, createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';

export const PARTNER = 'https://www.coventrycarers.example';

export function signup(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Priya Shah',
    contact: { email: 'priya@example.org', preferred: 'email' },
    postcodeDistrict: 'CV1',
    relationship: ['carer'],
    interests: ['carers'],
    waysToTakePart: ['surveys'],
    availability: ['weekday-evenings'],
    format: ['online'],
    accessNeeds: [],
    consent: { storeDetails: true, contactAboutOpportunities: true },
    source: { partner: 'coventry-carers', page: 'https://www.coventrycarers.example/get-involved', widgetVersion: '1.0.0' },
    honeypot: '',
    elapsedMs: 45000,
    ...overrides,
  };
}

export function feedback(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    service: 'community-mental-health',
    rating: 'good',
    whatWentWell: 'Staff listened.',
    anonymous: true,
    wantsReply: false,
    source: { partner: 'grapevine', page: 'https://grapevine.example/feedback', widgetVersion: '1.0.0' },
    honeypot: '',
    elapsedMs: 30000,
    ...overrides,
  };
}

export interface Backend {
  name: 'sqlite' | 'postgres' | 'sqljs';
  /** A fresh, empty database (URL) for one test group, and how to drop it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
  /** Opens it, when not through openStorage(url) (the browser's in-memory SQLite). */
  open?(url: string): Promise<Storage>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'involve-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

/**
 * The server's storage on sql.js (SQLite in WebAssembly, in memory): what the real app runs on in
 * the browser for Storybook (test/endpoint/sqljs-storage.ts). Only the storage suite runs on it.
 */
export const sqljsBackend: Backend = {
  name: 'sqljs',
  create: async () => ({ url: 'sqljs::memory:', drop: async () => {} }),
  open: async () => (await import('../../test/endpoint/sqljs-storage.js')).openSqlJsStorage(),
};

/** Each group gets its own schema in the cluster, found through search_path. */
export function postgresBackend(baseUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        url: url.toString(),
        async drop() {
          const c = new pg.Client({ connectionString: baseUrl });
          await c.connect();
          await c.query(`drop schema ${schema} cascade`);
          await c.end();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqliteBackend, postgresBackend(url)] : [sqliteBackend];
}

export async function openTestStorage(backend: Backend = sqliteBackend): Promise<{ storage: Storage; url: string; cleanup(): Promise<void> }> {
  const db = await backend.create();
  const storage = backend.open ? await backend.open(db.url) : openStorage(db.url);
  await storage.migrate();
  return {
    storage,
    url: db.url,
    async cleanup() {
      await storage.close();
      await db.drop();
    },
  };
}

export interface TestApp {
  app: ReturnType<typeof createApp>['app'];
  storage: Storage;
  /** DATABASE_URL of the storage, for a second instance on the same database. */
  url: string;
  clock: { now: Date };
  cleanup(): Promise<void>;
}

/** The app over fresh storage, partner origin allowed, rate limit off unless env says otherwise. */
export async function testApp(env: Record<string, string> = {}, options: Partial<AppOptions> = {}, backend?: Backend): Promise<TestApp> {
  const { storage, url, cleanup } = await openTestStorage(backend);
  const clock = { now: new Date('2026-03-01T12:00:00Z') };
  const config = loadConfig({ ALLOWED_ORIGINS: PARTNER, RATE_LIMIT_PER_MINUTE: '0', ...env });
  const { app } = createApp({ config, now: () => clock.now, ...options, storage: options.storage ?? storage });
  return { app, storage, url, clock, cleanup };
}

export function post(app: TestApp['app'], path: string, body: unknown, init: { key?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...init.headers };
  const key = init.key === undefined ? `"${randomUUID()}"` : init.key;
  if (key !== null) headers['idempotency-key'] = key;
  return Promise.resolve(app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
