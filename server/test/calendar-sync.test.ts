/**
 * Sync: a calendar is a source, and syncing makes its meetings equal to the calendar (one transaction),
 * leaving meetings added by hand or from other calendars alone. SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { syncCalendar, type CalendarSource } from '../calendar/sync.js';
import type { Kysely } from 'kysely';
import type { KyselyStorage } from '../storage/kysely.js';
import { migrateTo } from '../storage/migrations.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';
import { bytes, edited, outlookText } from './calendar-fixtures.js';

const TEAM: CalendarSource = { key: 'calendar:Involvement team', label: 'calendar "Involvement team"' };
const OTHER: CalendarSource = { key: 'calendar:Carers team', label: 'calendar "Carers team"' };
import { type Backend, backends, openTestStorage } from './helpers.js';

const NOW = new Date('2026-05-31T12:00:00Z');
const small = (uid: string, title: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260501T000000Z\r\nDTSTART:20260910T090000Z\r\nDTEND:20260910T100000Z\r\nSUMMARY:${title}\r\nLOCATION:Carers' Centre\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const EMPTY = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n';

async function all(storage: Storage) {
  return storage.listMeetings({ from: new Date(0), limit: 10_000 });
}

function suite(backend: Backend) {
  describe(`calendar sync: ${backend.name}`, () => {
    let storage: Storage;
    let cleanup: () => Promise<void>;
    before(async () => ({ storage, cleanup } = await openTestStorage(backend)));
    after(() => cleanup());

    test('first sync adds the window\'s meetings; a second, unchanged, changes nothing', async () => {
      await storage.upsertMeeting({ id: 'hand-1', title: 'Added by hand', collaborative: 'C', start: '2026-09-01T10:00:00+01:00', end: '2026-09-01T11:00:00+01:00', format: 'online', workstreams: [], status: 'scheduled' });
      const first = await syncCalendar(storage, bytes(outlookText), { source: TEAM, now: NOW });
      assert.equal(first.outcome.added, first.import.meetings.length);
      assert.ok(first.outcome.added > 80);
      const other = await syncCalendar(storage, small('carers-1@example', 'Carers\' coffee morning'), { source: OTHER, now: NOW });
      assert.equal(other.outcome.added, 1);
      const again = await syncCalendar(storage, bytes(outlookText), { source: TEAM, now: NOW });
      assert.deepEqual([again.outcome.added, again.outcome.updated, again.outcome.removed, again.outcome.unchanged], [0, 0, 0, first.outcome.added]);
    });

    test('after the team edits its calendar: deleted, excluded and re-timed ones go, renamed ones update, nothing duplicates', async () => {
      const before = await all(storage);
      const run = await syncCalendar(storage, bytes(edited(outlookText)), { source: TEAM, now: NOW });
      const after = await all(storage);
      const titles = after.map((m) => m.title);
      assert.ok(!titles.includes('Service user forum'));
      assert.ok(!after.some((m) => m.title.startsWith('Living Well') && m.start.startsWith('2026-09-08')));
      const peer = after.filter((m) => m.title === 'Peer support group');
      const weeks = before.filter((m) => m.title === 'Peer support group').length;
      assert.ok(weeks > 50);
      assert.equal(peer.length, weeks, 'the old times are gone, not listed beside the new ones');
      assert.ok(peer.every((m) => m.start.slice(11, 16) === '15:00'));
      const away = before.find((m) => m.title === "Collaboratives' away day")!;
      assert.equal(after.find((m) => m.id === away.id)!.title, "Collaboratives' summer away day");
      assert.equal(new Set(after.map((m) => m.id)).size, after.length);
      assert.equal(run.outcome.updated, 1);
      assert.equal(run.outcome.removed, weeks + 1 + 1);
      assert.equal(run.outcome.added, weeks);
      assert.equal(after.length, before.length - 2);
      assert.ok(titles.includes('Added by hand') && titles.includes("Carers' coffee morning"), 'other sources untouched');
    });

    test('an id another calendar uses is not taken over, and is reported', async () => {
      const clash = small('carers-1@example', 'Pretending to be the carers team\'s meeting');
      const run = await syncCalendar(storage, clash, { source: { key: 'calendar:Third', label: 'third' }, now: NOW });
      assert.equal(run.outcome.conflicts.length, 1);
      assert.match(run.report.conflicts![0]!.reason, /already belongs to the calendar source calendar:Carers team/);
      assert.equal((await all(storage)).find((m) => m.id === 'carers-1@example')!.title, "Carers' coffee morning");
      assert.equal(await storage.meetingSource('hand-1'), null);
    });

    test('a cut-short file updates and adds but removes nothing', async () => {
      const n = (await all(storage)).length;
      const text = edited(outlookText);
      const cut = text.slice(0, text.indexOf('SUMMARY:Joint Collaborative'));
      const run = await syncCalendar(storage, bytes(cut), { source: TEAM, now: NOW });
      assert.equal(run.import.complete, false);
      assert.equal(run.outcome.removed, 0);
      assert.equal((await all(storage)).length, n);
    });

    test('a calendar that suddenly has no meetings is refused unless allowed', async () => {
      const n = (await all(storage)).length;
      const refused = await syncCalendar(storage, EMPTY, { source: TEAM, now: NOW });
      assert.match(refused.outcome.refused!, /gives no meetings, but \d+ are listed from it/);
      assert.equal((await all(storage)).length, n);
      const allowed = await syncCalendar(storage, EMPTY, { source: TEAM, now: NOW, allowEmpty: true });
      assert.ok(allowed.outcome.removed > 80);
      const left = (await all(storage)).map((m) => m.title).sort();
      assert.deepEqual(left, ['Added by hand', "Carers' coffee morning"]);
    });

    test('delete removes one meeting', async () => {
      assert.equal(await storage.deleteMeeting('hand-1'), true);
      assert.equal(await storage.deleteMeeting('hand-1'), false);
    });
  });
}

for (const backend of backends()) suite(backend);

for (const backend of backends()) {
  describe(`migration 003-meeting-sources: ${backend.name}`, () => {
    test('meetings imported before it belong to no calendar until a sync of their calendar takes them over', async () => {
      const db = await backend.create();
      const storage = openStorage(db.url) as KyselyStorage;
      try {
        await migrateTo(storage.db, '002-phone');
        const old = { id: '040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F60009', title: 'Imported before 003', collaborative: 'C', start: '2026-09-09T14:00:00+01:00', end: '2026-09-09T16:00:00+01:00', format: 'in-person' as const, location: { name: 'Room 2' }, workstreams: [], status: 'scheduled' as const };
        await (storage.db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto('meetings').values({
          id: old.id, start_utc: '2026-09-09T13:00:00.000Z', end_utc: '2026-09-09T15:00:00.000Z', collaborative: 'C', workstreams: '||', status: 'scheduled', payload: JSON.stringify(old), updated_at: '2026-01-01T00:00:00.000Z',
        }).execute();
        await storage.migrate();
        assert.equal(await storage.meetingSource(old.id), null);
        // The calendar holds the same UID (it was imported from it before sources existed): the calendar takes it over.
        const run = await syncCalendar(storage, bytes(outlookText), { source: TEAM, now: NOW });
        assert.equal(run.outcome.conflicts.length, 0);
        assert.equal((await storage.listMeetings({ from: new Date(0), limit: 1000 })).find((m) => m.id === old.id)!.title, 'Service user forum');
        assert.equal(await storage.meetingSource(old.id), TEAM.key);
        // …so when the team deletes it in the calendar, the next sync removes it.
        await syncCalendar(storage, bytes(edited(outlookText)), { source: TEAM, now: NOW });
        assert.equal(await storage.meetingSource(old.id), undefined);
      } finally {
        await storage.close();
        await db.drop();
      }
    });
  });
}
