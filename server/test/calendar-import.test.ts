/**
 * Calendar import on exports modelled on Outlook 365, Google and Apple (server/test/fixtures/calendar/).
 * Every assertion about times holds whatever the process's time zone: calendar-tz.test.ts runs this
 * file again under TZ=America/New_York and TZ=Pacific/Auckland.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { cleanDescription } from '../calendar/clean-text.js';
import { importCalendar } from '../calendar/import.js';
import { CalendarFileError, parseCalendar } from '../calendar/parse.js';
import { calendarZone, ianaZone } from '../calendar/zones.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/calendar/${name}`, import.meta.url));
const window = { from: new Date('2026-06-01T00:00:00Z'), until: new Date('2027-06-01T00:00:00Z') };
const outlook = importCalendar(fixture('outlook365.ics'), window);
const google = importCalendar(fixture('google.ics'), window);
const apple = importCalendar(fixture('apple.ics'), window);
const titled = (r: typeof outlook, t: string) => r.meetings.filter((m) => m.title.startsWith(t));
const reasons = (r: typeof outlook) => [...r.skipped, ...r.adjusted].map((i) => `${i.title ?? ''}: ${i.reason}`);

describe('long series keep their future', () => {
  test('a weekly series running since 2012 yields every Tuesday in the window', () => {
    const weekly = titled(outlook, 'Peer support group');
    assert.equal(weekly.length, 52);
    assert.equal(weekly[0]!.start, '2026-06-02T14:00:00+01:00');
    assert.equal(weekly.at(-1)!.start, '2027-05-25T14:00:00+01:00');
    assert.ok(outlook.beforeWindow > 700, 'the past occurrences are counted, not stored');
  });

  test('an occurrence moved past the window does not end its series; one moved into it is found', () => {
    const starts = titled(outlook, 'Living Well').map((m) => m.start.slice(0, 10));
    assert.deepEqual(starts, [
      '2026-06-09', // July's was moved to July 2027 (outside); August's is excluded (EXDATE)
      '2026-09-08', '2026-10-13', '2026-11-10', '2026-12-08', '2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13', '2027-05-11',
      '2027-05-25', // June 2027's, brought forward into the window
    ]);
    assert.equal(new Set(titled(outlook, 'Living Well').map((m) => m.id)).size, 11);
  });

  test('RANGE=THISANDFUTURE moves every later occurrence; BYSETPOS and UNTIL; COUNT', () => {
    const carers = titled(outlook, "Carers' Collaborative").map((m) => m.start);
    assert.equal(carers[4], '2026-10-01T10:00:00+01:00');
    assert.equal(carers[5], '2026-11-05T13:00:00+00:00');
    assert.equal(carers.at(-1), '2027-03-04T13:00:00+00:00'); // UNTIL 31 March 2027
    assert.deepEqual(titled(outlook, 'Older Adults').map((m) => m.start.slice(0, 10)),
      ['2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-30', '2026-11-30', '2026-12-31']);
    assert.equal(titled(outlook, 'Digital inclusion').length, 3);
  });

  test('a UID of 200+ characters keeps one meeting per occurrence, with ids that fit', () => {
    const ids = titled(outlook, 'Digital inclusion').map((m) => m.id);
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) assert.ok(id.length <= 200);
  });
});

describe('times never depend on the server\'s zone', () => {
  test('all-day and multi-day events are whole London days, marked allDay', () => {
    const week = titled(outlook, 'Involvement Week')[0]!;
    assert.deepEqual([week.start, week.end, week.allDay], ['2026-06-15T00:00:00+01:00', '2026-06-20T00:00:00+01:00', true]);
    const fair = titled(google, 'Summer fair')[0]!;
    assert.deepEqual([fair.start, fair.end, fair.allDay, fair.format], ['2026-07-04T00:00:00+01:00', '2026-07-05T00:00:00+01:00', true, 'in-person']);
    assert.equal(titled(apple, 'International Day')[0]!.start, '2026-12-03T00:00:00+00:00');
    assert.equal(titled(outlook, 'Peer support')[0]!.allDay, undefined);
  });

  test('floating times are in X-WR-TIMEZONE, else CALENDAR_TIMEZONE, else London', () => {
    assert.equal(titled(google, "Young people's")[0]!.start, '2026-07-15T18:00:00+01:00');
    assert.equal(titled(apple, 'Winter planning')[0]!.start, '2026-12-01T10:00:00+00:00');
    const ny = importCalendar(fixture('apple.ics'), { ...window, timezone: 'America/New_York' });
    assert.equal(titled(ny, 'Winter planning')[0]!.start, '2026-12-01T15:00:00+00:00');
    const gNy = importCalendar(fixture('google.ics'), { ...window, timezone: 'America/New_York' });
    assert.equal(titled(gNy, "Young people's")[0]!.start, '2026-07-15T18:00:00+01:00', 'X-WR-TIMEZONE wins over the setting');
  });

  test('a TZID with no VTIMEZONE: IANA names and Windows names are understood', () => {
    assert.equal(titled(apple, 'Neighbourhood')[0]!.start, '2026-07-08T18:00:00+01:00'); // TZID=Europe/London
    assert.equal(titled(apple, 'Patient safety')[0]!.start, '2026-07-22T10:00:00+01:00'); // TZID="GMT Standard Time"
    assert.equal(ianaZone('GMT Standard Time'), 'Europe/London');
    assert.equal(ianaZone('W. Europe Standard Time'), 'Europe/Berlin');
    assert.equal(ianaZone('(UTC+00:00) Dublin, Edinburgh, Lisbon, London'), 'Europe/London');
    assert.equal(calendarZone(undefined, 'Eastern Standard Time'), 'America/New_York');
    assert.equal(calendarZone(undefined, undefined), 'Europe/London');
  });

  test('the night the clocks go back', () => {
    const night = titled(outlook, 'Night-shift')[0]!;
    assert.deepEqual([night.start, night.end], ['2026-10-25T00:30:00+01:00', '2026-10-25T02:30:00+00:00']);
  });
});

describe('joining details never go public', () => {
  const all = [...outlook.meetings, ...google.meetings, ...apple.meetings];
  const publicText = JSON.stringify(all);

  test('no meeting links, IDs, passcodes, PINs or dial-in numbers in any meeting', () => {
    for (const secret of ['teams.microsoft.com', 'meet.google.com', 'zoom.us', 'webex.com', '375 912 446 118', 'x7Lq3C', '512873904', '512 873 904',
      '+44 20 3443 9876', '851 2345 6789', '482913', '123 456 789', '3957 1234', 'tel.meet', 'SECRET-ALT-TEXT', 'Passcode', 'Meeting ID', 'PIN']) {
      assert.ok(!publicText.includes(secret), `"${secret}" must not be public`);
    }
  });

  test('the organiser\'s own words stay, as plain text; joinInfo says how joining works', () => {
    const lw = titled(outlook, 'Living Well')[0]!;
    assert.equal(lw.description, 'Open to anyone who uses our services, carers and families.');
    assert.equal(lw.joinInfo, 'Microsoft Teams: the link is sent when you book.');
    assert.equal(titled(google, 'Mental Health')[0]!.description, 'Our monthly Mental Health Collaborative. Everyone welcome.');
    assert.equal(titled(google, 'Mental Health')[0]!.joinInfo, 'Google Meet: the link is sent when you book.');
    assert.equal(titled(google, "Young people's")[0]!.joinInfo, 'Zoom: the link is sent when you book.');
    assert.equal(titled(apple, 'Patient safety')[0]!.joinInfo, 'Webex: the link is sent when you book.');
    assert.equal(titled(outlook, 'Café')[0]!.description, 'Come and talk to us\nTea & cake provided\n• No need to book');
    assert.ok(!publicText.includes('<'), 'no HTML');
  });

  test('other links in a description stay', () => {
    assert.equal(cleanDescription('Papers: https://www.example.nhs.uk/papers\nJoin: https://zoom.us/j/123').text, 'Papers: https://www.example.nhs.uk/papers\nJoin:');
  });
});

describe('format from what the event says', () => {
  test('Outlook\'s hybrid location keeps the room', () => {
    const lw = titled(outlook, 'Living Well')[0]!;
    assert.equal(lw.format, 'hybrid');
    assert.deepEqual(lw.location, { name: 'Board Room, Trust HQ' });
  });
  test('an in-person meeting whose description mentions a link and "online" stays in person', () => {
    const forum = titled(outlook, 'Service user forum')[0]!;
    assert.equal(forum.format, 'in-person');
    assert.equal(forum.joinInfo, undefined);
  });
  test('Teams only, Google Meet only, a Webex URL as location: online with no room', () => {
    assert.equal(titled(outlook, 'Quick check-in')[0]!.format, 'online');
    assert.equal(titled(google, 'Mental Health')[0]!.format, 'online');
    assert.equal(titled(apple, 'Patient safety')[0]!.location, undefined);
    assert.equal(titled(google, "Young people's")[0]!.format, 'hybrid');
  });
  test('no location and no meeting link: skipped with the reason, never invented', () => {
    assert.equal(titled(outlook, 'Planning').length, 0);
    assert.ok(reasons(outlook).includes('Planning (staff only): no location and no online meeting: add a room or a Teams link in the calendar'));
  });
});

describe('no event lost without a word', () => {
  test('no UID, duplicate UIDs and orphan RECURRENCE-IDs are imported or reported', () => {
    assert.equal(titled(google, 'Event with no UID').length, 1);
    assert.deepEqual(titled(google, "Governors' update").map((m) => m.title), ["Governors' update", "Governors' update (September)"]);
    assert.equal(titled(google, 'Estates Collaborative (moved)')[0]!.start, '2026-08-19T14:00:00+01:00');
    const r = reasons(google);
    assert.ok(r.some((x) => /^Event with no UID: no UID/.test(x)));
    assert.ok(r.some((x) => /^Governors' update \(old copy\)|^Governors' update: an older copy/.test(x)));
    assert.ok(r.some((x) => /^Governors' update \(September\): another event has the same UID/.test(x)));
    assert.ok(r.some((x) => /^Estates Collaborative \(moved\): a changed occurrence whose series is not in the file/.test(x)));
  });
  test('titles over 300 characters are shortened, timed events without DTEND get an hour, both reported', () => {
    const long = titled(outlook, 'Joint Collaborative workshop')[0]!;
    assert.equal(long.title.length, 300);
    assert.ok(long.title.endsWith('…'));
    const quick = titled(outlook, 'Quick check-in')[0]!;
    assert.deepEqual([quick.start, quick.end], ['2026-07-01T12:00:00+01:00', '2026-07-01T13:00:00+01:00']);
    const r = reasons(outlook);
    assert.ok(r.some((x) => /title shortened to 300 characters$/.test(x)));
    assert.ok(r.includes('Quick check-in for new members: no end time: 1 hour assumed'));
  });
  test('a cancelled Outlook meeting is cancelled, without "Canceled:" in its title', () => {
    const c = titled(outlook, 'Learning Disabilities')[0]!;
    assert.equal(c.status, 'cancelled');
  });
});

describe('files as they arrive', () => {
  test('a BOM, CRLF or LF are all read; a line folded inside a UTF-8 character is whole again', () => {
    assert.equal(titled(outlook, 'Café')[0]!.title, 'Café conversation — Ünïversity Hospital’s “what matters to you” ☕☕☕ session');
    assert.ok(!JSON.stringify(outlook.meetings).includes('\uFFFD'));
    assert.equal(google.meetings.length, 7);
    assert.equal(apple.meetings.length, 4);
  });
  test('an empty file, or one that is not a calendar, says so (no TypeError)', () => {
    assert.throws(() => parseCalendar(''), (e: unknown) => e instanceof CalendarFileError && /empty/.test(e.message));
    assert.throws(() => parseCalendar('\uFEFF'), CalendarFileError);
    assert.throws(() => parseCalendar('<html>Sign in</html>'), (e: unknown) => e instanceof CalendarFileError && /Line 1: not an iCalendar file/.test(e.message));
  });
  test('one bad line costs only its event, and the report names the line', () => {
    const text = fixture('google.ics').toString('utf8').replace('DTSTART:20260715T180000', 'DTSTART 20260715T180000');
    const r = importCalendar(text, window);
    assert.equal(r.meetings.length, 6);
    assert.equal(r.complete, false);
    const bad = r.skipped.find((s) => s.title === "Young people's Collaborative")!;
    assert.equal(bad.line, 62); // the DTSTART line, counted in the file as it is
    assert.match(bad.reason, /not a valid iCalendar line.*not imported/);
  });
  test('a truncated file imports every complete event and reports the one cut off', () => {
    const bytes = fixture('outlook365.ics');
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('SUMMARY:Service user forum')) + 30);
    const r = importCalendar(cut, window);
    assert.equal(r.complete, false);
    assert.equal(titled(r, 'Peer support group').length, 52);
    assert.equal(titled(r, 'Service user forum').length, 0);
    assert.ok(r.skipped.some((s) => /the file ends \(line \d+\) before this event does/.test(s.reason) && s.line! > 100));
  });
});
