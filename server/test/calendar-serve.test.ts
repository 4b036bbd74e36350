/** `npm run serve` with MEETINGS_ICS_URL: the real process follows a calendar served on loopback. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ICAL from 'ical.js';
import { sleep } from './helpers.js';

const calendar = readFileSync(new URL('./fixtures/calendar/outlook365.ics', import.meta.url));
let child: ChildProcess | undefined;
let dir: string | undefined;
const calendarServer = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(calendar));

after(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  calendarServer.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the server lists the calendar\'s meetings by itself, and serves them as /meetings.ics', async () => {
  await new Promise<void>((r) => calendarServer.listen(0, '127.0.0.1', r));
  const free = createNetServer().listen(0, '127.0.0.1');
  await once(free, 'listening');
  const port = (free.address() as AddressInfo).port;
  free.close();
  dir = mkdtempSync(join(tmpdir(), 'involve-calendar-serve-'));
  let output = '';
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'involve.db')}`, NODE_NO_WARNINGS: '1',
      MEETINGS_ICS_URL: `http://127.0.0.1:${(calendarServer.address() as AddressInfo).port}/calendar.ics`, MEETINGS_ICS_INTERVAL_MINUTES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  let meetings: { title: string }[] = [];
  for (let i = 0; i < 300 && meetings.length === 0; i++) {
    await sleep(100);
    meetings = await fetch(`http://127.0.0.1:${port}/meetings?limit=200`).then((r) => r.json() as Promise<{ meetings: { title: string }[] }>).then((b) => b.meetings).catch(() => []);
  }
  assert.match(output, /following 1 calendar\(s\) every 1 min/);
  assert.ok(meetings.some((m) => m.title === 'Peer support group'), 'the weekly series since 2012 is listed');
  assert.match(output, /"calendar":"calendar at 127\.0\.0\.1:\d+".*\d+ added/);
  const ics = await (await fetch(`http://127.0.0.1:${port}/meetings.ics`)).text();
  assert.ok(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').length > 10);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
});
