/**
 * Schema migrations, run on every start by Kysely's Migrator (it records what has run in its own
 * table and takes a lock, so two instances starting together do not race). Portable DDL only:
 * timestamps are ISO 8601 UTC strings (fixed width, so they sort and compare as text on both
 * databases), payloads are JSON text.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

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
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
