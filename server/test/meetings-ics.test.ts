/** GET /meetings.ics: the upcoming meetings as one calendar to subscribe to, re-read with ical.js. */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { after, before, describe, test } from 'node:test';
import type { Meeting } from '../../src/schema/meeting.js';
import { type TestApp, testApp } from './helpers.js';

const m = (id: string, extra: Partial<Meeting> = {}): Meeting => ({
  id, title: `Meeting ${id}`, collaborative: 'Coventry Living Well Collaborative', start: '2026-03-10T18:00:00+00:00', end: '2026-03-10T19:30:00+00:00',
  format: 'online', workstreams: ['carers'], status: 'scheduled', ...extra,
});

describe('GET /meetings.ics', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
    await t.storage.upsertMeeting(m('hybrid', {
      title: 'Living Well; monthly, with "quotes" — and a long title that needs folding across more than seventy-five octets ☕',
      format: 'hybrid', location: { name: 'Board Room, Trust HQ', postcode: 'CV1 2AB' }, joinInfo: 'Microsoft Teams: the link is sent when you book. SECRET-JOIN',
      description: 'Line one\nLine two', bookingUrl: 'https://involve.example.nhs.uk/book/lw', accessibility: 'Step-free',
    }));
    await t.storage.upsertMeeting(m('week', { title: 'Involvement Week', start: '2026-06-15T00:00:00+01:00', end: '2026-06-20T00:00:00+01:00', allDay: true, format: 'in-person', location: { name: 'Trust HQ' }, workstreams: [] }));
    await t.storage.upsertMeeting(m('off', { title: 'Called off', start: '2026-04-01T10:00:00+01:00', end: '2026-04-01T11:00:00+01:00', status: 'cancelled', collaborative: 'Carers Collaborative' }));
    await t.storage.upsertMeeting(m('past', { start: '2026-02-01T10:00:00+00:00', end: '2026-02-01T11:00:00+00:00' }));
  });
  after(() => t.cleanup());

  test('an RFC 5545 calendar ical.js reads back: times, all-day DATE values, status, no joining details', async () => {
    const res = await t.app.request('http://involve.example.nhs.uk/meetings.ics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/calendar; charset=utf-8/);
    const text = await res.text();
    assert.ok(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75), 'folded at 75 octets');
    assert.ok(!text.includes('SECRET-JOIN') && !text.includes('Microsoft Teams:'));
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.deepEqual(events.map((e) => e.uid), ['hybrid@involve.example.nhs.uk', 'off@involve.example.nhs.uk', 'week@involve.example.nhs.uk']);
    const [hybrid, off, week] = events as [ICAL.Event, ICAL.Event, ICAL.Event];
    assert.equal(hybrid.summary, 'Living Well; monthly, with "quotes" — and a long title that needs folding across more than seventy-five octets ☕');
    assert.equal(hybrid.startDate.toJSDate().toISOString(), '2026-03-10T18:00:00.000Z');
    assert.equal(hybrid.location, 'Board Room, Trust HQ, CV1 2AB');
    assert.match(hybrid.description, /^Coventry Living Well Collaborative\n\nLine one\nLine two\n\nJoining online: the details are sent when you book \(https:\/\/involve.example.nhs.uk\/book\/lw\)\.\n\nAccessibility: Step-free$/);
    assert.equal(off.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(week.startDate.isDate, true);
    assert.equal(week.startDate.toString(), '2026-06-15');
    assert.equal(week.endDate.toString(), '2026-06-20');
  });

  test('the same filters as /meetings, an ETag and 304', async () => {
    const carers = await (await t.app.request('/meetings.ics?collaborative=Carers%20Collaborative')).text();
    assert.deepEqual(new ICAL.Component(ICAL.parse(carers)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')), ['off@localhost']);
    assert.match(carers, /X-WR-CALNAME:Collaborative meetings: Carers Collaborative/);
    const withPast = await (await t.app.request('/meetings.ics?from=2026-01-01&limit=1')).text();
    assert.equal(new ICAL.Component(ICAL.parse(withPast)).getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('uid'), 'past@localhost');
    assert.equal((await t.app.request('/meetings.ics?limit=0')).status, 400);
    const first = await t.app.request('/meetings.ics');
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await t.app.request('/meetings.ics', { headers: { 'if-none-match': etag } })).status, 304);
    await t.storage.upsertMeeting(m('new', { start: '2026-05-01T10:00:00+01:00', end: '2026-05-01T11:00:00+01:00' }));
    assert.equal((await t.app.request('/meetings.ics', { headers: { 'if-none-match': etag } })).status, 200);
    assert.equal((await t.app.request('/meetings.ics', { method: 'POST' })).status, 405);
  });
});
