/**
 * The Trust's data duties (issue 20), on SQLite always and PostgreSQL when TEST_DATABASE_URL is set:
 * erasure that leaves no bytes behind, erased keys that cannot replay, feedback found by name,
 * retention purges, and control characters refused the same way on both databases.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import pg from 'pg';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openStorage } from '../storage/open.js';
import { type Backend, backends, feedback, PARTNER, post, signup, testApp } from './helpers.js';

/** Every file SQLite keeps for the database (main file, -wal, -shm), as one buffer. */
function rawBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
}

describe('erasure leaves no readable bytes in the SQLite files', () => {
  test('after erase and a clean shutdown, the name, email and phone are gone from the .db and -wal files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'involve-erase-'));
    const url = `sqlite:${join(dir, 'involve.db')}`;
    try {
      const config = loadConfig({ ALLOWED_ORIGINS: PARTNER, RATE_LIMIT_PER_MINUTE: '0' });
      const storage = openStorage(url);
      await storage.migrate();
      const { app } = createApp({ config, storage });
      const who = { name: 'Zebedee Quillfeather', contact: { email: 'zebedee.quill@example.org', phone: '07700 900417', preferred: 'email' } };
      // Other people's sign-ups around theirs, and feedback in which they asked for a reply.
      for (let i = 0; i < 40; i++) {
        assert.equal((await post(app, '/signups', signup({ name: `Other Person ${i}`, contact: { email: `other${i}@example.org`, preferred: 'email' } }))).status, 201);
        if (i === 20) assert.equal((await post(app, '/signups', signup(who))).status, 201);
      }
      assert.equal((await post(app, '/feedback', feedback({ anonymous: false, wantsReply: true, ...who, whatWentWell: 'The crisis line answered.' }))).status, 201);
      for (const needle of ['Zebedee', 'zebedee.quill@example.org', '07700900417']) {
        assert.ok(rawBytes(dir).includes(needle), `before erasure "${needle}" is on disk (the test can see it)`);
      }

      // Erased from a second connection (as `npm run erase` does while the server runs).
      const cli = openStorage(url);
      assert.deepEqual(await cli.erase({ email: 'Zebedee.Quill@example.org' }), { signups: 1, feedback: 1 });
      await cli.close();
      const gone = (when: string) => {
        const bytes = rawBytes(dir);
        for (const needle of ['Zebedee', 'Quillfeather', 'zebedee.quill@example.org', '07700900417', '07700 900417']) {
          assert.equal(bytes.includes(needle), false, `${when}: "${needle}" is still readable in ${readdirSync(dir).join(', ')}`);
        }
        return bytes;
      };
      gone('while the server still has the database open');
      assert.equal((await post(app, '/signups', signup({ name: 'After Erasure' }))).status, 201, 'the server carries on');
      await storage.close();
      const bytes = gone('after a clean shutdown');
      assert.ok(bytes.includes('Other Person 39') && bytes.includes('The crisis line answered.'), 'everyone else, and the anonymised feedback, stay');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const backend of backends()) suite(backend);

function suite(backend: Backend): void {
  describe(`data protection: ${backend.name}`, () => {
    test('a replay of an erased person\'s key does not answer with the erased id', async () => {
      const t = await testApp({}, {}, backend);
      try {
        const key = `"${randomUUID()}"`;
        const body = signup({ name: 'Replay Erased', contact: { email: 'replay.erased@example.org', preferred: 'email' } });
        const first = await post(t.app, '/signups', body, { key });
        const { id } = await first.json();
        const fbKey = `"${randomUUID()}"`;
        const fb = feedback({ anonymous: false, wantsReply: true, name: 'Replay Erased', contact: { email: 'replay.erased@example.org', preferred: 'email' } });
        assert.equal((await post(t.app, '/feedback', fb, { key: fbKey })).status, 201);
        assert.equal((await post(t.app, '/signups', body, { key })).headers.get('idempotent-replayed'), 'true', 'a replay before erasure');

        assert.deepEqual(await t.storage.erase({ email: 'replay.erased@example.org' }), { signups: 1, feedback: 1 });
        const replay = await post(t.app, '/signups', body, { key });
        assert.equal(replay.headers.get('idempotent-replayed'), null, 'no stored answer left to replay');
        assert.notEqual((await replay.json()).id, id);
        const fbReplay = await post(t.app, '/feedback', fb, { key: fbKey });
        assert.equal(fbReplay.headers.get('idempotent-replayed'), null, 'the feedback\'s key row went too');
      } finally {
        await t.cleanup();
      }
    });

    test('feedback is found by name (exact, any case); a dry run changes nothing; sign-ups are never matched by name', async () => {
      const t = await testApp({}, {}, backend);
      try {
        const named = (name: string) => feedback({ anonymous: false, wantsReply: true, name, contact: { phone: '01632 960001', preferred: 'phone' } });
        assert.equal((await post(t.app, '/feedback', named('Alex  Morgan-Lee'))).status, 201);
        assert.equal((await post(t.app, '/feedback', named('Alex Morgan'))).status, 201, 'a different name');
        assert.equal((await post(t.app, '/signups', signup({ name: 'Alex Morgan-Lee' }))).status, 201);
        const found = await t.storage.findPerson({ name: ' alex  morgan-lee ' });
        assert.deepEqual(found.map((r) => [r.kind, r.onErase, (r.payload as { name: string }).name]), [['feedback', 'anonymise', 'Alex  Morgan-Lee']]);
        assert.equal(await t.storage.countSubmissions('feedback'), 2, 'finding changes nothing');
        assert.deepEqual(await t.storage.erase({ name: 'ALEX  MORGAN-LEE' }), { signups: 0, feedback: 1 });
        const left = await t.storage.listSubmissions('feedback');
        assert.deepEqual(left.map((r) => r.payload.name ?? null).sort(), ['Alex Morgan', null]);
        assert.equal(await t.storage.countSubmissions('signups'), 1, 'the sign-up with that name stays');
      } finally {
        await t.cleanup();
      }
    });

    test('retention: records older than the cut-off go, with their idempotency rows; newer ones stay', async () => {
      const t = await testApp({}, {}, backend);
      try {
        const at = async (iso: string, kind: '/signups' | '/feedback', key: string) => {
          t.clock.now = new Date(iso);
          assert.equal((await post(t.app, kind, kind === '/signups' ? signup() : feedback(), { key })).status, 201);
        };
        await at('2023-01-10T10:00:00Z', '/signups', '"old-signup"');
        await at('2025-06-10T10:00:00Z', '/signups', '"new-signup"');
        await at('2024-01-10T10:00:00Z', '/feedback', '"old-feedback"');
        await at('2025-06-10T10:00:00Z', '/feedback', '"new-feedback"');
        const purged = await t.storage.purgeExpired({ signups: new Date('2023-02-01T00:00:00Z'), feedback: new Date('2024-02-01T00:00:00Z') });
        assert.deepEqual(purged, { signups: 1, feedback: 1 });
        assert.equal(await t.storage.countSubmissions('signups'), 1);
        assert.equal(await t.storage.countSubmissions('feedback'), 1);
        assert.equal(await t.storage.findKey('old-signup', new Date(0)), undefined);
        assert.ok(await t.storage.findKey('new-signup', new Date(0)));
        assert.deepEqual(await t.storage.purgeExpired({}), { signups: 0, feedback: 0 }, 'no cut-off keeps everything');
      } finally {
        await t.cleanup();
      }
    });

    test('control characters are refused with 422 and a pointer, nothing stored (the same on both databases)', async () => {
      const t = await testApp({}, {}, backend);
      try {
        const res = await post(t.app, '/signups', signup({
          contact: { email: 'nul\u0000@example.org', preferred: 'email' },
          source: { partner: 'coventry\u0000carers', page: 'https://www.coventrycarers.example/', widgetVersion: '1.0.0' },
        }));
        assert.equal(res.status, 422);
        const pointers = ((await res.json()).errors as { pointer: string }[]).map((e) => e.pointer);
        assert.deepEqual(pointers.sort(), ['/contact/email', '/source/partner']);
        const bell = await post(t.app, '/feedback', feedback({ whatWentWell: 'ok\u0007' }));
        assert.equal(bell.status, 422);
        assert.equal(await t.storage.countSubmissions('signups') + await t.storage.countSubmissions('feedback'), 0);
        assert.equal((await post(t.app, '/feedback', feedback({ whatWentWell: 'Line one\nline two\ttabbed\r\n' }))).status, 201, 'tab, LF, CR are text');
      } finally {
        await t.cleanup();
      }
    });

    test('POST rate limit on a shared database: two instances together allow the limit, not twice it', async () => {
      const a = await testApp({ RATE_LIMIT_PER_MINUTE: '3' }, {}, backend);
      const storageB = openStorage(a.url);
      try {
        const b = createApp({ config: loadConfig({ ALLOWED_ORIGINS: PARTNER, RATE_LIMIT_PER_MINUTE: '3' }), storage: storageB, now: () => a.clock.now }).app;
        const statuses = [];
        for (const app of [a.app, b, a.app, b]) statuses.push((await post(app, '/signups', signup({ honeypot: 'x' }))).status);
        if (backend.name === 'postgres') assert.deepEqual(statuses, [202, 202, 202, 429]);
        else assert.deepEqual(statuses, [202, 202, 202, 202], 'SQLite is one process: each app counts in memory');
      } finally {
        await storageB.close();
        await a.cleanup();
      }
    });

    if (backend.name === 'postgres') {
      test('PostgreSQL: erasure runs VACUUM on the tables that held the person', async () => {
        const t = await testApp({}, {}, backend);
        try {
          assert.equal((await post(t.app, '/signups', signup({ contact: { email: 'vac@example.org', preferred: 'email' } }))).status, 201);
          const counts = async () => {
            const c = new pg.Client({ connectionString: t.url });
            await c.connect();
            const { rows } = await c.query(`select relname, vacuum_count from pg_stat_user_tables where schemaname = current_schema() and relname in ('submissions', 'idempotency_keys') order by relname`);
            await c.end();
            return Object.fromEntries(rows.map((r: { relname: string; vacuum_count: string }) => [r.relname, Number(r.vacuum_count)]));
          };
          const before = await counts();
          assert.deepEqual(await t.storage.erase({ email: 'vac@example.org' }), { signups: 1, feedback: 0 });
          const afterErase = await counts();
          assert.ok(afterErase.submissions! > before.submissions! && afterErase.idempotency_keys! > before.idempotency_keys!, JSON.stringify({ before, afterErase }));
        } finally {
          await t.cleanup();
        }
      });
    }
  });
}

