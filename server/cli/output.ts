/**
 * Where a CLI's export goes: `--out FILE` is written by the CLI itself, readable by this user only
 * (0600, also when it replaced an older file); `--out -` is standard output, for a pipe (run it as
 * `npm run --silent …` or npm's banner goes first). Without --out the CLI refuses: a shell redirect
 * makes a world-readable file and npm writes its banner into it.
 */
import { chmodSync, closeSync, openSync, writeSync } from 'node:fs';
import { UsageError } from './common.js';

export function writeOut(out: string | undefined, text: string, usage: string): string {
  if (out === undefined) throw new UsageError(`Say where to write it: --out FILE (or --out - for standard output)\n${usage}`);
  if (out === '-') {
    process.stdout.write(text);
    return 'standard output';
  }
  const fd = openSync(out, 'w', 0o600);
  try {
    chmodSync(out, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return out;
}
