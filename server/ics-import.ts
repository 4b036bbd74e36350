/**
 * Meetings from an iCalendar file (e.g. a calendar exported from Outlook), parsed with ical.js:
 * VTIMEZONE definitions in the file are registered (Outlook's "GMT Standard Time"), recurring events
 * are expanded over a window, moved or cancelled occurrences (RECURRENCE-ID) are honoured, and every
 * result is checked with the Meeting schema; the rest are skipped and counted.
 */
import ICAL from 'ical.js';
import { Meeting } from '../src/schema/zod.js';
import { builtInWorkstreams } from '../src/schema/workstreams.js';
import { toLondonIso } from './london-time.js';

export interface IcsImportOptions {
  /** Collaborative name when an event has no CATEGORIES naming one. */
  collaborative?: string;
  /** Workstream ids added to every meeting. */
  workstreams?: string[];
  /** Recurring events are expanded from this instant… */
  from?: Date;
  /** …to this one (default: a year later). */
  until?: Date;
}

export interface IcsImportResult {
  meetings: Meeting[];
  skipped: number;
}

const MAX_OCCURRENCES = 500;
const ONLINE = /\b(teams|zoom|online|virtual|google meet|webex)\b|https?:\/\//i;
const workstreamIds = new Set<string>(builtInWorkstreams);
const slug = (s: string) => s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function text(event: ICAL.Component, name: string): string | undefined {
  const v = event.getFirstPropertyValue(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function categories(event: ICAL.Component): string[] {
  return event.getAllProperties('categories').flatMap((p) => p.getValues().map(String)).map((s) => s.trim()).filter(Boolean);
}

function toMeeting(event: ICAL.Component, start: ICAL.Time, end: ICAL.Time, id: string, options: IcsImportOptions): unknown {
  const location = text(event, 'location');
  const description = text(event, 'description');
  const cats = categories(event);
  const teams = event.getFirstPropertyValue('x-microsoft-skypeteamsmeetingurl');
  const online = Boolean(teams) || ONLINE.test(`${location ?? ''} ${description ?? ''}`);
  const physical = location !== undefined && !ONLINE.test(location);
  const format = online && physical ? 'hybrid' : physical ? 'in-person' : 'online';
  const url = text(event, 'url');
  const workstreams = [...new Set([...(options.workstreams ?? []), ...cats.map(slug).filter((c) => workstreamIds.has(c))])];
  const collaborative = cats.find((c) => /collaborative/i.test(c)) ?? options.collaborative ?? 'Collaborative meeting';
  return {
    id: id.slice(0, 200),
    title: text(event, 'summary'),
    collaborative,
    start: toLondonIso(start.toJSDate()),
    end: toLondonIso(end.toJSDate()),
    format,
    ...(physical ? { location: { name: location!.slice(0, 300) } } : {}),
    ...(format !== 'in-person' ? { joinInfo: teams ? 'Microsoft Teams: the joining link is sent when you book.' : 'Online: the joining details are sent when you book.' } : {}),
    workstreams,
    ...(description ? { description: description.slice(0, 5000) } : {}),
    ...(url?.startsWith('https://') ? { bookingUrl: url } : {}),
    status: text(event, 'status')?.toUpperCase() === 'CANCELLED' ? 'cancelled' : 'scheduled',
  };
}

export function importIcs(source: string, options: IcsImportOptions = {}): IcsImportResult {
  const from = options.from ?? new Date();
  const until = options.until ?? new Date(from.getTime() + 366 * 24 * 3600 * 1000);
  const calendar = new ICAL.Component(ICAL.parse(source));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);

  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Component[] = [];
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id')) exceptions.push(v);
    else masters.set(String(v.getFirstPropertyValue('uid') ?? ''), new ICAL.Event(v));
  }
  for (const ex of exceptions) masters.get(String(ex.getFirstPropertyValue('uid') ?? ''))?.relateException(ex);

  const candidates: unknown[] = [];
  for (const [uid, event] of masters) {
    if (!event.isRecurring()) {
      if (event.startDate && event.endDate) candidates.push(toMeeting(event.component, event.startDate, event.endDate, uid, options));
      else candidates.push(null);
      continue;
    }
    const it = event.iterator();
    for (let n = 0, next = it.next(); next && n < MAX_OCCURRENCES; next = it.next(), n++) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate();
      if (start > until) break;
      if (details.endDate.toJSDate() < from) continue;
      const occurrenceId = `${uid}@${details.recurrenceId.toJSDate().toISOString().replace(/[-:]|\.\d+/g, '')}`;
      candidates.push(toMeeting(details.item.component, details.startDate, details.endDate, occurrenceId, options));
    }
  }

  const meetings: Meeting[] = [];
  let skipped = 0;
  for (const c of candidates) {
    const parsed = Meeting.safeParse(c);
    if (parsed.success) meetings.push(parsed.data);
    else skipped++;
  }
  return { meetings, skipped };
}
