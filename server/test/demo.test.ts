/** The demo: seeded meetings are realistic and valid; the partner-page server serves, proxies and confines. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { Meeting } from '../../src/schema/zod.js';
import { demoMeetings } from '../cli/seed-demo.js';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openTestStorage, signup } from './helpers.js';

describe('demo meetings', () => {
  const now = new Date('2026-03-05T09:00:00Z');
  const meetings = demoMeetings(now);
  const london = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', hour12: false });

  test('are valid, upcoming, monthly Collaboratives with evenings, weekends, online and in person', () => {
    assert.ok(meetings.length >= 15);
    for (const m of meetings) assert.ok(Meeting.safeParse(m).success, m.id);
    assert.ok(meetings.every((m) => Date.parse(m.start) >= now.getTime()));
    assert.ok(new Set(meetings.map((m) => m.collaborative)).size >= 4);
    assert.ok(meetings.some((m) => Number(london(m.start).split(' ')[1]) >= 17), 'an evening');
    assert.ok(meetings.some((m) => /^(Sat|Sun)/.test(london(m.start))), 'a weekend');
    const formats = new Set(meetings.map((m) => m.format));
    assert.ok(formats.has('online') && formats.has('in-person') && formats.has('hybrid'));
    assert.ok(meetings.some((m) => m.status === 'cancelled') && meetings.some((m) => m.status === 'full'));
    assert.equal(meetings.find((m) => m.start.startsWith('2026-04-14'))?.start, '2026-04-14T18:00:00+01:00', 'British Summer Time offset');
  });
});

describe('demo partner-page server', () => {
  const TOKEN = 'demo-test-token-long-enough-for-admin';
  let api: Server;
  let demo: Server;
  let base: string;
  let endpoint: string;
  let cleanup: () => Promise<void>;

  before(async () => {
    const opened = await openTestStorage();
    cleanup = opened.cleanup;
    const { app } = createApp({ config: loadConfig({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' }), storage: opened.storage });
    api = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    await once(api, 'listening');
    endpoint = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
    await fetch(`${endpoint}/signups`, {
      method: 'POST', body: JSON.stringify(signup()),
      headers: { 'content-type': 'application/json', 'idempotency-key': '"9a1b2c3d-0000-4000-8000-000000000001"' },
    });
    // @ts-expect-error: a plain .mjs module without types
    const { startDemoServer } = await import('../../demo/server.mjs');
    demo = await startDemoServer({ port: 0, endpoint, adminToken: TOKEN });
    base = `http://127.0.0.1:${(demo.address() as { port: number }).port}`;
  });
  after(async () => {
    demo.close();
    api.close();
    await cleanup();
  });

  test('serves the partner page with the three widgets pointed at the endpoint, under a CSP', async () => {
    const res = await fetch(`${base}/`);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const tag of ['involve-signup', 'involve-meetings', 'involve-feedback']) assert.ok(html.includes(`<${tag} endpoint="${endpoint}"`), tag);
    assert.ok(html.includes('src="/dist/involve-widgets.js"'));
    assert.match(res.headers.get('content-security-policy')!, new RegExp(`connect-src 'self' ${endpoint}`));
  });

  test('links to the embed builder on the endpoint, which answers there', async () => {
    const html = await (await fetch(`${base}/`)).text();
    assert.ok(html.includes(`<a href="${endpoint}/embed/">embed builder</a>`));
    const page = await fetch(`${endpoint}/embed/`);
    assert.equal(page.status, 200, 'needs npm run build (dist/embed/)');
    assert.match(await page.text(), /<title>Add an involvement widget to your site<\/title>/);
  });

  test('shows what the server stored through the admin export', async () => {
    const res = await fetch(`${base}/stored/signups.csv`);
    assert.equal(res.status, 200);
    const csv = await res.text();
    assert.ok(csv.includes('Priya Shah') && csv.includes('priya@example.org'));
    assert.equal((await fetch(`${base}/stored/meetings.json`)).status, 200);
  });

  test('serves nothing outside demo/ and dist/', async () => {
    for (const path of ['/%2e%2e/package.json', '/..%2fpackage.json', '/server.mjs', '/dist/../package.json', '/nope.html']) {
      assert.equal((await fetch(`${base}${path}`)).status, 404, path);
    }
    assert.equal((await fetch(`${base}/stored.html`)).status, 200);
  });
});
