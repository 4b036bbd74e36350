/**
 * The poller against a real HTTP server on loopback whose calendar changes between polls; two
 * endpoint instances (two storages on the same database) poll the same calendar. SQLite always,
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fetchCalendar, pollOnce, startPoller, type PollLogEntry, type PollerOptions } from '../calendar/poller.js';
import { ConfigError, loadConfig } from '../config.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';
import { bytes, edited, outlookText } from './calendar-fixtures.js';
import { type Backend, backends, openTestStorage, sleep } from './helpers.js';

const NOW = new Date('2026-05-31T12:00:00Z');

interface Feed {
  body: Buffer | string;
  status: number;
  requests: number;
  notModified: number;
}

async function serveCalendar(feed: Feed): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    feed.requests++;
    if (feed.status !== 200) {
      res.writeHead(feed.status).end('Service Unavailable');
      return;
    }
    const etag = `"${createHash('sha256').update(feed.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      feed.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag }).end(feed.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/owa/calendar/secret-token-123/calendar.ics` };
}

const snapshot = async (s: Storage) => (await s.listMeetings({ from: new Date(0), limit: 10_000 })).map((m) => `${m.id} ${m.start} ${m.title}`);

function suite(backend: Backend) {
  describe(`calendar poller: ${backend.name}`, () => {
    let a: Storage;
    let b: Storage;
    let cleanup: () => Promise<void>;
    let server: Server;
    let url: string;
    const feed: Feed = { body: bytes(outlookText), status: 200, requests: 0, notModified: 0 };
    const logs: PollLogEntry[] = [];
    const options = (storage: Storage, extra: Partial<PollerOptions> = {}): PollerOptions => ({ storage, urls: [url], now: () => NOW, log: (e) => logs.push(e), ...extra });

    before(async () => {
      const t = await openTestStorage(backend);
      a = t.storage;
      cleanup = t.cleanup;
      b = openStorage(t.url); // a second endpoint instance on the same database
      ({ server, url } = await serveCalendar(feed));
    });
    after(async () => {
      server.close();
      await b.close();
      await cleanup();
    });

    test('two instances polling together store each meeting once', async () => {
      const results = await Promise.all([pollOnce(url, options(a)), pollOnce(url, options(b))]);
      assert.deepEqual(results, ['applied', 'applied']);
      const stored = await snapshot(a);
      assert.ok(stored.length > 80);
      assert.equal(new Set(stored.map((s) => s.split(' ')[0])).size, stored.length);
      assert.equal(await a.countMeetings(), stored.length);
    });

    test('an unchanged calendar costs a 304 (ETag shared by the instances) and nothing flaps', async () => {
      const before = await snapshot(a);
      feed.notModified = 0;
      for (let i = 0; i < 3; i++) {
        assert.equal(await pollOnce(url, options(a)), 'not-modified');
        assert.equal(await pollOnce(url, options(b)), 'not-modified');
        assert.deepEqual(await snapshot(b), before);
      }
      assert.equal(feed.notModified, 6);
    });

    test('the first poll of a new day fetches in full, so the window moves on even if the calendar did not change', async () => {
      const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
      feed.notModified = 0;
      assert.equal(await pollOnce(url, options(a, { now: () => tomorrow })), 'applied');
      assert.equal(feed.notModified, 0);
      assert.equal(await pollOnce(url, options(b, { now: () => tomorrow })), 'not-modified');
      // Back to the suite's day for the rest (a full fetch again, then 304s).
      assert.equal(await pollOnce(url, options(a)), 'applied');
    });

    test('the calendar changes between polls: both instances agree on the new set', async () => {
      feed.body = bytes(edited(outlookText));
      const [ra, rb] = await Promise.all([pollOnce(url, options(a)), pollOnce(url, options(b))]);
      assert.deepEqual([ra, rb].sort(), ['applied', 'applied']);
      const now = await snapshot(a);
      assert.ok(!now.some((s) => s.includes('Service user forum')));
      assert.equal(new Set(now.map((s) => s.split(' ')[0])).size, now.length);
      assert.deepEqual(await snapshot(b), now);
      assert.ok(logs.some((l) => /\d+ added, \d+ updated, \d+ removed/.test(l.message)));
      assert.ok(!logs.some((l) => l.message.includes('secret-token-123') || l.source.includes('secret-token-123')), 'the calendar\'s secret link is never logged');
    });

    test('a failed or malformed fetch keeps the last good set and logs why', async () => {
      const good = await snapshot(a);
      feed.status = 503;
      assert.equal(await pollOnce(url, options(a)), 'failed');
      assert.match(logs.at(-1)!.message, /HTTP 503.*stay as they were/);
      feed.status = 200;
      feed.body = '<html><body>Sign in to Outlook</body></html>';
      assert.equal(await pollOnce(url, options(a)), 'failed');
      assert.match(logs.at(-1)!.message, /not an iCalendar file/);
      const text = edited(outlookText);
      feed.body = bytes(text.slice(0, text.length / 2));
      assert.equal(await pollOnce(url, options(a)), 'failed');
      assert.match(logs.at(-1)!.message, /malformed or cut short \(line \d+/);
      assert.deepEqual(await snapshot(a), good);
      assert.match((await a.meetingSourceState((await import('../calendar/sync.js')).urlSource(url).key))!.lastError!, /cut short/);
    });

    test('a calendar that suddenly has no meetings is refused, loudly, unless the override is set', async () => {
      const good = await snapshot(a);
      feed.body = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n';
      assert.equal(await pollOnce(url, options(a)), 'refused');
      assert.equal(logs.at(-1)!.level, 'error');
      assert.match(logs.at(-1)!.message, /^SYNC REFUSED: the calendar now gives no meetings/);
      assert.deepEqual(await snapshot(a), good);
      assert.equal(await pollOnce(url, options(a)), 'refused', 'asked again in full (no 304), still refused');
      assert.equal(await pollOnce(url, options(a, { allowEmpty: true })), 'applied');
      assert.deepEqual(await snapshot(a), []);
    });

    test('on a schedule: the running poller picks up a change by itself, and stops cleanly', async () => {
      feed.body = bytes(outlookText);
      const poller = startPoller(options(b, { intervalMs: 30 }));
      try {
        for (let i = 0; i < 200 && (await a.countMeetings()) === 0; i++) await sleep(25);
        assert.ok((await a.countMeetings()) > 80);
        feed.body = bytes(edited(outlookText));
        for (let i = 0; i < 200 && (await snapshot(a)).some((s) => s.includes('Service user forum')); i++) await sleep(25);
        assert.ok(!(await snapshot(a)).some((s) => s.includes('Service user forum')));
      } finally {
        await poller.stop();
      }
      const requests = feed.requests;
      await sleep(100);
      assert.equal(feed.requests, requests, 'no polls after stop()');
    });
  });
}

for (const backend of backends()) suite(backend);

describe('calendar poller: configuration and Last-Modified', () => {
  test('MEETINGS_ICS_URL takes one or more https:// or webcal:// addresses; CALENDAR_TIMEZONE is checked', () => {
    const config = loadConfig({ MEETINGS_ICS_URL: 'webcal://outlook.example/a/calendar.ics,  https://calendar.example/b.ics' });
    assert.deepEqual(config.calendar, { urls: ['https://outlook.example/a/calendar.ics', 'https://calendar.example/b.ics'], intervalMinutes: 15, allowEmpty: false, timezone: 'Europe/London' });
    assert.equal(loadConfig({}).calendar.urls.length, 0);
    assert.equal(loadConfig({ CALENDAR_TIMEZONE: 'GMT Standard Time' }).calendar.timezone, 'Europe/London');
    assert.throws(() => loadConfig({ MEETINGS_ICS_URL: 'http://calendar.example/b.ics' }), (e: unknown) => e instanceof ConfigError && /must be https/.test(e.message));
    assert.throws(() => loadConfig({ CALENDAR_TIMEZONE: 'Mars/Olympus' }), ConfigError);
    assert.throws(() => loadConfig({ MEETINGS_ICS_INTERVAL_MINUTES: '0' }), ConfigError);
  });

  test('If-Modified-Since is sent with the last Last-Modified, and a 304 is "not modified"', async () => {
    const stamp = 'Sat, 28 Nov 2026 09:00:00 GMT';
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers['if-modified-since']);
      if (req.headers['if-modified-since'] === stamp) res.writeHead(304).end();
      else res.writeHead(200, { 'last-modified': stamp }).end(outlookText);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/c.ics`;
      const first = await fetchCalendar(url);
      assert.equal(first.lastModified, stamp);
      assert.equal((await fetchCalendar(url, { lastModified: first.lastModified })).status, 'not-modified');
      assert.deepEqual(seen, [undefined, stamp]);
    } finally {
      server.close();
    }
  });
});
