/** .ics import (ical.js), and the operator CLIs run as real processes against a temp database. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { importIcs } from '../ics-import.js';
import { normalisePhone } from '../phone.js';
import { openStorage } from '../storage/open.js';
import { signup } from './helpers.js';

const fixture = readFileSync(new URL('./fixtures/outlook.ics', import.meta.url), 'utf8');

describe('.ics import (an Outlook export)', () => {
  const { meetings, skipped } = importIcs(fixture, { from: new Date('2026-01-01T00:00:00Z'), collaborative: 'Imported Collaborative' });
  const byTitle = (t: string) => meetings.filter((m) => m.title.startsWith(t));

  test('expands the monthly series, honouring EXDATE and a moved occurrence', () => {
    const series = byTitle('Living Well');
    assert.deepEqual(series.map((m) => m.start), [
      '2026-01-13T18:00:00+00:00', // February's is excluded by EXDATE
      '2026-03-10T18:00:00+00:00',
      '2026-04-16T18:00:00+01:00', // moved from the 14th; British Summer Time
      '2026-05-12T18:00:00+01:00',
      '2026-06-09T18:00:00+01:00',
    ]);
    assert.equal(series[2]!.title, 'Living Well Collaborative: monthly meeting (moved)');
    assert.equal(new Set(series.map((m) => m.id)).size, 5);
  });

  test('maps Outlook fields onto the Meeting contract', () => {
    const online = byTitle('Living Well')[0]!;
    assert.equal(online.format, 'online');
    assert.equal(online.collaborative, 'Coventry Living Well Collaborative');
    assert.deepEqual(online.workstreams, ['community-mental-health']);
    assert.equal(online.location, undefined);
    assert.match(online.joinInfo!, /Teams/);
    const carers = byTitle("Carers'")[0]!;
    assert.equal(carers.format, 'in-person');
    assert.deepEqual(carers.location, { name: 'Central Library, Smithford Way, Coventry' });
    assert.equal(carers.bookingUrl, 'https://involve.example.nhs.uk/book/carers-summer');
    assert.equal(carers.collaborative, 'Imported Collaborative');
    assert.deepEqual(carers.workstreams, ['carers']);
    assert.equal(byTitle('Older Adults')[0]!.status, 'cancelled');
  });

  test('events that are not valid meetings are skipped and counted', () => {
    assert.equal(skipped, 1);
    assert.equal(meetings.length, 7);
  });
});

const run = promisify(execFile);

describe('CLIs', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (name: string, ...args: string[]) => run(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, ...args], { env, cwd: process.cwd() });
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'involve-cli-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, NODE_NO_WARNINGS: '1' };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('meetings: import .ics (a sync) and .json, add, cancel, list', async () => {
    const ics = join(dir, 'calendar.ics');
    writeFileSync(ics, fixture);
    const imported = await cli('meetings', 'import', ics, '--from', '2026-01-01', '--until', '2026-12-31', '--collaborative', 'Imported');
    assert.match(imported.stdout, /7 added, 0 updated, 0 removed, 0 unchanged, 1 skipped/);
    const json = join(dir, 'meetings.json');
    writeFileSync(json, JSON.stringify({ meetings: [
      { id: 'j1', title: 'From JSON', collaborative: 'C', start: '2036-09-01T10:00:00+01:00', end: '2036-09-01T11:00:00+01:00', format: 'online', workstreams: [], status: 'scheduled' },
      { id: 'bad', title: '' },
    ] }));
    assert.match((await cli('meetings', 'import', json)).stdout, /Imported 1 meeting\(s\); skipped 1/);
    const added = await cli('meetings', 'add', '--id', 'x1', '--title', 'Drop-in', '--collaborative', 'Test Collaborative',
      '--start', '2036-07-01T18:00', '--end', '2036-07-01T19:30', '--format', 'in-person', '--location', 'Town Hall', '--workstream', 'carers');
    assert.match(added.stdout, /Added x1: Drop-in, 2036-07-01T18:00:00\+01:00/);
    await cli('meetings', 'cancel', 'x1');
    const listed = JSON.parse((await cli('meetings', 'list', '--all', '--json')).stdout).meetings as { id: string; status: string }[];
    assert.equal(listed.length, 9);
    assert.equal(listed.find((m) => m.id === 'x1')!.status, 'cancelled');
    await assert.rejects(cli('meetings', 'add', '--title', 'Backwards', '--collaborative', 'C', '--start', '2036-07-01T18:00', '--end', '2036-07-01T17:00'), /end/);
    await assert.rejects(cli('meetings', 'cancel', 'no-such-id'), /No meeting/);
  });

  test('export prints formula-safe CSV; erase removes a person\'s sign-ups, found by email or phone', async () => {
    const storage = openStorage(env.DATABASE_URL);
    await storage.migrate();
    const base = signup() as { source: unknown };
    const people = [
      { i: 1, name: '@Alice', contact: { email: 'alice@example.org', preferred: 'email' } },
      { i: 2, name: 'Bob', contact: { email: 'bob@example.org', preferred: 'email' } },
      { i: 3, name: 'Carol', contact: { phone: '07700 900982', preferred: 'text' } },
    ];
    for (const { i, name, contact } of people) {
      await storage.submit({
        kind: 'signups', id: `s${i}`, payload: { ...base, name, contact },
        email: contact.email ?? null, phone: contact.phone ? normalisePhone(contact.phone) : null, partner: null,
        idempotencyKey: `k${i}`, requestHash: 'h', response: { status: 201, body: { id: `s${i}` } },
      }, new Date(`2036-01-0${i}T10:00:00Z`), new Date(0));
    }
    await storage.close();
    const all = (await cli('export', 'signups', '--out', '-')).stdout;
    assert.equal(all.split('\r\n').length, 5);
    assert.ok(all.includes(",'@Alice,alice@example.org,"));
    const since = (await cli('export', 'signups', '--since', '2036-01-02', '--out', '-')).stdout;
    assert.ok(!since.includes('Alice') && since.includes('Bob'));
    await assert.rejects(cli('export', 'people'), /signups, feedback or person/);
    assert.match((await cli('erase', '--email', 'Alice@Example.org')).stdout, /Erased 1 sign-up/);
    const left = (await cli('export', 'signups', '--out', '-')).stdout;
    assert.ok(!left.includes('alice@example.org') && left.includes('bob@example.org'));
    assert.ok(left.includes('Carol'));
    assert.equal((await cli('erase', '--phone', '+44 (0)7700-900982')).stdout,
      'Erased 1 sign-up(s); removed contact details from 0 feedback record(s).\n');
    const rest = (await cli('export', 'signups', '--out', '-')).stdout;
    assert.ok(!rest.includes('Carol') && rest.includes('Bob'));
    await assert.rejects(cli('erase'), /--email.*--phone/);
    await assert.rejects(cli('erase', '--phone', 'call me'), /Not a phone number[\s\S]*Usage: npm run erase/);
    await assert.rejects(cli('erase', '--email', 'nobody'), /Not an email address/);
  });
});
