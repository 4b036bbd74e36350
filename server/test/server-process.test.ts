/**
 * The endpoint as a real process and real sockets: timeouts cut off a trickling client, SIGTERM exits
 * 0 as soon as in-flight work is done (idle keep-alive sockets closed), retention runs on start and is
 * logged as counts only; TRUST_PROXY as proxy addresses, and the admin routes' throttle.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { ADMIN_REQUESTS_PER_MINUTE } from '../rate-limit.js';
import { openStorage } from '../storage/open.js';
import { PARTNER, post, signup, sleep, testApp } from './helpers.js';

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const p = (s.address() as AddressInfo).port;
  s.close();
  return p;
}

describe('npm run serve as a process: timeouts, drain, retention on start', () => {
  let child: ChildProcess;
  let port: number;
  let dir: string;
  let output = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'involve-proc-'));
    const url = `sqlite:${join(dir, 'involve.db')}`;
    // One sign-up past the default 3 years' retention, one within it.
    const storage = openStorage(url);
    await storage.migrate();
    for (const [id, at, name] of [['old', '2020-01-01T10:00:00Z', 'Ancient Person'], ['new', new Date().toISOString(), 'Recent Person']] as const) {
      await storage.submit({
        kind: 'signups', id, payload: { name }, email: `${id}@example.org`, phone: null, partner: null,
        idempotencyKey: id, requestHash: 'h', response: { status: 201, body: { id } },
      }, new Date(at), new Date(0));
    }
    await storage.close();
    port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, ALLOWED_ORIGINS: PARTNER, NODE_NO_WARNINGS: '1',
        RATE_LIMIT_PER_MINUTE: '0', REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
  });
  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('starts, and purges what is past retention, logging counts only', async () => {
    for (let i = 0; i < 100 && !output.includes('retentionPurge'); i++) await sleep(100);
    assert.match(output, /listening on http:\/\/127\.0\.0\.1:\d+/);
    assert.match(output, /"retentionPurge":\{"signups":1,"feedback":0\}/);
    assert.ok(!output.includes('Ancient') && !output.includes('old@example.org'), 'no personal data in the log');
  });

  /** Sends `head`, then one `drip` character every 200 ms: what the server answers, and when it hangs up. */
  async function trickle(head: string, drip: string): Promise<{ received: string; took: number; destroyed: boolean }> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (d) => (received += d));
    const closed = once(socket, 'close');
    const started = Date.now();
    socket.write(head);
    const timer = setInterval(() => socket.writable && socket.write(drip), 200);
    await Promise.race([closed, sleep(8_000)]);
    clearInterval(timer);
    return { received, took: Date.now() - started, destroyed: socket.destroyed };
  }

  test('a client trickling its headers is cut off (headers timeout), not held for minutes', async () => {
    const { received, took, destroyed } = await trickle('POST /signups HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X');
    assert.ok(destroyed, 'the server closed the connection');
    assert.ok(took < 5_000, `cut off after ${took} ms`);
    assert.match(received, /^HTTP\/1\.1 408/);
  });

  test('a client trickling its body is cut off (request timeout)', async () => {
    const { received, took, destroyed } = await trickle(
      'POST /signups HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: "trickle-1"\r\nContent-Length: 5000\r\n\r\n{',
      ' ',
    );
    assert.ok(destroyed, 'the server closed the connection');
    assert.ok(took < 5_000, `cut off after ${took} ms`);
    assert.match(received, /^HTTP\/1\.1 408/);
  });

  test('SIGTERM: exits 0 as soon as the in-flight request is answered, though keep-alive sockets stay open', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    // An idle keep-alive socket from an earlier request.
    const health = await fetchVia(agent, '/healthz');
    assert.equal(health.status, 200);
    // A request in flight on a keep-alive socket.
    const body = JSON.stringify(signup({ name: 'Drain Check' }));
    const req = request({
      agent, host: '127.0.0.1', port, path: '/signups', method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': '"drain-check-1"' },
    });
    const response = once(req, 'response');
    req.write(body.slice(0, 10));
    await sleep(200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await sleep(300);
    assert.equal(child.exitCode, null, 'waits for the request in flight');
    req.end(body.slice(10));
    const [res] = (await response) as [import('node:http').IncomingMessage];
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers.connection, 'close', 'the last answer closes its connection');
    res.resume();
    const answered = Date.now();
    const [code] = await exited;
    assert.equal(code, 0, output);
    assert.ok(Date.now() - answered < 2_000, `exited ${Date.now() - answered} ms after the last answer`);
    assert.doesNotMatch(output, /drain timed out/);
    agent.destroy();
  });

  function fetchVia(agent: Agent, path: string): Promise<{ status: number }> {
    return new Promise((resolve, reject) => {
      request({ agent, host: '127.0.0.1', port, path }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode! }));
      }).on('error', reject).end();
    });
  }
});

