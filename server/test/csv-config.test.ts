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
    assert.equal(c.trustProxyHops, 0);
  });

  test('from the environment', () => {
    const c = loadConfig({
      PORT: '9000', HOST: '0.0.0.0', DATABASE_URL: 'postgres://db/involve', ALLOWED_ORIGINS: 'https://a.example, https://b.example/',
      ADMIN_TOKEN: 't', RATE_LIMIT_PER_MINUTE: '0', TRUST_PROXY: '2',
    });
    assert.deepEqual(c, {
      port: 9000, host: '0.0.0.0', databaseUrl: 'postgres://db/involve', allowedOrigins: ['https://a.example', 'https://b.example'],
      adminToken: 't', rateLimitPerMinute: 0, trustProxyHops: 2, options: {},
      calendar: { urls: [], intervalMinutes: 15, allowEmpty: false, timezone: 'Europe/London' },
    });
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxyHops, 1);
  });

  test('option lists from OPTIONS_FILE, checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'involve-options-'));
    const file = join(dir, 'options.json');
    writeFileSync(file, JSON.stringify({ services: [{ id: 'rugby-cmht', label: 'Rugby community mental health team', extra: 1 }] }));
    assert.deepEqual(loadConfig({ OPTIONS_FILE: file }).options, { services: [{ id: 'rugby-cmht', label: 'Rugby community mental health team' }] });
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
