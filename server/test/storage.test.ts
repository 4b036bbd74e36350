/**
 * The storage suite, run against SQLite always and PostgreSQL when TEST_DATABASE_URL is set (with
 * CI=true it must be set: the suite fails rather than silently skipping PostgreSQL).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { normalisePhone } from '../phone.js';
import { openStorage } from '../storage/open.js';
import type { NewSubmission, Storage } from '../storage/types.js';
import { type Backend, backends, openTestStorage, signup, sqljsBackend } from './helpers.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY_AGO = new Date(NOW.getTime() - 24 * 3600_000);

function submission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  const id = randomUUID();
  return {
    kind: 'signups', id, payload: { name: 'A Person' }, email: 'a@example.org', phone: null, partner: 'p',
    idempotencyKey: randomUUID(), requestHash: 'h1', response: { status: 201, body: { id } }, ...overrides,
  };
}

const meeting = (id: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  id, title: `Meeting ${id}`, collaborative: 'Coventry Living Well Collaborative', start, end,
  format: 'online' as const, workstreams: ['carers'], status: 'scheduled' as const, ...extra,
});

test('PostgreSQL suite is configured when CI=true', () => {
  if (process.env.CI === 'true') {
    assert.ok(process.env.TEST_DATABASE_URL, 'CI=true but TEST_DATABASE_URL is unset: start one with scripts/pg-test-cluster.sh start');
  }
});

test('a SQLite file holds personal data: its folder and files are readable by the server\'s user only', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'involve-perm-')), 'data');
  const storage = openStorage(`sqlite:${join(dir, 'involve.db')}`);
  try {
    await storage.migrate();
    await storage.submit(submission(), NOW, DAY_AGO);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const file of readdirSync(dir)) assert.equal(statSync(join(dir, file)).mode & 0o077, 0, `${file} is private`);
  } finally {
    await storage.close();
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

// sql.js too: the same storage code in the browser, where Storybook runs the real app (test/endpoint/).
for (const backend of [...backends(), sqljsBackend]) suite(backend);

function suite(backend: Backend): void {
  describe(`storage: ${backend.name}`, () => {
    let storage: Storage;
    let url: string;
    let cleanup: (() => Promise<void>) | undefined;
    // A test, not a before hook: an unreachable database must count as failed, not as "cancelled".
    test('connects and runs migrations', async () => {
      ({ storage, url, cleanup } = await openTestStorage(backend));
    });
    after(() => cleanup?.());

    test('migrations can run again on start', async () => {
      await storage.migrate();
      assert.equal(await storage.countMeetings(), 0);
    });

    test('submit stores the record with its key, hash and response', async () => {
      const s = submission();
      assert.deepEqual(await storage.submit(s, NOW, DAY_AGO), { outcome: 'stored' });
      assert.deepEqual(await storage.findKey(s.idempotencyKey, DAY_AGO), { requestHash: 'h1', status: 201, body: { id: s.id } });
      const rows = await storage.listSubmissions('signups');
      assert.ok(rows.some((r) => r.id === s.id && (r.payload as { name: string }).name === 'A Person'));
    });

    test('a taken key writes nothing and returns what was stored', async () => {
      const s = submission();
      await storage.submit(s, NOW, DAY_AGO);
      const before = await storage.countSubmissions('signups');
      const again = await storage.submit({ ...s, id: randomUUID(), requestHash: 'h2' }, NOW, DAY_AGO);
      assert.deepEqual(again, { outcome: 'existing', existing: { requestHash: 'h1', status: 201, body: { id: s.id } } });
      assert.equal(await storage.countSubmissions('signups'), before);
    });

    test('a failure after the key insert rolls the key back too', async () => {
      const s = submission();
      await storage.submit(s, NOW, DAY_AGO);
      const clash = submission({ id: s.id }); // same record id: the second insert of the transaction fails
      await assert.rejects(storage.submit(clash, NOW, DAY_AGO));
      assert.equal(await storage.findKey(clash.idempotencyKey, DAY_AGO), undefined);
    });

    test('expired keys are ignored, replaced on reuse, and purged', async () => {
      const old = submission();
      await storage.submit(old, new Date(DAY_AGO.getTime() - 1000), new Date(0));
      assert.equal(await storage.findKey(old.idempotencyKey, DAY_AGO), undefined);
      const reuse = submission({ idempotencyKey: old.idempotencyKey, requestHash: 'h9' });
      assert.deepEqual(await storage.submit(reuse, NOW, DAY_AGO), { outcome: 'stored' });
      assert.equal((await storage.findKey(old.idempotencyKey, DAY_AGO))?.requestHash, 'h9');
      const stale = submission();
      await storage.submit(stale, new Date(DAY_AGO.getTime() - 1000), new Date(0));
      assert.ok((await storage.purgeKeys(DAY_AGO)) >= 1);
      assert.equal(await storage.findKey(stale.idempotencyKey, new Date(0)), undefined);
      assert.ok(await storage.findKey(reuse.idempotencyKey, DAY_AGO), 'live keys stay');
    });

    test('listSubmissions filters by kind and since', async () => {
      const fb = submission({ kind: 'feedback', payload: { service: 'x' } });
      await storage.submit(fb, new Date('2026-02-01T00:00:00Z'), new Date(0));
      const late = submission({ kind: 'feedback', payload: { service: 'y' } });
      await storage.submit(late, new Date('2026-02-20T00:00:00Z'), new Date(0));
      const all = await storage.listSubmissions('feedback');
      assert.deepEqual(all.map((r) => r.id), [fb.id, late.id]);
      const since = await storage.listSubmissions('feedback', new Date('2026-02-10T00:00:00Z'));
      assert.deepEqual(since.map((r) => r.id), [late.id]);
    });

    test('erase by email deletes sign-ups and strips contact from feedback', async () => {
      const email = `erase-${backend.name}@example.org`;
      await storage.submit(submission({ email }), NOW, DAY_AGO);
      await storage.submit(submission({ email }), NOW, DAY_AGO);
      const fb = submission({ kind: 'feedback', email, payload: { service: 's', name: 'N', contact: { email }, wantsReply: true } });
      await storage.submit(fb, NOW, DAY_AGO);
      const keep = submission();
      await storage.submit(keep, NOW, DAY_AGO);
      assert.deepEqual(await storage.erase({ email: email.toUpperCase() }), { signups: 2, feedback: 1 });
      const signups = await storage.listSubmissions('signups');
      assert.ok(signups.some((r) => r.id === keep.id));
      const kept = (await storage.listSubmissions('feedback')).find((r) => r.id === fb.id)!;
      assert.equal(JSON.stringify(kept.payload).includes(email), false);
      assert.equal(kept.payload.service, 's');
    });

    test('erase by phone finds a phone-only person however the number is written', async () => {
      const stored = '07700 900982';
      const contact = { phone: stored, preferred: 'phone' };
      const them = submission({ email: null, phone: normalisePhone(stored), payload: { name: 'Phone Person', contact } });
      const other = submission({ email: null, phone: normalisePhone('07700 900983'), payload: { name: 'Other', contact: { phone: '07700 900983', preferred: 'text' } } });
      const fb = submission({
        kind: 'feedback', email: null, phone: normalisePhone('+44 (0)7700-900982'),
        payload: { service: 'crisis-care', rating: 'poor', name: 'Phone Person', contact: { ...contact, phone: '+44 (0)7700-900982' }, wantsReply: true },
      });
      for (const s of [them, other, fb]) await storage.submit(s, NOW, DAY_AGO);

      assert.deepEqual(await storage.erase({ phone: '+44 7700 900982' }), { signups: 1, feedback: 1 });
      const ids = (await storage.listSubmissions('signups')).map((r) => r.id);
      assert.ok(!ids.includes(them.id), 'their sign-up is gone');
      assert.ok(ids.includes(other.id), 'another person\'s stays');
      const kept = (await storage.listSubmissions('feedback')).find((r) => r.id === fb.id)!;
      assert.deepEqual(kept.payload, { service: 'crisis-care', rating: 'poor', wantsReply: false, erased: true });
      assert.deepEqual(await storage.erase({ phone: '07700900982' }), { signups: 0, feedback: 0 }, 'the phone column is cleared too');
    });

    test('erase with both matches either; with neither, or an unusable phone, it refuses', async () => {
      const email = `both-${backend.name}@example.org`;
      await storage.submit(submission({ email }), NOW, DAY_AGO);
      await storage.submit(submission({ email: null, phone: '07700900111' }), NOW, DAY_AGO);
      await storage.submit(submission({ email: 'x@example.org', phone: '+33123456789' }), NOW, DAY_AGO);
      assert.deepEqual(await storage.erase({ email, phone: '07700 900 111' }), { signups: 2, feedback: 0 });
      assert.deepEqual(await storage.erase({ phone: '0033 1 23 45 67 89' }), { signups: 1, feedback: 0 });
      const before = await storage.countSubmissions('signups');
      await assert.rejects(storage.erase({}), /email address, a phone number/);
      await assert.rejects(storage.erase({ email: '  ' }), /email address, a phone number/);
      await assert.rejects(storage.erase({ phone: '123' }), /phone number/);
      await assert.rejects(storage.erase({ email, phone: 'not a phone' }), /phone number/, 'no half-done erasure');
      assert.equal(await storage.countSubmissions('signups'), before);
    });

    test('meetings: upsert, filters, order, limit, cancel', async () => {
      await storage.upsertMeeting(meeting('m2', '2026-04-14T18:00:00+01:00', '2026-04-14T19:30:00+01:00'));
      await storage.upsertMeeting(meeting('m1', '2026-03-10T18:00:00Z', '2026-03-10T19:30:00Z', { workstreams: ['older-adults', 'carers-plus'] }));
      await storage.upsertMeeting(meeting('m0', '2026-02-10T18:00:00Z', '2026-02-10T19:30:00Z'));
      await storage.upsertMeeting(meeting('m3', '2026-05-01T10:00:00+01:00', '2026-05-01T12:00:00+01:00', { collaborative: 'Carers\' Collaborative' }));
      const from = new Date('2026-03-01T00:00:00Z');
      const ids = async (q: object) => (await storage.listMeetings({ from, limit: 50, ...q })).map((m) => m.id);
      assert.deepEqual(await ids({}), ['m1', 'm2', 'm3']);
      assert.deepEqual(await ids({ limit: 2 }), ['m1', 'm2']);
      assert.deepEqual(await ids({ workstream: 'carers' }), ['m2', 'm3'], 'whole ids only: carers-plus is not carers');
      assert.deepEqual(await ids({ collaborative: "Carers' Collaborative" }), ['m3']);
      assert.deepEqual(await ids({ from: new Date('2026-03-10T19:00:00Z') }), ['m1', 'm2', 'm3'], 'a meeting still running is listed');
      assert.equal((await storage.listMeetings({ from, limit: 1 }))[0]!.start, '2026-03-10T18:00:00Z', 'served as stored');
      await storage.upsertMeeting(meeting('m1', '2026-03-10T18:00:00Z', '2026-03-10T20:00:00Z', { title: 'Renamed' }));
      assert.equal((await storage.listMeetings({ from, limit: 1 }))[0]!.title, 'Renamed');
      assert.equal(await storage.cancelMeeting('m2'), true);
      assert.equal(await storage.cancelMeeting('nope'), false);
      assert.equal((await storage.listMeetings({ from, limit: 50 })).find((m) => m.id === 'm2')!.status, 'cancelled');
      assert.equal(await storage.countMeetings(), 4);
    });

    test('200 concurrent submissions with replays, over two app instances: none lost, none duplicated', async () => {
      // Two instances (separate in-flight markers) share this database, so the race is settled by
      // the database itself, not by one process's memory. On PostgreSQL they also have separate
      // connection pools; SQLite's connection is shared, as two in one process would block each other.
      const second = backend.name === 'postgres' ? openStorage(url) : storage;
      const config = loadConfig({ ALLOWED_ORIGINS: 'https://p.example', RATE_LIMIT_PER_MINUTE: '0' });
      const apps = [createApp({ config, storage }).app, createApp({ config, storage: second }).app];
      try {
        const before = await storage.countSubmissions('signups');
        const unique = Array.from({ length: 120 }, (_, i) => ({ key: randomUUID(), body: JSON.stringify(signup({ name: `Person ${i}` })) }));
        const sends = [...unique, ...unique.slice(0, 80)]; // 80 replays, fired at the same moment
        const send = async (s: { key: string; body: string }, i: number): Promise<{ key: string; id: string }> => {
          for (let attempt = 0; attempt < 50; attempt++) {
            const res = await apps[(i + attempt) % 2]!.request('/signups', {
              method: 'POST', body: s.body, headers: { 'content-type': 'application/json', 'idempotency-key': `"${s.key}"` },
            });
            if (res.status === 409) {
              await new Promise((r) => setTimeout(r, 5 + attempt * 2));
              continue;
            }
            assert.equal(res.status, 201, `unexpected ${res.status}`);
            return { key: s.key, id: (await res.json()).id };
          }
          throw new Error('still in flight after 50 tries');
        };
        const results = await Promise.all(sends.map(send));
        const idsByKey = new Map<string, Set<string>>();
        for (const r of results) idsByKey.set(r.key, (idsByKey.get(r.key) ?? new Set()).add(r.id));
        assert.ok([...idsByKey.values()].every((ids) => ids.size === 1), 'every send of a key got the same id');
        const stored = (await storage.listSubmissions('signups')).filter((r) => (r.payload.name as string).startsWith('Person '));
        assert.equal(await storage.countSubmissions('signups'), before + 120);
        assert.equal(new Set(stored.map((r) => r.payload.name)).size, 120, 'no person lost or duplicated');
        assert.deepEqual(new Set(stored.map((r) => r.id)), new Set(results.map((r) => r.id)));
      } finally {
        if (second !== storage) await second.close();
      }
    });
  });
}
