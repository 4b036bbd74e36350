/** Throwaway storage for the test endpoint on Node: the server's own openStorage() on SQLite in memory. */
import { openStorage } from '../../server/storage/open.js';
import type { Storage } from '../../server/storage/types.js';

export async function openMemorySqlite(): Promise<Storage> {
  const storage = openStorage('sqlite::memory:');
  await storage.migrate();
  return storage;
}
