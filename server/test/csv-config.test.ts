/** CSV escaping, token comparison, operator config and client IP rules. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../config.js';
import { csvCell, csvRow, toCsv } from '../csv.js';
import { bearerMatches } from '../routes/admin.js';

describe('CSV (RFC 4180, formula-injection safe)', () => {
  test('quotes fields with quotes, commas and line breaks, doubling quotes', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\r\nbreak'), '"line\r\nbreak"');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell(['carer', 'other']), 'carer; other');
    assert.equal(csvRow(['a', 'b,c']), 'a,"b,c"\r\n');
  });

  test('cells starting with = + - @ tab or CR are made text', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+44 7700 900982'), "'+44 7700 900982");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=cmd'), "'\t=cmd");
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('a=b'), 'a=b', 'only a leading character matters');
  });

  test('toCsv writes a header and one CRLF-terminated row per record', () => {
    const csv = toCsv('feedback', [{ id: 'f1', createdAt: '2026-03-01T12:00:00.000Z', payload: { service: 'crisis-care', rating: 'good', anonymous: true, wantsReply: false, source: { page: 'p' } } }]);
    const [header, row, end] = csv.split('\r\n');
    assert.match(header!, /^id,received,partner,page,service,/);
    assert.match(row!, /^f1,2026-03-01T12:00:00.000Z,,p,crisis-care,,good,,,yes,no,/);
    assert.equal(end, '');
  });
});

describe('bearer token comparison', () => {
  test('matches only the exact token', () => {
    assert.equal(bearerMatches('Bearer s3cret', 's3cret'), true);
    assert.equal(bearerMatches('bearer s3cret', 's3cret'), true);
    assert.equal(bearerMatches('Bearer s3cre', 's3cret'), false);
    assert.equal(bearerMatches('Bearer ', ''), false);
    assert.equal(bearerMatches(undefined, 's3cret'), false);
    assert.equal(bearerMatches('s3cret', 's3cret'), false);
  });
});

describe('operator configuration (contract §7)', () => {
  test('defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8787);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.databaseUrl, 'sqlite:./data/involve.db');
    assert.deepEqual(c.allowedOrigins, ['http://127.0.0.1:8080', 'http://localhost:8080']);
    assert.equal(c.adminToken, undefined);
    assert.equal(c.rateLimitPerMinute, 30);
    assert.deepEqual(c.trustProxy, { kind: 'none' });
    assert.deepEqual(c.retentionDays, { signups: 1095, feedback: 730 });
    assert.deepEqual(c.timeouts, { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 5_000 });
  });

  test('from the environment', () => {
    // (widgetsDir / widgetsVersion: checked in widgets.test.ts)
    const { widgetsDir: _dir, widgetsVersion: _version, widgetsArchiveDir: _archive, ...c } = loadConfig({
      PORT: '9000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://db/involve', ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
      ADMIN_TOKEN: 't'.repeat(32), RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '2', RETENTION_DAYS_SIGNUPS: '365', RETENTION_DAYS_FEEDBACK: '0',
      REQUEST_TIMEOUT_MS: '20000', HEADERS_TIMEOUT_MS: '5000', KEEP_ALIVE_TIMEOUT_MS: '4000',
    });
    assert.deepEqual(c, {
      port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://db/involve', allowedOrigins: ['https://a.example', 'https://b.example'],
      adminToken: 't'.repeat(32), rateLimitPerMinute: 0, trustProxy: { kind: 'hops', hops: 2 },
      retentionDays: { signups: 365, feedback: 0 }, timeouts: { requestMs: 20_000, headersMs: 5_000, keepAliveMs: 4_000 },
      options: {
        retentionNotice: {
          signups: 'We keep your details for 1 year, then delete them. You can ask us to delete them sooner.',
          feedback: 'We keep your feedback until you ask us to delete it.',
        },
      },
      calendar: { urls: [], intervalMinutes: 15, allowEmpty: false, timezone: 'Europe/London' },
    });
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, { kind: 'hops', hops: 1 });
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1 , loopback' }).trustProxy, { kind: 'cidrs', cidrs: ['10.0.0.0/8', '127.0.0.1', '::1', 'loopback'] });
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2', '::1/129']) assert.throws(() => loadConfig({ TRUST_PROXY: bad }), ConfigError, bad);
  });

  test('ADMIN_TOKEN shorter than 32 characters is refused at start-up, with the command to make one', () => {
    assert.throws(() => loadConfig({ ADMIN_TOKEN: 'a'.repeat(31) }), (e: Error) => e instanceof ConfigError && /at least 32 characters/.test(e.message) && e.message.includes("randomBytes(32).toString('base64url')"));
    assert.equal(loadConfig({ ADMIN_TOKEN: 'a'.repeat(32) }).adminToken, 'a'.repeat(32));
    assert.equal(loadConfig({ ADMIN_TOKEN: '' }).adminToken, undefined, 'unset or empty: admin routes off');
  });

  test('retention defaults: sign-ups 3 years, feedback 2 years, as sentences for GET /options', () => {
    assert.deepEqual(loadConfig({}).options.retentionNotice, {
      signups: 'We keep your details for 3 years, then delete them. You can ask us to delete them sooner.',
      feedback: 'We keep your feedback for 2 years, then delete it. You can ask us to delete it sooner.',
    });
    assert.equal(loadConfig({ RETENTION_NOTICE_SIGNUPS: 'Kept for 18 months.' }).options.retentionNotice!.signups, 'Kept for 18 months.');
    assert.equal(loadConfig({ RETENTION_DAYS_FEEDBACK: '90' }).options.retentionNotice!.feedback, 'We keep your feedback for 90 days, then delete it. You can ask us to delete it sooner.');
    assert.throws(() => loadConfig({ RETENTION_DAYS_SIGNUPS: '-1' }), ConfigError);
  });

  test('option lists from OPTIONS_FILE, checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'involve-options-'));
    const file = join(dir, 'options.json');
    writeFileSync(file, JSON.stringify({ services: [{ id: 'rugby-cmht', label: 'Rugby community mental health team', extra: 1 }] }));
    assert.deepEqual(loadConfig({ OPTIONS_FILE: file }).options.services, [{ id: 'rugby-cmht', label: 'Rugby community mental health team' }]);
    writeFileSync(file, JSON.stringify({ services: [{ id: 'Not An Id', label: 'x' }] }));
    assert.throws(() => loadConfig({ OPTIONS_FILE: file }), /OPTIONS_FILE: "services"/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('origins from a JSON file, merged with the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'involve-config-'));
    const file = join(dir, 'origins.json');
    writeFileSync(file, JSON.stringify({ allowedOrigins: ['https://grapevine.example'] }));
    assert.deepEqual(loadConfig({ ALLOWED_ORIGINS_FILE: file, ALLOWED_ORIGINS: 'https://x.example' }).allowedOrigins, ['https://grapevine.example', 'https://x.example']);
    writeFileSync(file, '["https://one.example"]');
    assert.deepEqual(loadConfig({ ALLOWED_ORIGINS_FILE: file }).allowedOrigins, ['https://one.example']);
    rmSync(dir, { recursive: true, force: true });
  });

  test('bad values are refused with a clear message', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' }), ConfigError);
    assert.throws(() => loadConfig({ ALLOWED_ORIGINS: 'not a url' }), ConfigError);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'maybe' }), ConfigError);
  });
});
