/** Cross-cutting HTTP behaviour: CORS, rate limit, body limit, headers, healthz, 404/405, OpenAPI. */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { BODY_LIMIT_BYTES } from '../app.js';
import { PARTNER, post, signup, type TestApp, testApp } from './helpers.js';

let t: TestApp;
afterEach(() => t.cleanup());

describe('CORS', () => {
  test('a preflight from a partner origin is allowed, with Idempotency-Key', async () => {
    t = await testApp();
    const res = await t.app.request('/signups', {
      method: 'OPTIONS',
      headers: { origin: PARTNER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), PARTNER);
    assert.match(res.headers.get('access-control-allow-headers')!, /Idempotency-Key/i);
    assert.match(res.headers.get('access-control-allow-methods')!, /POST/);
    assert.equal(res.headers.get('access-control-allow-credentials'), null, 'no cookies');
  });

  test('responses to a partner expose Retry-After and ETag', async () => {
    t = await testApp();
    const res = await post(t.app, '/signups', signup(), { headers: { origin: PARTNER } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), PARTNER);
    assert.match(res.headers.get('access-control-expose-headers')!, /Retry-After/);
    assert.match(res.headers.get('vary')!, /Origin/);
  });

  test('an origin not on the list gets no CORS headers, and its POSTs are refused with 403', async () => {
    t = await testApp();
    const pre = await t.app.request('/signups', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    const res = await post(t.app, '/signups', signup(), { headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal(await t.storage.countSubmissions('signups'), 0);
    const get = await t.app.request('/meetings', { headers: { origin: 'https://evil.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), null);
  });
});

describe('GET /probe (CORS-open: the widgets tell a wrong address from a site not on the allow-list)', () => {
  test('an allowed origin: the API names itself and says yes, readable from any origin', async () => {
    t = await testApp();
    const res = await t.app.request('/probe', { headers: { origin: PARTNER } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await res.json(), { api: 'involve', origin: PARTNER, originAllowed: true });
  });

  test('an origin not on the list: still readable (Access-Control-Allow-Origin: *), originAllowed false', async () => {
    t = await testApp();
    const res = await t.app.request('/probe', { headers: { origin: 'https://evil.example' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await res.json(), { api: 'involve', origin: 'https://evil.example', originAllowed: false });
    const asked = await t.app.request(`/probe?origin=${encodeURIComponent(PARTNER)}`);
    assert.equal((await asked.json()).originAllowed, true, '?origin= asks about another origin (the embed builder)');
  });

  test('a wrong path is a 404 any origin can read, so the widget says "not found", not "not allowed"', async () => {
    t = await testApp();
    const res = await t.app.request('/v2/probe', { headers: { origin: 'https://evil.example' } });
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const partner = await t.app.request('/v2/probe', { headers: { origin: PARTNER } });
    assert.equal(partner.headers.get('access-control-allow-origin'), PARTNER);
  });
});

describe('rate limit (POSTs per client IP per minute)', () => {
  test('the request over the limit is 429 with Retry-After, nothing stored; GETs are not limited', async () => {
    t = await testApp({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) assert.equal((await post(t.app, '/signups', signup())).status, 201);
    const limited = await post(t.app, '/signups', signup({ name: 'Fourth Person' }));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-type'), 'application/problem+json');
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    assert.equal(await t.storage.countSubmissions('signups'), 3);
    assert.equal((await t.app.request('/meetings')).status, 200);
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    assert.equal((await post(t.app, '/signups', signup({ name: 'Fourth Person' }))).status, 201, 'a new minute');
  });

  test('with TRUST_PROXY, each X-Forwarded-For client has its own allowance', async () => {
    t = await testApp({ RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: '1' });
    const from = (ip: string) => post(t.app, '/signups', signup(), { headers: { 'x-forwarded-for': `203.0.113.9, ${ip}` } });
    assert.equal((await from('198.51.100.1')).status, 201);
    assert.equal((await from('198.51.100.2')).status, 201);
    assert.equal((await from('198.51.100.1')).status, 429);
  });

  test('without TRUST_PROXY, X-Forwarded-For is ignored (it cannot buy a fresh allowance)', async () => {
    t = await testApp({ RATE_LIMIT_PER_MINUTE: '1' });
    assert.equal((await post(t.app, '/signups', signup(), { headers: { 'x-forwarded-for': '198.51.100.1' } })).status, 201);
    assert.equal((await post(t.app, '/signups', signup(), { headers: { 'x-forwarded-for': '198.51.100.2' } })).status, 429);
  });

  test('0 turns it off', async () => {
    t = await testApp({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let i = 0; i < 40; i++) assert.equal((await post(t.app, '/signups', signup({ honeypot: 'x' }))).status, 202);
  });
});

describe('limits and headers', () => {
  test('a body over 64 kB is 413 and nothing is stored', async () => {
    t = await testApp();
    const big = JSON.stringify(signup({ accessNeedsOther: 'x'.repeat(BODY_LIMIT_BYTES) }));
    const res = await post(t.app, '/signups', big);
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.match((await res.json()).type, /payload-too-large$/);
    const declared = await post(t.app, '/signups', big, { headers: { 'content-length': String(big.length) } });
    assert.equal(declared.status, 413);
    assert.equal(await t.storage.countSubmissions('signups'), 0);
  });

  test('security headers are set', async () => {
    t = await testApp();
    const res = await t.app.request('/healthz');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.match(res.headers.get('strict-transport-security')!, /max-age=/);
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(res.headers.get('x-powered-by'), null);
  });

  test('healthz is 200 {ok:true}, and 503 while draining', async () => {
    const lifecycle = { ready: true, draining: false };
    t = await testApp({}, { lifecycle });
    const ok = await t.app.request('/healthz');
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { ok: true });
    lifecycle.draining = true;
    const draining = await t.app.request('/healthz');
    assert.equal(draining.status, 503);
    assert.equal(draining.headers.get('content-type'), 'application/problem+json');
  });

  test('unknown routes are 404 and wrong methods 405, as problem details', async () => {
    t = await testApp();
    const missing = await t.app.request('/nope');
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).status, 404);
    const wrong = await t.app.request('/signups');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
    const put = await t.app.request('/meetings', { method: 'PUT' });
    assert.equal(put.status, 405);
  });

  test('requests are logged without personal data', async () => {
    const lines: unknown[] = [];
    t = await testApp({}, { log: (e) => lines.push(e) });
    await post(t.app, '/signups', signup({ name: 'Ezekiel Unique-Name' }));
    await t.app.request('/meetings?collaborative=Someone%27s%20name');
    const text = JSON.stringify(lines);
    assert.equal(lines.length, 2);
    assert.deepEqual(Object.keys(lines[0] as object).sort(), ['method', 'ms', 'path', 'status']);
    assert.ok(!text.includes('Ezekiel') && !text.includes('priya@') && !text.includes('Someone'));
  });
});

describe('GET /openapi.json', () => {
  test('describes the routes with the payload schemas from zod', async () => {
    t = await testApp();
    const res = await t.app.request('/openapi.json');
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/signups'].post && doc.paths['/feedback'].post && doc.paths['/meetings'].get);
    const s = doc.components.schemas.Signup;
    assert.ok(s.required.includes('consent'));
    assert.deepEqual(s.properties.contact.properties.preferred.enum, ['email', 'phone', 'text', 'post']);
    assert.equal(doc.components.schemas.Feedback.properties.whatWentWell.maxLength, 5000);
    assert.ok(doc.components.schemas.Meeting.properties.status.enum.includes('cancelled'));
  });
});

describe('GET /options', () => {
  test('answers no lists by default (so widgets keep their built-in ones without a 404 in the console), the retention notice, with CORS', async () => {
    t = await testApp();
    const res = await t.app.request('/options', { headers: { Origin: PARTNER } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      retentionNotice: {
        signups: 'We keep your details for 3 years, then delete them. You can ask us to delete them sooner.',
        feedback: 'We keep your feedback for 2 years, then delete it. You can ask us to delete it sooner.',
      },
    });
    assert.equal(res.headers.get('access-control-allow-origin'), PARTNER);
    assert.ok(res.headers.get('etag'));
  });
});
