/**
 * Opens storage from a DATABASE_URL (contract §7): `sqlite:<file>` (default `sqlite:./data/involve.db`,
 * created on first use, WAL mode) or `postgres://…` / `postgresql://…`.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { KyselyStorage, type Tables } from './kysely.js';
import type { Storage } from './types.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/involve.db';

/**
 * Per-session limits, so an instance that freezes (GC pause, SIGSTOP, network partition) while it
 * holds a key's transaction and advisory lock cannot hold them for long: PostgreSQL ends a session
 * idle in a transaction after 5 s (rolling it back, which frees the lock), gives up waiting for a
 * lock after 5 s and cancels any statement after 10 s. A widget retries a send that got no answer
 * only after its 15 s timeout plus backoff, so by then the key is free and another instance stores
 * it (server/README.md, "PostgreSQL"). Maintenance (VACUUM) lifts statement_timeout for itself.
 */
export const PG_SESSION_TIMEOUTS = {
  idle_in_transaction_session_timeout: 5_000,
  lock_timeout: 5_000,
  statement_timeout: 10_000,
} as const;

export function openStorage(url: string = DEFAULT_DATABASE_URL): Storage {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10, ...PG_SESSION_TIMEOUTS });
    // An idle client's connection error must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    // Nor may a busy one's: PostgreSQL ending a session (idle_in_transaction_session_timeout after a
    // freeze, a restart) fails the query in hand, which answers 500; the pool then drops the client.
    pool.on('connect', (client) => client.on('error', () => {}));
    return new KyselyStorage(new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('DATABASE_URL sqlite: needs a file name, like sqlite:./data/involve.db');
    if (file !== ':memory:') {
      // Personal data: readable by this user only (SQLite gives its -wal/-shm files the same mode).
      mkdirSync(dirname(resolve(file)), { recursive: true, mode: 0o700 });
      closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
    }
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros, not just unlinked (erasure and retention; see compact()).
    database.pragma('secure_delete = ON');
    return new KyselyStorage(new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}
