/**
 * Meetings from a calendar source (issue 17): one transaction makes the source's meetings equal to
 * the calendar (server/calendar/sync.ts decides what the calendar says), and what the poller keeps
 * between polls (ETag, Last-Modified, last error). Used by KyselyStorage on both dialects.
 */
import { type Kysely, sql } from 'kysely';
import type { Meeting } from '../../src/schema/meeting.js';
import type { Tables } from './kysely.js';
import type { MeetingSourceState, SyncOptions, SyncOutcome } from './types.js';

export const iso = (d: Date) => d.toISOString();
/** `|a|b|`, so one workstream can be matched with LIKE '%|a|%' on both databases. */
const workstreamColumn = (ids: readonly string[]) => `|${ids.join('|')}|`;
export function meetingRow(m: Meeting, now: Date) {
  return {
    id: m.id,
    start_utc: iso(new Date(m.start)),
    end_utc: iso(new Date(m.end)),
    collaborative: m.collaborative,
    workstreams: workstreamColumn(m.workstreams),
    status: m.status,
    payload: JSON.stringify(m),
    updated_at: iso(now),
  };
}
export function syncMeetings(db: Kysely<Tables>, dialect: 'sqlite' | 'postgres', source: string, meetings: Meeting[], o: SyncOptions): Promise<SyncOutcome> {
  return db.transaction().execute(async (trx): Promise<SyncOutcome> => {
    if (dialect === 'postgres') {
      // Two instances syncing the same calendar take turns; the second finds everything unchanged.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`meeting-source:${source}`}, 0))`.execute(trx);
    }
    // First statement a write, so SQLite takes its write lock now.
    await trx
      .insertInto('meeting_sources')
      .values({ key: source, label: o.label, meetings: 0 })
      .onConflict((oc) => oc.column('key').doUpdateSet({ label: o.label }))
      .execute();
    const existing = new Map<string, string>();
    for (const r of await trx.selectFrom('meetings').select(['id', 'payload']).where('source', '=', source).execute()) existing.set(r.id, r.payload);
    const out: SyncOutcome = { added: 0, updated: 0, removed: 0, unchanged: 0, conflicts: [] };
    const foreign = new Map<string, string | null>();
    const newIds = meetings.map((m) => m.id).filter((id) => !existing.has(id));
    for (let i = 0; i < newIds.length; i += 500) {
      const rows = await trx.selectFrom('meetings').select(['id', 'source']).where('id', 'in', newIds.slice(i, i + 500)).execute();
      for (const r of rows) foreign.set(r.id, r.source);
    }
    // A meeting with this id and no source was imported from this calendar before sources existed
    // (ids are the calendar's UIDs; `add` makes random ones): the calendar takes it over.
    const adopted = new Set<string>();
    const wanted = meetings.filter((m) => {
      if (!foreign.has(m.id)) return true;
      const owner = foreign.get(m.id);
      if (owner === null) {
        adopted.add(m.id);
        return true;
      }
      out.conflicts.push({ id: m.id, title: m.title, owner: `the calendar source ${owner}` });
      return false;
    });
    if (wanted.length === 0 && existing.size > 0 && !o.allowEmpty) {
      out.refused = `the calendar now gives no meetings, but ${existing.size} are listed from it. Nothing was changed. If the calendar really is empty now, sync again with --allow-empty (or MEETINGS_ICS_ALLOW_EMPTY=true for the poller).`;
      out.unchanged = existing.size;
      return out;
    }
    const keep = new Set<string>();
    for (const m of wanted) {
      keep.add(m.id);
      const row = { ...meetingRow(m, o.now), source };
      const before = existing.get(m.id);
      if (before === undefined && !adopted.has(m.id)) {
        await trx.insertInto('meetings').values(row).execute();
        out.added++;
      } else if (before !== row.payload) {
        const { id: _id, ...update } = row;
        await trx.updateTable('meetings').set(update).where('id', '=', m.id).execute();
        out.updated++;
      } else out.unchanged++;
    }
    const gone = o.removeMissing ? [...existing.keys()].filter((id) => !keep.has(id)) : [];
    for (let i = 0; i < gone.length; i += 500) {
      const r = await trx.deleteFrom('meetings').where('source', '=', source).where('id', 'in', gone.slice(i, i + 500)).executeTakeFirst();
      out.removed += Number(r.numDeletedRows);
    }
    const count = existing.size + adopted.size + out.added - out.removed;
    await trx.updateTable('meeting_sources').set({ synced_at: iso(o.now), meetings: count, last_error: null }).where('key', '=', source).execute();
    return out;
  });
}

export async function meetingSourceState(db: Kysely<Tables>, key: string): Promise<MeetingSourceState | undefined> {
  const r = await db.selectFrom('meeting_sources').selectAll().where('key', '=', key).executeTakeFirst();
  return r && {
    key: r.key, label: r.label, etag: r.etag, lastModified: r.last_modified, checkedAt: r.checked_at,
    syncedAt: r.synced_at, meetings: Number(r.meetings), lastError: r.last_error,
  };
}

export async function saveMeetingSourceState(db: Kysely<Tables>, key: string, label: string, f: Partial<Omit<MeetingSourceState, 'key' | 'label' | 'meetings'>>): Promise<void> {
  const set = {
    label,
    ...(f.etag !== undefined ? { etag: f.etag } : {}),
    ...(f.lastModified !== undefined ? { last_modified: f.lastModified } : {}),
    ...(f.checkedAt !== undefined ? { checked_at: f.checkedAt } : {}),
    ...(f.syncedAt !== undefined ? { synced_at: f.syncedAt } : {}),
    ...(f.lastError !== undefined ? { last_error: f.lastError } : {}),
  };
  await db.insertInto('meeting_sources').values({ key, meetings: 0, ...set }).onConflict((oc) => oc.column('key').doUpdateSet(set)).execute();
}

