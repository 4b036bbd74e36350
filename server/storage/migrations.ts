/**
 * Schema migrations, run on every start by Kysely's Migrator (it records what has run in its own
 * table and takes a lock, so two instances starting together do not race). Portable DDL only:
 * timestamps are ISO 8601 UTC strings (fixed width, so they sort and compare as text on both
 * databases), payloads are JSON text.
 */
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import { normalisePhone } from '../phone.js';

/** Rows read and rewritten at a time by a backfill, in id order. */
const BACKFILL_BATCH = 500;

const migrations: Record<string, Migration> = {
  '001-initial': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('idempotency_keys_created_at').on('idempotency_keys').column('created_at').execute();

      await db.schema
        .createTable('submissions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('email', 'varchar(254)')
        .addColumn('partner', 'varchar(100)')
        .addColumn('idempotency_key', 'varchar(255)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('submissions_kind_created').on('submissions').columns(['kind', 'created_at']).execute();
      await db.schema.createIndex('submissions_email').on('submissions').column('email').execute();

      await db.schema
        .createTable('meetings')
        .addColumn('id', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('start_utc', 'varchar(32)', (c) => c.notNull())
        .addColumn('end_utc', 'varchar(32)', (c) => c.notNull())
        .addColumn('collaborative', 'varchar(300)', (c) => c.notNull())
        .addColumn('workstreams', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('meetings_end').on('meetings').column('end_utc').execute();
    },
  },

  // A person who gave only a phone number can be found (and erased) by it, as by email.
  '002-phone': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('submissions').addColumn('phone', 'varchar(32)').execute();
      await db.schema.createIndex('submissions_phone').on('submissions').column('phone').execute();
      // Backfill in JS (the payload is JSON text; no dialect's JSON functions needed).
      for (let after = ''; ;) {
        const rows: { id: string; payload: string }[] = await db
          .selectFrom('submissions')
          .select(['id', 'payload'])
          .where('id', '>', after)
          .where('payload', 'like', '%"phone"%')
          .orderBy('id')
          .limit(BACKFILL_BATCH)
          .execute();
        for (const row of rows) {
          const phone = (JSON.parse(row.payload) as { contact?: { phone?: unknown } }).contact?.phone;
          const normalised = typeof phone === 'string' ? normalisePhone(phone) : null;
          if (normalised) await db.updateTable('submissions').set({ phone: normalised }).where('id', '=', row.id).execute();
        }
        if (rows.length < BACKFILL_BATCH) break;
        after = rows[rows.length - 1]!.id;
      }
    },
  },

  // Meetings from a calendar belong to it (its source), so a sync can make them equal to the calendar
  // without touching meetings added by hand or from another calendar. meeting_sources keeps what the
  // poller needs between polls and instances (ETag, Last-Modified) and what the last sync did.
  '003-meeting-sources': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('meetings').addColumn('source', 'varchar(300)').execute();
      await db.schema.createIndex('meetings_source').on('meetings').column('source').execute();
      await db.schema
        .createTable('meeting_sources')
        .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
        .addColumn('label', 'varchar(500)', (c) => c.notNull())
        .addColumn('etag', 'varchar(500)')
        .addColumn('last_modified', 'varchar(100)')
        .addColumn('checked_at', 'varchar(32)')
        .addColumn('synced_at', 'varchar(32)')
        .addColumn('meetings', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .execute();
    },
  },

  // Partners as data (issue 19): who may post from which site, managed with `npm run partners`.
  '004-partners': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('name', 'varchar(300)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('partner_origins')
        .addColumn('origin', 'varchar(300)', (c) => c.primaryKey())
        .addColumn('partner_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('partner_origins_partner').on('partner_origins').column('partner_id').execute();
    },
  },

  // Rate-limit counters shared by every instance on one database (fixed one-minute windows). The
  // bucket is a hash of the client address, never the address; rows older than a window are swept.
  '005-rate-limits': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('bucket', 'varchar(80)', (c) => c.primaryKey())
        .addColumn('window_start', 'integer', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function migrateToLatest(db: Kysely<any>): Promise<void> {
  return check(new Migrator({ db, provider }).migrateToLatest());
}

/** Up (or down) to the named migration: for tests of a later migration against older data. */
export function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  if (!(name in migrations)) return Promise.reject(new Error(`No migration named ${name}`));
  return check(new Migrator({ db, provider }).migrateTo(name));
}

async function check(run: Promise<MigrationResultSet>): Promise<void> {
  const { error, results } = await run;
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
