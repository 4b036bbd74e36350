/**
 * The server's own storage (server/storage/kysely.ts, its SQL and migrations) on SQLite compiled to
 * WebAssembly (sql.js), so the real Hono app can run inside a browser: Storybook's MSW handler uses
 * it. sql.js is driven through Kysely's SqliteDialect by a small adapter with the few methods of
 * better-sqlite3 that the dialect calls. The server's storage suite runs against it too
 * (server/test/storage.test.ts, backend "sqljs"), so it cannot drift from the SQLite the server uses.
 */
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import type { Database, SqlValue } from 'sql.js';
import { KyselyStorage, type Tables } from '../../server/storage/kysely.js';
import type { Storage } from '../../server/storage/types.js';

let engine: ReturnType<typeof initSqlJs> | undefined;

/** better-sqlite3's statement surface, as Kysely's SqliteDriver uses it, over a sql.js database. */
function adapt(db: Database): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(text: string): SqliteStatement {
      const probe = db.prepare(text);
      const reader = probe.getColumnNames().length > 0;
      probe.free();
      const rows = (parameters: ReadonlyArray<unknown>): unknown[] => {
        const statement = db.prepare(text);
        try {
          statement.bind(parameters as SqlValue[]);
          const out: unknown[] = [];
          while (statement.step()) out.push(statement.getAsObject());
          return out;
        } finally {
          statement.free();
        }
      };
      return {
        reader,
        all: rows,
        iterate: (parameters) => rows(parameters)[Symbol.iterator]() as IterableIterator<unknown>,
        run(parameters) {
          rows(parameters);
          const changes = db.getRowsModified();
          const id = db.exec('select last_insert_rowid()')[0]?.values[0]?.[0];
          return { changes, lastInsertRowid: Number(id ?? 0) };
        },
      };
    },
  };
}

/** A fresh, migrated, in-memory database behind the server's Storage interface. */
export async function openSqlJsStorage(): Promise<Storage> {
  engine ??= initSqlJs();
  const SQL = await engine;
  const database = adapt(new SQL.Database());
  const storage = new KyselyStorage(new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }), 'sqlite');
  await storage.migrate();
  return storage;
}
