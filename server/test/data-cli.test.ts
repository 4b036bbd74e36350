/**
 * The involvement team's data CLIs as server/README.md writes them (through npm, real processes):
 * export to a private file with no npm banner, subject-access export, erase by name with a dry run,
 * purge by retention. And the CSV neutralisation table (OWASP CSV injection).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { csvCell, phoneCell } from '../csv.js';
import { normalisePhone } from '../phone.js';
import { openStorage } from '../storage/open.js';
import { feedback, signup } from './helpers.js';

const run = promisify(execFile);

describe('CSV neutralisation (OWASP CSV injection)', () => {
  const table: [input: string, cell: string][] = [
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['\nLF=1', `"'\nLF=1"`],
    ['\u0000=1', "'\u0000=1"],
    ['\u0000plain', "'\u0000plain"],
    ['   =HYPERLINK("x")', `"'   =HYPERLINK(""x"")"`],
    ['\u00a0=1', "'\u00a0=1"],
    ['\u200b=1', "'\u200b=1"],
    ['\ufeff=1', "'\ufeff=1"],
    ['\u3000+1', "'\u3000+1"],
    ['\uff1d1+1', "'\uff1d1+1"],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20x', "'\uff20x"],
    ['\ufe66x', "'\ufe66x"],
    ['\u2212x', "'\u2212x"],
    // Left alone: ordinary text, leading spaces before words, a formula sign later in the text.
    ['Staff listened', 'Staff listened'],
    ['  two spaces first', '  two spaces first'],
    ['a=b', 'a=b'],
    ['Quote "this", please', '"Quote ""this"", please"'],
    ['', ''],
  ];
  for (const [input, cell] of table) {
    test(`${JSON.stringify(input)} → ${JSON.stringify(cell)}`, () => assert.equal(csvCell(input), cell));
  }

  test('phones are written for a CRM import, never as \'+44…: UK national with one space, others with 00', () => {
    assert.equal(phoneCell('+44 7700 900982'), '07700 900982');
    assert.equal(phoneCell('+44 (0)7700-900982'), '07700 900982');
    assert.equal(phoneCell('07700900982'), '07700 900982');
    assert.equal(phoneCell('0044 1632 960001'), '01632 960001');
    assert.equal(phoneCell('+33 1 23 45 67 89'), '0033 1 23 45 67 89');
    assert.equal(phoneCell('=1+2'), "'=1+2", 'not a phone number: neutralised like any cell');
  });
});

describe('npm run export / erase / purge, as the README writes them', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const npm = (...args: string[]) => run('npm', ['run', ...args], { env, cwd: process.cwd() });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'involve-data-cli-'));
    env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'involve.db')}`, NODE_NO_WARNINGS: '1' };
    const storage = openStorage(env.DATABASE_URL);
    await storage.migrate();
    let n = 0;
    const put = async (kind: 'signups' | 'feedback', payload: Record<string, unknown>, at: string) => {
      const contact = payload.contact as { email?: string; phone?: string } | undefined;
      const id = `r${++n}`;
      const { honeypot: _h, elapsedMs: _e, ...stored } = payload;
      await storage.submit({
        kind, id, payload: stored, email: contact?.email ?? null, phone: contact?.phone ? normalisePhone(contact.phone) : null, partner: null,
        idempotencyKey: `k${n}`, requestHash: 'h', response: { status: 201, body: { id } },
      }, new Date(at), new Date(0));
    };
    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
    await put('signups', signup({ name: '=Robin Hood', contact: { email: 'robin@example.org', phone: '+44 7700 900123', preferred: 'email' } }), daysAgo(10));
    await put('signups', signup({ name: 'Old Signup', contact: { email: 'old@example.org', preferred: 'email' } }), daysAgo(1200));
    await put('feedback', feedback({ anonymous: false, wantsReply: true, name: 'Robin Hood', contact: { phone: '07700 900123', preferred: 'phone' } }), daysAgo(5));
    await put('feedback', feedback({ anonymous: false, wantsReply: true, name: 'Sam Named-Only', contact: { phone: '01632 960999', preferred: 'phone' } }), daysAgo(4));
    await put('feedback', feedback({ whatWentWell: 'Old feedback' }), daysAgo(800));
    await storage.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('export --out writes clean CSV (header first, no npm banner) readable by the owner only', async () => {
    const file = join(dir, 'signups.csv');
    writeFileSync(file, 'an older export', { mode: 0o644 });
    await npm('export', '--', 'signups', '--out', file);
    const csv = readFileSync(file, 'utf8');
    assert.ok(csv.startsWith('id,received,partner,page,name,email,phone,'), csv.slice(0, 80));
    assert.ok(csv.includes(",'=Robin Hood,robin@example.org,07700 900123,"), 'formula-safe name; the phone as a CRM wants it');
    assert.equal(statSync(file).mode & 0o777, 0o600, 'private, even when it replaced an older, world-readable file');
  });

  test('without --out it refuses (a shell redirect would be world-readable, with npm\'s banner); --out - with npm --silent is clean', async () => {
    await assert.rejects(npm('export', '--', 'feedback'), /--out FILE/);
    const { stdout } = await run('npm', ['run', '--silent', 'export', '--', 'feedback', '--out', '-'], { env, cwd: process.cwd() });
    assert.ok(stdout.startsWith('id,received,partner,page,service,'), stdout.slice(0, 80));
  });

  test('subject-access export: everything held about a person, as JSON or CSV', async () => {
    const json = join(dir, 'robin.json');
    await npm('export', '--', 'person', '--email', 'Robin@Example.org', '--phone', '07700900123', '--out', json);
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    assert.deepEqual(doc.records.map((r: { kind: string }) => r.kind), ['signups', 'feedback']);
    assert.equal(doc.records[0].answers.contact.email, 'robin@example.org');
    assert.equal(statSync(json).mode & 0o777, 0o600);
    const csvFile = join(dir, 'sam.csv');
    await npm('export', '--', 'person', '--name', 'sam named-only', '--format', 'csv', '--out', csvFile);
    const csv = readFileSync(csvFile, 'utf8');
    assert.ok(csv.startsWith('kind,id,received,field,value\r\n'));
    assert.ok(csv.includes(',name,Sam Named-Only\r\n') && csv.includes(',contact.phone,01632 960999\r\n'), csv);
  });

  test('erase --name --dry-run lists what would go and changes nothing; then erase does it', async () => {
    const dry = await npm('erase', '--', '--name', 'SAM NAMED-ONLY', '--dry-run');
    assert.match(dry.stdout, /would anonymise\s+feedback .* r4 {2}\(Sam Named-Only, 01632 960999\)/);
    assert.match(dry.stdout, /Dry run: 0 sign-up\(s\) would be erased; contact details would be removed from 1 feedback record\(s\)\. Nothing was changed\./);
    const storage = openStorage(env.DATABASE_URL);
    assert.equal((await storage.findPerson({ name: 'Sam Named-Only' })).length, 1, 'still there after the dry run');
    await storage.close();
    assert.match((await npm('erase', '--', '--name', 'Sam Named-Only')).stdout, /Erased 0 sign-up\(s\); removed contact details from 1 feedback record\(s\)\./);
    const after = openStorage(env.DATABASE_URL);
    assert.equal((await after.findPerson({ name: 'Sam Named-Only' })).length, 0);
    await after.close();
  });

  test('purge deletes what is past retention (defaults 3 and 2 years) and prints counts only', async () => {
    const { stdout } = await npm('--silent', 'purge');
    assert.equal(stdout, 'Purged 1 sign-up(s) (older than 1095 days) and 1 feedback record(s) (older than 730 days).\n');
    const storage = openStorage(env.DATABASE_URL);
    assert.equal(await storage.countSubmissions('signups'), 1);
    assert.equal(await storage.countSubmissions('feedback'), 2);
    await storage.close();
    const again = await run('npm', ['run', '--silent', 'purge'], { env: { ...env, RETENTION_DAYS_SIGNUPS: '0', RETENTION_DAYS_FEEDBACK: '1' }, cwd: process.cwd() });
    assert.equal(again.stdout, 'Purged 0 sign-up(s) (none: kept until erased) and 2 feedback record(s) (older than 1 day).\n');
  });
});
