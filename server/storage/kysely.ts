/**
 * The Storage interface over Kysely, shared by the SQLite and PostgreSQL dialects (open.ts picks
 * one). The only dialect-specific piece is the per-key advisory lock on PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';
import type { Meeting } from '../../src/schema/meeting.js';
import { normalisePhone } from '../phone.js';
import { iso, meetingRow, meetingSourceState, saveMeetingSourceState, syncMeetings } from './meeting-sync.js';
import { migrateToLatest } from './migrations.js';
import { KyselyPartnerStore, type PartnerTables } from './partners.js';
import type {
  ErasureSubject, IdempotencyRecord, MeetingQuery, MeetingSourceState, NewSubmission, PersonRecord, RetentionCutoffs, Storage,
  StoredSubmission, SubmissionKind, SubmitOutcome, SyncOptions, SyncOutcome,
} from './types.js';

export interface Tables extends PartnerTables {
  idempotency_keys: { key: string; request_hash: string; status: number; response_body: string; created_at: string };
  submissions: {
    id: string; kind: string; created_at: string; email: string | null; phone: string | null; partner: string | null;
    idempotency_key: string; payload: string;
  };
  rate_limits: { bucket: string; window_start: number; hits: number };
  meetings: {
    id: string; start_utc: string; end_utc: string; collaborative: string; workstreams: string;
    status: string; payload: string; updated_at: string; source: string | null;
  };
  meeting_sources: {
    key: string; label: string; etag: string | null; last_modified: string | null; checked_at: string | null;
    synced_at: string | null; meetings: number; last_error: string | null;
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_|]/g, (c) => '\\' + c);

export class KyselyStorage implements Storage {
  /** The last rate-limit window in which this instance swept old counters. */
  private sweptWindow = -1;
  readonly partners: KyselyPartnerStore;

  constructor(
    readonly db: Kysely<Tables>,
    readonly dialect: 'sqlite' | 'postgres',
  ) {
    this.partners = new KyselyPartnerStore(db);
  }

  migrate(): Promise<void> {
    return migrateToLatest(this.db);
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  async findKey(key: string, notBefore: Date): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', key)
      .where('created_at', '>=', iso(notBefore))
      .executeTakeFirst();
    return row && { requestHash: row.request_hash, status: Number(row.status), body: JSON.parse(row.response_body) };
  }

  async submit(s: NewSubmission, now: Date, notBefore: Date): Promise<SubmitOutcome> {
    return this.db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
      if (this.dialect === 'postgres') {
        // Another instance already working on this key answers 409 instead of queueing behind it.
        const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${s.idempotencyKey}, 0)) as locked`.execute(trx);
        if (!rows[0]?.locked) return { outcome: 'in-flight' };
      }
      // First statement is a write, so SQLite takes its write lock now (no read-to-write upgrade).
      await trx.deleteFrom('idempotency_keys').where('key', '=', s.idempotencyKey).where('created_at', '<', iso(notBefore)).execute();
      const claimed = await trx
        .insertInto('idempotency_keys')
        .values({
          key: s.idempotencyKey,
          request_hash: s.requestHash,
          status: s.response.status,
          response_body: JSON.stringify(s.response.body),
          created_at: iso(now),
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) {
        const row = await trx.selectFrom('idempotency_keys').selectAll().where('key', '=', s.idempotencyKey).executeTakeFirstOrThrow();
        return {
          outcome: 'existing',
          existing: { requestHash: row.request_hash, status: Number(row.status), body: JSON.parse(row.response_body) },
        };
      }
      await trx
        .insertInto('submissions')
        .values({
          id: s.id,
          kind: s.kind,
          created_at: iso(now),
          email: s.email,
          phone: s.phone,
          partner: s.partner,
          idempotency_key: s.idempotencyKey,
          payload: JSON.stringify(s.payload),
        })
        .execute();
      return { outcome: 'stored' };
    });
  }

  async purgeKeys(notBefore: Date): Promise<number> {
    // Rate-limit counters older than the last minute go too (hourly), even with no traffic since.
    await this.db.deleteFrom('rate_limits').where('window_start', '<', Math.floor(Date.now() / 60_000) - 1).execute();
    const r = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', iso(notBefore)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async listSubmissions(kind: SubmissionKind, since?: Date): Promise<StoredSubmission[]> {
    let q = this.db.selectFrom('submissions').select(['id', 'created_at', 'payload']).where('kind', '=', kind);
    if (since) q = q.where('created_at', '>=', iso(since));
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, payload: JSON.parse(r.payload) }));
  }

  async countSubmissions(kind: SubmissionKind): Promise<number> {
    const r = await this.db.selectFrom('submissions').select((eb) => eb.fn.countAll<string | number>().as('n')).where('kind', '=', kind).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** The matching records, read inside `db` (a transaction when erasing). Names are compared in JS: no column. */
  private async matching(db: Kysely<Tables>, who: ErasureSubject): Promise<PersonRecord[]> {
    const email = who.email?.trim().toLowerCase() || undefined;
    const phone = who.phone === undefined ? undefined : normalisePhone(who.phone);
    const name = who.name?.trim().toLowerCase() || undefined;
    if (phone === null) throw new Error('Not a usable phone number');
    if (!email && !phone && !name) throw new Error('Erasure needs an email address, a phone number or (for feedback) a name');
    const found: PersonRecord[] = [];
    const add = (kind: string, r: { id: string; created_at: string; payload: string }) =>
      found.push({ kind: kind as SubmissionKind, id: r.id, createdAt: r.created_at, payload: JSON.parse(r.payload), onErase: kind === 'signups' ? 'delete' : 'anonymise' });
    if (email || phone) {
      const rows = await db
        .selectFrom('submissions')
        .select(['id', 'kind', 'created_at', 'payload'])
        .where((eb) => eb.or([...(email ? [eb('email', '=', email)] : []), ...(phone ? [eb('phone', '=', phone)] : [])]))
        .execute();
      for (const r of rows) add(r.kind, r);
    }
    if (name) {
      const seen = new Set(found.map((r) => r.id));
      const rows = await db.selectFrom('submissions').select(['id', 'kind', 'created_at', 'payload']).where('kind', '=', 'feedback').where('payload', 'like', '%"name"%').execute();
      for (const r of rows) {
        const given = (JSON.parse(r.payload) as { name?: unknown }).name;
        if (!seen.has(r.id) && typeof given === 'string' && given.trim().toLowerCase() === name) add(r.kind, r);
      }
    }
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  findPerson(who: ErasureSubject): Promise<PersonRecord[]> {
    return this.matching(this.db, who);
  }

  async erase(who: ErasureSubject): Promise<{ signups: number; feedback: number }> {
    const counts = await this.db.transaction().execute(async (trx) => {
      const found = await this.matching(trx, who);
      const ids = found.map((r) => r.id);
      if (!ids.length) return { signups: 0, feedback: 0 };
      // Their idempotency rows too: a replay of the key must not answer with the erased id, and the
      // stored body hash was computed over their details.
      const keys = await trx.selectFrom('submissions').select('idempotency_key').where('id', 'in', ids).execute();
      await trx.deleteFrom('idempotency_keys').where('key', 'in', keys.map((k) => k.idempotency_key)).execute();
      const signups = found.filter((r) => r.onErase === 'delete').map((r) => r.id);
      if (signups.length) await trx.deleteFrom('submissions').where('id', 'in', signups).execute();
      const replies = found.filter((r) => r.onErase === 'anonymise');
      for (const row of replies) {
        // The feedback itself is about a service and stays; who gave it does not.
        const { name: _name, contact: _contact, ...rest } = row.payload;
        await trx
          .updateTable('submissions')
          .set({ email: null, phone: null, payload: JSON.stringify({ ...rest, wantsReply: false, erased: true }) })
          .where('id', '=', row.id)
          .execute();
      }
      return { signups: signups.length, feedback: replies.length };
    });
    if (counts.signups + counts.feedback > 0) await this.compact();
    return counts;
  }

  async purgeExpired(cutoffs: RetentionCutoffs): Promise<{ signups: number; feedback: number }> {
    const counts = { signups: 0, feedback: 0 };
    for (const kind of ['signups', 'feedback'] as const) {
      const before = cutoffs[kind];
      if (!before) continue;
      counts[kind] = await this.db.transaction().execute(async (trx) => {
        const old = trx.selectFrom('submissions').select('idempotency_key').where('kind', '=', kind).where('created_at', '<', iso(before));
        await trx.deleteFrom('idempotency_keys').where('key', 'in', old).execute();
        const r = await trx.deleteFrom('submissions').where('kind', '=', kind).where('created_at', '<', iso(before)).executeTakeFirst();
        return Number(r.numDeletedRows);
      });
    }
    if (counts.signups + counts.feedback > 0) await this.compact();
    return counts;
  }

  async compact(): Promise<void> {
    if (this.dialect === 'sqlite') {
      // secure_delete (open.ts) zeroed the freed space in the pages, but those pages' older versions
      // are still frames in the -wal file: copy the WAL into the database and truncate it to 0 bytes.
      // (No VACUUM: with secure_delete it finds nothing left to overwrite; it would only cost time.)
      // Another process (the server, when the CLI erases) reading at that moment makes it "busy": try again.
      for (let attempt = 0; attempt < 20; attempt++) {
        const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
        if (!rows[0]?.busy) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('The database stayed busy: erased bytes may remain in the -wal file until the next checkpoint');
    }
    // VACUUM cannot run in a transaction, and may take longer than the pool's statement_timeout.
    await this.db.connection().execute(async (c) => {
      await sql`set statement_timeout = 0`.execute(c);
      try {
        await sql`vacuum submissions, idempotency_keys`.execute(c);
      } finally {
        await sql`reset statement_timeout`.execute(c);
      }
    });
  }

  async hitRateLimit(bucket: string, window: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_limits')
      .values({ bucket, window_start: window, hits: 1 })
      .onConflict((oc) =>
        oc.column('bucket').doUpdateSet({
          hits: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.hits + 1 else 1 end`,
          window_start: sql<number>`excluded.window_start`,
        }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    if (window !== this.sweptWindow) {
      this.sweptWindow = window;
      await this.db.deleteFrom('rate_limits').where('window_start', '<', window - 1).execute();
    }
    return Number(row.hits);
  }

  async upsertMeeting(m: Meeting): Promise<void> {
    const row = meetingRow(m, new Date());
    const { id: _id, ...update } = row;
    await this.db.insertInto('meetings').values(row).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
  }

  async deleteMeeting(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('meetings').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async meetingSource(id: string): Promise<string | null | undefined> {
    const row = await this.db.selectFrom('meetings').select('source').where('id', '=', id).executeTakeFirst();
    return row ? row.source : undefined;
  }

  syncMeetings(source: string, meetings: Meeting[], o: SyncOptions): Promise<SyncOutcome> {
    return syncMeetings(this.db, this.dialect, source, meetings, o);
  }

  meetingSourceState(key: string): Promise<MeetingSourceState | undefined> {
    return meetingSourceState(this.db, key);
  }

  saveMeetingSourceState(key: string, label: string, f: Partial<Omit<MeetingSourceState, 'key' | 'label' | 'meetings'>>): Promise<void> {
    return saveMeetingSourceState(this.db, key, label, f);
  }

  async cancelMeeting(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('meetings').select('payload').where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    await this.upsertMeeting({ ...(JSON.parse(row.payload) as Meeting), status: 'cancelled' });
    return true;
  }

  async listMeetings(q: MeetingQuery): Promise<Meeting[]> {
    let query = this.db.selectFrom('meetings').select('payload').where('end_utc', '>', iso(q.from));
    if (q.collaborative) query = query.where('collaborative', '=', q.collaborative);
    if (q.workstream) query = query.where(sql<boolean>`workstreams like ${'%|' + escapeLike(q.workstream) + '|%'} escape '\\'`);
    const rows = await query.orderBy('start_utc').orderBy('id').limit(q.limit).execute();
    return rows.map((r) => JSON.parse(r.payload) as Meeting);
  }

  async countMeetings(): Promise<number> {
    const r = await this.db.selectFrom('meetings').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
