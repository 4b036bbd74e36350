/** POST /signups and /feedback: validation, idempotency rules (contract §5), spam handling. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Storage } from '../storage/types.js';
import { feedback, post, signup, sleep, type TestApp, testApp } from './helpers.js';

let t: TestApp;
afterEach(() => t.cleanup());

describe('POST /signups and /feedback', () => {
  beforeEach(async () => {
    t = await testApp();
  });

  test('stores a valid sign-up and answers 201 with an id', async () => {
    const res = await post(t.app, '/signups', signup());
    assert.equal(res.status, 201);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    const { id } = await res.json();
    assert.match(id, /^[0-9a-f-]{36}$/);
    const stored = await t.storage.listSubmissions('signups');
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.id, id);
    assert.equal((stored[0]!.payload as { name: string }).name, 'Priya Shah');
    assert.equal('honeypot' in stored[0]!.payload, false, 'spam fields are not stored');
  });

  test('a phone-only sign-up is kept findable by its phone, however the number is written later', async () => {
    const res = await post(t.app, '/signups', signup({ contact: { phone: '07700 900982', preferred: 'phone' } }));
    assert.equal(res.status, 201);
    assert.deepEqual(await t.storage.erase({ phone: '+44 (0)7700 900982' }), { signups: 1, feedback: 0 });
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('stores feedback', async () => {
    const res = await post(t.app, '/feedback', feedback());
    assert.equal(res.status, 201);
    assert.equal(await t.storage.countSubmissions('feedback'), 1);
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('validation errors are 422 problem details with pointers and English text', async () => {
    const res = await post(t.app, '/signups', signup({ contact: { email: 'not-an-email', preferred: 'email' }, relationship: [] }));
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = await res.json();
    assert.equal(body.type, 'https://involve.example.nhs.uk/problems/validation');
    assert.equal(body.status, 422);
    assert.deepEqual(body.errors, [
      { pointer: '/contact/email', detail: 'Enter an email address like name@example.com' },
      { pointer: '/relationship', detail: 'Select how you are connected to our services' },
    ]);
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('feedback that wants a reply needs a name: pointer /name', async () => {
    const res = await post(t.app, '/feedback', feedback({ anonymous: false, wantsReply: true }));
    assert.equal(res.status, 422);
    const body = await res.json();
    assert.ok(body.errors.some((e: { pointer: string; detail: string }) => e.pointer === '/name' && e.detail === 'Enter your full name'));
  });

  test('text over the limit names the limit', async () => {
    const res = await post(t.app, '/feedback', feedback({ whatWentWell: 'a'.repeat(5001) }));
    const body = await res.json();
    assert.deepEqual(body.errors, [{ pointer: '/whatWentWell', detail: 'Your answer must be 5,000 characters or fewer' }]);
  });

  test('a POST without Idempotency-Key is 400', async () => {
    const res = await post(t.app, '/signups', signup(), { key: null });
    assert.equal(res.status, 400);
    assert.match((await res.json()).type, /idempotency-key-missing$/);
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('a malformed Idempotency-Key is 400', async () => {
    const res = await post(t.app, '/signups', signup(), { key: '"unterminated' });
    assert.equal(res.status, 400);
    assert.match((await res.json()).type, /idempotency-key-invalid$/);
  });

  test('invalid JSON is 400, a non-JSON body 415', async () => {
    const bad = await post(t.app, '/signups', '{"name":');
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).type, /invalid-json$/);
    const form = await post(t.app, '/signups', 'name=x', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.status, 415);
    assert.equal(form.headers.get('content-type'), 'application/problem+json');
  });

  test('honeypot filled: 202, nothing stored', async () => {
    const res = await post(t.app, '/signups', signup({ honeypot: 'http://spam.example' }));
    assert.equal(res.status, 202);
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('a bot\'s invalid answers get the same quiet 202, not field errors to learn from', async () => {
    const res = await post(t.app, '/signups', signup({ honeypot: 'http://spam.example', name: '', relationship: [] }));
    assert.equal(res.status, 202);
    assert.deepEqual(await res.json(), { id: 'accepted' });
    const quick = await post(t.app, '/feedback', feedback({ elapsedMs: 10, rating: 'superb' }));
    assert.equal(quick.status, 202);
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('sent under 2 seconds after render: 202, nothing stored', async () => {
    const res = await post(t.app, '/feedback', feedback({ elapsedMs: 1999 }));
    assert.equal(res.status, 202);
    assert.equal(await t.storage.countSubmissions('feedback'), 0);
    const ok = await post(t.app, '/feedback', feedback({ elapsedMs: 2000 }));
    assert.equal(ok.status, 201);
  });
});

describe('Idempotency-Key', () => {
  beforeEach(async () => {
    t = await testApp();
  });
  const KEY = '"6f1c2a7e-1b9d-4f3e-9a51-0c7d2b8e4f10"';

  test('a replay with the same key and body returns the stored status and body, and stores nothing more', async () => {
    const first = await post(t.app, '/signups', signup(), { key: KEY });
    const firstBody = await first.json();
    const again = await post(t.app, '/signups', signup(), { key: KEY });
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), firstBody);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await t.storage.countSubmissions('signups'), 1);
  });

  test('the key may be sent bare as well as as a Structured Field string', async () => {
    const first = await (await post(t.app, '/signups', signup(), { key: KEY })).json();
    const bare = await post(t.app, '/signups', signup(), { key: KEY.slice(1, -1) });
    assert.deepEqual(await bare.json(), first);
    assert.equal(await t.storage.countSubmissions('signups'), 1);
  });

  test('same key, different body: 422 idempotency-key-reused, nothing stored', async () => {
    await post(t.app, '/signups', signup(), { key: KEY });
    const res = await post(t.app, '/signups', signup({ name: 'Someone Else' }), { key: KEY });
    assert.equal(res.status, 422);
    assert.match((await res.json()).type, /idempotency-key-reused$/);
    assert.equal(await t.storage.countSubmissions('signups'), 1);
  });

  test('same key on the other route is a different request: 422', async () => {
    await post(t.app, '/signups', signup(), { key: KEY });
    const res = await post(t.app, '/feedback', feedback(), { key: KEY });
    assert.equal(res.status, 422);
    assert.match((await res.json()).type, /idempotency-key-reused$/);
  });

  test('nothing is kept for a 4xx: a corrected send with the same key succeeds', async () => {
    const bad = await post(t.app, '/signups', signup({ name: '' }), { key: KEY });
    assert.equal(bad.status, 422);
    const fixed = await post(t.app, '/signups', signup(), { key: KEY });
    assert.equal(fixed.status, 201);
  });

  test('nothing is kept for a 5xx: the transaction rolls back and a retry with the same key succeeds', async () => {
    const { storage, cleanup } = t;
    let failNext = true;
    const flaky: Storage = Object.create(storage, {
      submit: { value: (...args: Parameters<Storage['submit']>) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('connection reset'));
        }
        return storage.submit(...args);
      } },
    });
    const wrapped = await testApp({}, { storage: flaky });
    t = { ...wrapped, cleanup: async () => { await wrapped.cleanup(); await cleanup(); } };
    const originalError = console.error;
    console.error = () => {};
    const failed = await post(t.app, '/signups', signup(), { key: KEY }).finally(() => (console.error = originalError));
    assert.equal(failed.status, 500);
    assert.equal(failed.headers.get('content-type'), 'application/problem+json');
    assert.equal(await storage.countSubmissions('signups'), 0);
    const retried = await post(t.app, '/signups', signup(), { key: KEY });
    assert.equal(retried.status, 201);
    assert.equal(await storage.countSubmissions('signups'), 1);
  });

  test('same key while the first is still in flight: 409, then the retry replays', async () => {
    const { storage, cleanup } = t;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: Storage = Object.create(storage, {
      submit: { value: async (...args: Parameters<Storage['submit']>) => {
        await gate;
        return storage.submit(...args);
      } },
    });
    const wrapped = await testApp({}, { storage: slow });
    t = { ...wrapped, cleanup: async () => { await wrapped.cleanup(); await cleanup(); } };
    const first = post(t.app, '/signups', signup(), { key: KEY });
    await sleep(20);
    const second = await post(t.app, '/signups', signup(), { key: KEY });
    assert.equal(second.status, 409);
    assert.match((await second.json()).type, /request-in-progress$/);
    assert.ok(second.headers.get('retry-after'));
    release();
    const firstRes = await first;
    assert.equal(firstRes.status, 201);
    const retry = await post(t.app, '/signups', signup(), { key: KEY });
    assert.deepEqual(await retry.json(), await firstRes.json());
    assert.equal(await storage.countSubmissions('signups'), 1);
  });

  test('keys expire after 24 hours', async () => {
    await post(t.app, '/signups', signup(), { key: KEY });
    t.clock.now = new Date(t.clock.now.getTime() + 23 * 3600_000);
    const within = await post(t.app, '/signups', signup({ name: 'Other Person' }), { key: KEY });
    assert.equal(within.status, 422, 'still remembered after 23 h');
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 3600_000);
    const after = await post(t.app, '/signups', signup({ name: 'Other Person' }), { key: KEY });
    assert.equal(after.status, 201, 'forgotten after 25 h');
    assert.equal(await t.storage.countSubmissions('signups'), 2);
  });
});
