/**
 * The Storage interface over Kysely, shared by the SQLite and PostgreSQL dialects (open.ts picks
 * one). The only dialect-specific piece is the per-key advisory lock on PostgreSQL.
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Meeting } from '../../src/schema/meeting.js';
import { normalisePhone } from '../phone.js';
import { migrateToLatest } from './migrations.js';
import { KyselyPartnerStore, type PartnerTables } from './partners.js';
import type {
  ErasureSubject, IdempotencyRecord, MeetingQuery, NewSubmission, Storage, StoredSubmission, SubmissionKind, SubmitOutcome,
} from './types.js';

export interface Tables extends PartnerTables {
  idempotency_keys: { key: string; request_hash: string; status: number; response_body: string; created_at: string };
  submissions: {
    id: string; kind: string; created_at: string; email: string | null; phone: string | null; partner: string | null;
    idempotency_key: string; payload: string;
  };
  meetings: {
    id: string; start_utc: string; end_utc: string; collaborative: string; workstreams: string;
    status: string; payload: string; updated_at: string;
  };
}

const iso = (d: Date) => d.toISOString();
/** `|a|b|`, so one workstream can be matched with LIKE '%|a|%' on both databases. */
const workstreamColumn = (ids: readonly string[]) => `|${ids.join('|')}|`;
const escapeLike = (s: string) => s.replace(/[\\%_|]/g, (c) => '\\' + c);

export class KyselyStorage implements Storage {
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

  async erase(who: ErasureSubject): Promise<{ signups: number; feedback: number }> {
    const email = who.email?.trim().toLowerCase() || undefined;
    const phone = who.phone === undefined ? undefined : normalisePhone(who.phone);
    if (phone === null) throw new Error('Not a usable phone number');
    if (!email && !phone) throw new Error('Erasure needs an email address or a phone number');
    return this.db.transaction().execute(async (trx) => {
      const isThem = (eb: ExpressionBuilder<Tables, 'submissions'>) =>
        eb.or([...(email ? [eb('email', '=', email)] : []), ...(phone ? [eb('phone', '=', phone)] : [])]);
      const deleted = await trx.deleteFrom('submissions').where('kind', '=', 'signups').where(isThem).executeTakeFirst();
      const replies = await trx.selectFrom('submissions').select(['id', 'payload']).where('kind', '=', 'feedback').where(isThem).execute();
      for (const row of replies) {
        // The feedback itself is about a service and stays; who gave it does not.
        const { name: _name, contact: _contact, ...rest } = JSON.parse(row.payload) as Record<string, unknown>;
        await trx
          .updateTable('submissions')
          .set({ email: null, phone: null, payload: JSON.stringify({ ...rest, wantsReply: false, erased: true }) })
          .where('id', '=', row.id)
          .execute();
      }
      return { signups: Number(deleted.numDeletedRows), feedback: replies.length };
    });
  }

  async upsertMeeting(m: Meeting): Promise<void> {
    const row = {
      id: m.id,
      start_utc: iso(new Date(m.start)),
      end_utc: iso(new Date(m.end)),
      collaborative: m.collaborative,
      workstreams: workstreamColumn(m.workstreams),
      status: m.status,
      payload: JSON.stringify(m),
      updated_at: iso(new Date()),
    };
    const { id: _id, ...update } = row;
    await this.db.insertInto('meetings').values(row).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
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
