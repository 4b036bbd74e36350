/** `npm run meetings -- sync | delete` as the involvement team runs them: real processes, a temp database. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { bytes, edited, outlookText } from './calendar-fixtures.js';

const run = promisify(execFile);

describe('meetings CLI: sync and delete', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => cliWith(env, ...args);
  const cliWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'server/cli/meetings.ts', ...args], { env, cwd: process.cwd() })
      .then((r) => ({ ...r, code: 0 }))
      .catch((e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));
  const file = (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const window = ['--from', '2026-06-01', '--until', '2027-06-01'];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'involve-calendar-cli-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, NODE_NO_WARNINGS: '1', CALENDAR_TIMEZONE: '' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('sync prints counts and, for each skipped or adjusted event, title, date, UID, line and why', async () => {
    const r = await cli('sync', file('Involvement team.ics', bytes(outlookText)), ...window);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^calendar "Involvement team": 91 added, 0 updated, 0 removed, 0 unchanged, 1 skipped\.$/m);
    assert.match(r.stdout, /"Planning \(staff only\)", Wed, 10 Jun 2026, 09:00, UID 040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F60010, line 201: no location and no online meeting/);
    assert.match(r.stdout, /"Quick check-in for new members", Wed, 1 Jul 2026, 12:00, UID \S+, line 156: no end time: 1 hour assumed/);
    assert.match(r.stdout, /title shortened to 300 characters/);
    assert.match(r.stdout, /\d+ event\(s\) or occurrence\(s\) ended before the window/);
  });

  test('a new export of the same calendar (another file name) syncs the same source: removals, no duplicates', async () => {
    const r = await cli('import', file('Involvement team (2).ics', bytes(edited(outlookText))), ...window);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /: 52 added, 1 updated, 54 removed, \d+ unchanged/);
    const listed = JSON.parse((await cli('list', '--all', '--json')).stdout).meetings as { id: string; title: string }[];
    assert.equal(listed.length, 91 - 2);
  });

  test('sync from an address (with --source), and a partly broken file imports the rest and names the line', async () => {
    const broken = outlookText.replace('DTSTART;TZID=GMT Standard Time:20260909T140000', 'DTSTART;TZID=GMT Standard Time 20260909T140000');
    const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(bytes(broken)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`;
      // A database of its own: the same events from a second source would (rightly) be refused as taken.
      const r = await cliWith({ ...env, DATABASE_URL: `sqlite:${join(dir, 'web.db')}` }, 'sync', url, '--source', 'Web copy', ...window);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^calendar "Web copy": 90 added/m);
      assert.match(r.stdout, /"Service user forum", UID \S+F60009, line 194: not a valid iCalendar line/);
      assert.match(r.stdout, /incomplete or had broken events, so no meeting was removed/);
    } finally {
      server.close();
    }
  });

  test('exit status is non-zero only when nothing could be imported, with the reason', async () => {
    const empty = await cli('sync', file('empty.ics', ''));
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /Nothing could be imported: The file is empty/);
    const html = await cli('sync', file('login.ics', '\uFEFF<html>Sign in</html>'));
    assert.equal(html.code, 1);
    assert.match(html.stderr, /Line 1: not an iCalendar file/);
    const none = await cli('sync', file('Involvement team.ics', 'BEGIN:VCALENDAR\r\nX-WR-CALNAME:Involvement team\r\nEND:VCALENDAR\r\n'));
    assert.equal(none.code, 1);
    assert.match(none.stdout, /NOT APPLIED: the calendar now gives no meetings, but 89 are listed from it/);
    const insecure = await cli('sync', 'http://calendar.example.org/x.ics');
    assert.equal(insecure.code, 2);
    assert.match(insecure.stderr, /must be https:\/\//);
  });

  test('delete removes a meeting, and says when a calendar would bring it back', async () => {
    const listed = JSON.parse((await cli('list', '--all', '--json')).stdout).meetings as { id: string; title: string }[];
    const one = listed.find((m) => m.title === 'Summer fair stall' || m.title.startsWith('Older Adults'))!;
    const r = await cli('delete', one.id);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Deleted ${one.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\nIt came from a calendar \\(calendar:Involvement team\\)`));
    assert.equal((await cli('delete', one.id)).code, 2);
  });
});
