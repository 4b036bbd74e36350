/** GET /meetings (query parameters, ETag) and the authenticated CSV export. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { feedback, PARTNER, post, signup, type TestApp, testApp } from './helpers.js';

let t: TestApp;
afterEach(() => t.cleanup());

const meeting = (id: string, start: string, end: string, extra: Record<string, unknown> = {}) => ({
  id, title: `Meeting ${id}`, collaborative: 'Coventry Living Well Collaborative', start, end,
  format: 'online' as const, workstreams: ['community-mental-health'], status: 'scheduled' as const, ...extra,
});

describe('GET /meetings', () => {
  beforeEach(async () => {
    t = await testApp(); // clock: 2026-03-01T12:00Z
    await t.storage.upsertMeeting(meeting('past', '2026-02-10T18:00:00+00:00', '2026-02-10T19:30:00+00:00'));
    await t.storage.upsertMeeting(meeting('a', '2026-03-10T18:00:00+00:00', '2026-03-10T19:30:00+00:00'));
    await t.storage.upsertMeeting(meeting('b', '2026-04-04T10:30:00+01:00', '2026-04-04T12:30:00+01:00', {
      collaborative: "Carers' Collaborative", workstreams: ['carers'], format: 'in-person', location: { name: 'Central Library' },
    }));
    await t.storage.upsertMeeting(meeting('c', '2026-05-12T18:00:00+01:00', '2026-05-12T19:30:00+01:00'));
  });
  const ids = async (query: string) => {
    const res = await t.app.request(`/meetings${query}`);
    assert.equal(res.status, 200);
    return ((await res.json()).meetings as { id: string }[]).map((m) => m.id);
  };

  test('lists upcoming meetings from the database, in order, valid against the contract', async () => {
    const res = await t.app.request('/meetings');
    assert.equal(res.status, 200);
    const { meetings } = await res.json();
    assert.deepEqual(meetings.map((m: { id: string }) => m.id), ['a', 'b', 'c']);
    assert.deepEqual(meetings[1].location, { name: 'Central Library' });
    assert.equal(meetings[1].start, '2026-04-04T10:30:00+01:00');
  });

  test('from, collaborative, workstream and limit filter the list', async () => {
    assert.deepEqual(await ids('?from=2026-02-01T00:00:00Z'), ['past', 'a', 'b', 'c']);
    assert.deepEqual(await ids('?from=2026-04-01'), ['b', 'c']);
    assert.deepEqual(await ids(`?collaborative=${encodeURIComponent("Carers' Collaborative")}`), ['b']);
    assert.deepEqual(await ids('?workstream=community-mental-health'), ['a', 'c']);
    assert.deepEqual(await ids('?limit=1'), ['a']);
  });

  test('bad parameters are 400 problem details naming each parameter', async () => {
    const res = await t.app.request('/meetings?from=yesterday&limit=0&workstream=Not%20An%20Id');
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = await res.json();
    assert.deepEqual(body.errors.map((e: { parameter: string }) => e.parameter), ['from', 'limit', 'workstream']);
    assert.equal((await t.app.request('/meetings?limit=201')).status, 400);
  });

  test('ETag: If-None-Match gives 304 until the meetings change', async () => {
    const first = await t.app.request('/meetings');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const same = await t.app.request('/meetings', { headers: { 'if-none-match': tag!, origin: PARTNER } });
    assert.equal(same.status, 304);
    assert.equal(await same.text(), '');
    assert.equal(same.headers.get('etag'), tag);
    assert.equal(same.headers.get('access-control-allow-origin'), PARTNER, 'a cross-origin 304 still passes CORS');
    await t.storage.cancelMeeting('b');
    const changed = await t.app.request('/meetings', { headers: { 'if-none-match': tag! } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
    assert.equal((await changed.json()).meetings[1].status, 'cancelled');
  });
});

describe('GET /admin/export/{signups|feedback}.csv', () => {
  const TOKEN = 'a-long-random-admin-token-for-tests';

  test('is switched off (404) when ADMIN_TOKEN is unset', async () => {
    t = await testApp();
    const res = await t.app.request('/admin/export/signups.csv', { headers: { authorization: 'Bearer anything' } });
    assert.equal(res.status, 404);
  });

  test('needs the bearer token: missing or wrong is 401 with WWW-Authenticate', async () => {
    t = await testApp({ ADMIN_TOKEN: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await t.app.request('/admin/export/signups.csv', { headers: authorization ? { authorization } : {} });
      assert.equal(res.status, 401, String(authorization));
      assert.match(res.headers.get('www-authenticate')!, /^Bearer/);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
  });

  test('with the token: RFC 4180 CSV of what was stored, formula-safe', async () => {
    t = await testApp({ ADMIN_TOKEN: TOKEN });
    await post(t.app, '/signups', signup({ name: '=HYPERLINK("http://evil.example","Click")' }));
    await post(t.app, '/feedback', feedback({ whatCouldBeBetter: 'Shorter waits, please.\nAnd parking' }));
    const res = await t.app.request('/admin/export/signups.csv', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.match(res.headers.get('content-disposition')!, /attachment; filename="signups-2026-03-01.csv"/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const csv = await res.text();
    const lines = csv.split('\r\n');
    assert.match(lines[0]!, /^id,received,partner,page,name,email,/);
    assert.ok(lines[1]!.includes(`"'=HYPERLINK(""http://evil.example"",""Click"")"`), lines[1]);
    assert.ok(lines[1]!.includes('priya@example.org'));
    assert.equal(lines.length, 3, 'header, one row, trailing CRLF');
    const fb = await (await t.app.request('/admin/export/feedback.csv', { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    assert.ok(fb.includes('"Shorter waits, please.\nAnd parking"'));
    const other = await t.app.request('/admin/export/passwords.csv', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(other.status, 404);
    const since = await t.app.request('/admin/export/signups.csv?since=2026-03-02', { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal((await since.text()).split('\r\n').length, 2, 'header only');
  });
});
