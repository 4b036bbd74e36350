/**
 * PostgreSQL: an instance that freezes (SIGSTOP: a GC pause, a partition) while it holds a key's
 * transaction and advisory lock frees the key within the widget's retry window, and the submission is
 * still stored exactly once. Needs TEST_DATABASE_URL (CI sets it; storage.test.ts fails without it).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import pg from 'pg';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';
import { PARTNER, post, postgresBackend, signup, sleep } from './helpers.js';

const baseUrl = process.env.TEST_DATABASE_URL;
/** The widget's first try times out after 15 s; its retry comes after that plus backoff. */
const WIDGET_RETRY_AFTER_MS = 15_000;

let child: ChildProcess | undefined;
let output = '';
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
  }
  for (const c of cleanups.reverse()) await c().catch(() => {});
});

test('a frozen instance holding a key frees it within the widget\'s retry window; stored once', { skip: !baseUrl && 'TEST_DATABASE_URL unset' }, async () => {
  const db = await postgresBackend(baseUrl!).create();
  cleanups.push(db.drop);
  const storage: Storage = openStorage(db.url);
  cleanups.push(() => storage.close());
  await storage.migrate();

  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as AddressInfo).port;
  s.close();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db.url, ALLOWED_ORIGINS: PARTNER, RATE_LIMIT_PER_MINUTE: '0', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 100 && !output.includes('listening'); i++) await sleep(100);
  assert.match(output, /listening/);

  // Hold the key's row uncommitted, so the child stops inside its transaction (advisory lock taken).
  const key = 'frozen-instance-key-1';
  const blocker = new pg.Client({ connectionString: db.url });
  await blocker.connect();
  cleanups.push(() => blocker.end());
  await blocker.query('begin');
  await blocker.query(`insert into idempotency_keys (key, request_hash, status, response_body, created_at) values ($1, 'x', 201, '{}', $2)`, [key, new Date().toISOString()]);

  const body = signup({ name: 'Frozen Sender', contact: { email: 'frozen@example.org', preferred: 'email' } });
  const toChild = fetch(`http://127.0.0.1:${port}/signups`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `"${key}"` }, body: JSON.stringify(body),
  }).then((r) => r.status, () => 0);
  await sleep(700);
  child.kill('SIGSTOP');
  const frozenAt = Date.now();
  await blocker.query('rollback'); // the child's insert now completes; its transaction stays open, its process frozen

  // A second instance on the same database: the widget's retry lands here.
  const b = createApp({ config: loadConfig({ ALLOWED_ORIGINS: PARTNER, RATE_LIMIT_PER_MINUTE: '0' }), storage }).app;
  const statuses: number[] = [];
  let stored: number | undefined;
  while (Date.now() - frozenAt < WIDGET_RETRY_AFTER_MS + 5_000) {
    const res = await post(b, '/signups', body, { key: `"${key}"` });
    statuses.push(res.status);
    if (res.status !== 409) {
      stored = Date.now() - frozenAt;
      break;
    }
    await sleep(500);
  }
  assert.equal(statuses[0], 409, 'while the frozen instance holds the key, another instance answers 409');
  assert.equal(statuses.at(-1), 201, `statuses ${statuses.join(' ')}`);
  assert.ok(stored! < WIDGET_RETRY_AFTER_MS, `the key was free after ${stored} ms`);

  child.kill('SIGCONT');
  const childStatus = await toChild;
  assert.notEqual(childStatus, 201, 'the frozen instance\'s transaction was rolled back, not committed');
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const { rows } = await c.query('select count(*)::int as n from submissions where idempotency_key = $1', [key]);
  await c.end();
  assert.equal(rows[0].n, 1, 'stored exactly once');
  await sleep(300);
  assert.equal(child.exitCode, null, `the resumed instance is still running:\n${output}`);
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  assert.deepEqual(await exited, [0, null]);
});
