/** Shared by the CLIs: storage from DATABASE_URL (as the server), migrated; clean exit codes. */
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';

export async function withStorage<T>(run: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = openStorage(process.env.DATABASE_URL || undefined);
  try {
    await storage.migrate();
    return await run(storage);
  } finally {
    await storage.close();
  }
}

export class UsageError extends Error {}

/** Runs a CLI's main, printing usage errors without a stack trace. */
export function runCli(main: () => Promise<void>, usage: string): void {
  main().catch((err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
