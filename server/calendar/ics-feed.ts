/**
 * GET /meetings.ics: the upcoming meetings as one RFC 5545 calendar that people (iPhone, Outlook,
 * Google) and partner sites can subscribe to. Same query as /meetings (from, collaborative,
 * workstream, limit; limit defaults to the most, 200). Joining details (`joinInfo`) are never in it:
 * the booking page gives them. Deterministic for the same meetings on the same day, so the ETag
 * middleware answers 304 to a subscriber whose copy is current.
 */
import type { Context } from 'hono';
import type { Meeting } from '../../src/schema/meeting.js';
import { escapeText, foldLine, placeOf, utcStamp } from '../../src/schema/ics-text.js';
import { toLondonIso } from '../london-time.js';
import { problems } from '../problems.js';
import { MAX_LIMIT, parseMeetingQuery } from '../routes/meetings.js';
import type { Storage } from '../storage/types.js';

const DAY = 24 * 3600_000;
const date = (iso: string) => toLondonIso(new Date(iso)).slice(0, 10).replace(/-/g, '');

function event(m: Meeting, host: string, stamp: string): string[] {
  const place = placeOf(m) || (m.format === 'online' ? 'Online' : '');
  const description = [
    m.collaborative,
    m.status === 'full' && 'This meeting is full.',
    m.description,
    m.format !== 'in-person' && `Joining online: the details are sent when you book${m.bookingUrl ? ` (${m.bookingUrl})` : ''}.`,
    m.accessibility && `Accessibility: ${m.accessibility}`,
  ].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(m.id)}@${host}`,
    `DTSTAMP:${stamp}`,
    ...(m.allDay
      ? [`DTSTART;VALUE=DATE:${date(m.start)}`, `DTEND;VALUE=DATE:${date(m.end)}`]
      : [`DTSTART:${utcStamp(new Date(m.start))}`, `DTEND:${utcStamp(new Date(m.end))}`]),
    `SUMMARY:${escapeText(m.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(place ? [`LOCATION:${escapeText(place)}`] : []),
    ...(m.bookingUrl ? [`URL:${new URL(m.bookingUrl).href}`] : []),
    `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

export function meetingsToCalendar(meetings: Meeting[], host: string, now: Date, name = 'Collaborative meetings'): string {
  const stamp = utcStamp(new Date(Math.floor(now.getTime() / DAY) * DAY));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//involve-widgets//meetings feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Europe/London',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...meetings.flatMap((m) => event(m, host, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function meetingsIcsHandler(storage: Storage, now: () => Date) {
  return async (c: Context): Promise<Response> => {
    const url = new URL(c.req.url);
    const query = parseMeetingQuery(url, now());
    if (Array.isArray(query)) return problems.badQuery(query);
    if (!url.searchParams.get('limit')) query.limit = MAX_LIMIT;
    const meetings = await storage.listMeetings(query);
    const name = query.collaborative ? `Collaborative meetings: ${query.collaborative}` : 'Collaborative meetings';
    c.header('cache-control', 'no-cache');
    c.header('content-type', 'text/calendar; charset=utf-8');
    c.header('content-disposition', 'inline; filename="meetings.ics"');
    return c.body(meetingsToCalendar(meetings, url.hostname, now(), name));
  };
}
