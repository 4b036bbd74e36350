/**
 * The calendar import tests again under two other process time zones: calendar times must come from
 * the calendar (its VTIMEZONE, X-WR-TIMEZONE or CALENDAR_TIMEZONE), never from the server's clock.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);

for (const tz of ['America/New_York', 'Pacific/Auckland']) {
  test(`calendar-import.test.ts passes with TZ=${tz}`, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz, CALENDAR_TIMEZONE: '', NODE_NO_WARNINGS: '1' };
    delete env.NODE_TEST_CONTEXT; // else the child reports to this runner instead of printing
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', 'server/test/calendar-import.test.ts'], { env, cwd: process.cwd() })
      .catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? String(err) }));
    assert.match(stdout, /^# fail 0$/m, stdout.split('\n').filter((l) => /not ok|expected|actual/.test(l)).join('\n'));
    assert.match(stdout, /^# pass [1-9]\d*$/m);
  });
}
