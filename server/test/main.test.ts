/** `npm run serve` as a real process on 127.0.0.1: env config, healthz, no personal data in logs, SIGTERM drain. */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { signup, sleep } from './helpers.js';

let child: ChildProcess;
let port: number;
let dir: string;
let output = '';

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const p = (s.address() as { port: number }).port;
  s.close();
  return p;
}

// Started in a test, not a before hook, so a server that fails to start counts as a failure.
test('starts with configuration from the environment', async () => {
  dir = mkdtempSync(join(tmpdir(), 'involve-main-'));
  port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'db', 'involve.db')}`, ALLOWED_ORIGINS: 'https://partner.example', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 100 && !output.includes('listening'); i++) await sleep(100);
  assert.match(output, /listening on http:\/\/127\.0\.0\.1:\d+/);
});

after(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('creates the SQLite file on first start and answers /healthz', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true });
});

test('logs method, path, status and time, never what was sent', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/signups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': '"3b0f1d8e-5a55-4c2a-9d2e-6e7f00000001"' },
    body: JSON.stringify(signup({ name: 'Zebedee Logcheck', contact: { email: 'zebedee@example.org', preferred: 'email' } })),
  });
  assert.equal(res.status, 201);
  await sleep(100);
  assert.match(output, /"method":"POST","path":"\/signups","status":201/);
  assert.ok(!output.includes('Zebedee') && !output.includes('zebedee@'), 'no personal data in logs');
});

test('SIGTERM lets an in-flight request finish, then exits 0', async () => {
  const body = JSON.stringify(signup({ name: 'Slow Sender' }));
  const req = request({
    host: '127.0.0.1', port, path: '/signups', method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': '3b0f1d8e-5a55-4c2a-9d2e-6e7f00000002' },
  });
  const response = once(req, 'response');
  req.write(body.slice(0, 20)); // the request is now in flight
  await sleep(200);
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await sleep(300);
  assert.equal(child.exitCode, null, 'still running while a request is in flight');
  req.end(body.slice(20));
  const [res] = (await response) as [import('node:http').IncomingMessage];
  assert.equal(res.statusCode, 201);
  res.resume();
  const [code] = await exited;
  assert.equal(code, 0);
  assert.match(output, /SIGTERM: draining/);
});