test('ADMIN_TOKEN shorter than 32 characters: the server refuses to start and prints how to make one', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', DATABASE_URL: 'sqlite::memory:', ADMIN_TOKEN: 'changeme', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(err, /Configuration: ADMIN_TOKEN must be at least 32 characters \(it is 8\)\. Make one with:\n {2}node -e/);
});

describe('TRUST_PROXY names the proxies (real sockets from 127.0.0.1)', () => {
  async function withServer(env: Record<string, string>, run: (send: (xff?: string) => Promise<number>) => Promise<void>) {
    const t = await testApp({ RATE_LIMIT_PER_MINUTE: '1', ...env });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      await run(async (xff) => {
        const res = await fetch(`http://127.0.0.1:${port}/signups`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `"${Math.random()}"`, ...(xff ? { 'x-forwarded-for': xff } : {}) },
          body: JSON.stringify(signup({ honeypot: 'x' })),
        });
        await res.arrayBuffer();
        return res.status;
      });
    } finally {
      server.close();
      await t.cleanup();
    }
  }

  test('a client that connects directly cannot choose its identity with X-Forwarded-For', async () => {
    await withServer({ TRUST_PROXY: '10.0.0.0/8' }, async (send) => {
      assert.equal(await send('198.51.100.1'), 202);
      assert.equal(await send('198.51.100.2'), 429, '127.0.0.1 is not a listed proxy: its header is ignored');
    });
  });

  test('behind a listed proxy, the first address that is not a proxy is the client, whatever it prepends', async () => {
    await withServer({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, async (send) => {
      assert.equal(await send('198.51.100.1'), 202);
      assert.equal(await send('198.51.100.2'), 202, 'another client behind the proxy');
      assert.equal(await send('203.0.113.66, 198.51.100.1'), 429, 'a forged entry to the left is not read');
      assert.equal(await send('198.51.100.1, 10.1.2.3'), 429, 'an inner proxy is skipped');
    });
  });

  test('a bare hop count trusts the header even from a direct client (why it is documented as unsafe)', async () => {
    await withServer({ TRUST_PROXY: '1' }, async (send) => {
      assert.equal(await send('198.51.100.1'), 202);
      assert.equal(await send('198.51.100.2'), 202);
    });
  });
});

describe('admin routes are throttled per address', () => {
  test('the request after 20 admin requests in a minute is 429, right token or wrong, and nothing is exported', async () => {
    const token = 'x'.repeat(40);
    const t = await testApp({ ADMIN_TOKEN: token });
    try {
      for (let i = 0; i < ADMIN_REQUESTS_PER_MINUTE; i++) {
        const res = await t.app.request('/admin/export/signups.csv', { headers: { authorization: `Bearer wrong-${i}` } });
        assert.equal(res.status, 401);
      }
      const res = await t.app.request('/admin/export/signups.csv', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 429);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
      assert.equal((await post(t.app, '/signups', signup())).status, 201, 'the public API is not affected');
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      assert.equal((await t.app.request('/admin/export/signups.csv', { headers: { authorization: `Bearer ${token}` } })).status, 200, 'a minute later');
    } finally {
      await t.cleanup();
    }
  });
});

