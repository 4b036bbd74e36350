/**
 * An iCalendar file → the meetings it holds in a window, plus a report line for every event that was
 * skipped or adjusted (title, date, UID, line, why). Pure: no storage, no clock but the window.
 */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { Meeting } from '../../src/schema/zod.js';
import { builtInWorkstreams } from '../../src/schema/workstreams.js';
import { toLondonIso } from '../london-time.js';
import { cleanDescription, joinInfoFor } from './clean-text.js';
import { expand, type Occurrence, type Window } from './expand.js';
import { formatOf } from './format.js';
import { parseCalendar } from './parse.js';
import type { ReportItem } from './report.js';
import { calendarZone, instantOf } from './zones.js';

export interface CalendarImportOptions {
  /** Collaborative name when an event has no CATEGORIES naming one. */
  collaborative?: string;
  /** Workstream ids added to every meeting. */
  workstreams?: string[];
  /** Occurrences ending after this instant… (default: the start of yesterday, UTC: the same all day for every instance) */
  from?: Date;
  /** …and starting before this one are kept (default: 13 months after `from`). */
  until?: Date;
  /** Zone for floating times and dates when the file has no X-WR-TIMEZONE (default CALENDAR_TIMEZONE, else Europe/London). */
  timezone?: string;
}

export interface CalendarImport {
  meetings: Meeting[];
  /** Events (or occurrences) not imported, each with why. */
  skipped: ReportItem[];
  /** Imported, but changed on the way (end assumed, title shortened…). */
  adjusted: ReportItem[];
  /** One-off events and occurrences outside the window: counted, not stored. */
  beforeWindow: number;
  afterWindow: number;
  window: Window;
  /** False when the file was cut short or had broken events (a sync then removes nothing). */
  complete: boolean;
  /** X-WR-CALNAME, if any. */
  name?: string;
  zone: string;
}

const DAY = 24 * 3600_000;
/** Without `exceptions`, ical.js relates *every* RECURRENCE-ID in the file to each event, whatever its UID. */
const ONLY_OWN = { strictExceptions: true, exceptions: [] };
const TITLE_MAX = 300;
const workstreamIds = new Set<string>(builtInWorkstreams);
const slug = (s: string) => s.toLowerCase().trim().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const stamp = (d: Date) => d.toISOString().replace(/\.\d+|[-:]/g, '');
const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 32);

/** Default window: from the start of yesterday (UTC) for 13 months, the same for every instance all day long. */
export function defaultWindow(now = new Date()): Window {
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY - DAY);
  return { from, until: new Date(from.getTime() + 397 * DAY) };
}

/** A UID short and plain enough to be part of an id is used as it is; any other is hashed (stable, ≤ 36 characters). */
export const uidKey = (uid: string) => (uid.length <= 120 && /^[\x21-\x7e]+$/.test(uid) ? uid : `uid-${hash(uid)}`);

function text(c: ICAL.Component, name: string): string | undefined {
  const v = c.getFirstPropertyValue(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const categories = (c: ICAL.Component) =>
  c.getAllProperties('categories').flatMap((p) => p.getValues().map(String)).map((s) => s.trim()).filter(Boolean);

/** "Tuesday 13 January 2026, 18:00" in London, for the report. */
const when = (d: Date, allDay = false) =>
  d.toLocaleString('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...(allDay ? {} : { hour: '2-digit', minute: '2-digit' }) });

export function importCalendar(input: Uint8Array | string, options: CalendarImportOptions = {}): CalendarImport {
  const parsed = parseCalendar(input);
  const zone = calendarZone(parsed.timezone, options.timezone);
  const window = options.from || options.until
    ? { from: options.from ?? new Date(), until: options.until ?? new Date((options.from ?? new Date()).getTime() + 397 * DAY) }
    : defaultWindow();
  const out: CalendarImport = {
    meetings: [], skipped: [], adjusted: [], beforeWindow: 0, afterWindow: 0, window, complete: parsed.complete, zone,
    ...(parsed.name ? { name: parsed.name } : {}),
  };
  for (const p of parsed.problems) out.skipped.push({ line: p.line, ...(p.uid ? { uid: p.uid } : {}), ...(p.title ? { title: p.title } : {}), reason: p.message });

  // Masters and their exceptions by UID; duplicates of a UID kept apart.
  interface Group { master?: { event: ICAL.Event; line: number }; exceptions: { component: ICAL.Component; line: number }[]; key: string }
  const groups: Group[] = [];
  const byUid = new Map<string, Group>();
  const seenStarts = new Map<string, { seq: number; group: Group; line: number; title?: string | undefined }>();
  for (const { component, line } of parsed.events) {
    const title = text(component, 'summary');
    const givenUid = text(component, 'uid');
    let uid = givenUid;
    const start = component.getFirstPropertyValue('dtstart');
    const date = start instanceof ICAL.Time ? start.toString().replace('T', ' ') : undefined;
    const note = (reason: string, list = out.adjusted) =>
      list.push({ line, ...(givenUid ? { uid: givenUid } : {}), ...(title ? { title } : {}), ...(date ? { date } : {}), reason });
    try {
      if (!component.hasProperty('dtstart')) {
        note('no start time (DTSTART)', out.skipped);
        continue;
      }
      if (!uid) {
        uid = `nouid-${hash(`${title ?? ''}|${component.getFirstProperty('dtstart')!.toICALString()}`)}`;
        note('no UID: its id is made from its title and start, so renaming or moving it in the calendar replaces it');
      }
      if (component.hasProperty('recurrence-id')) {
        let group = byUid.get(uid);
        if (!group) byUid.set(uid, (group = { exceptions: [], key: uidKey(uid) }));
        if (!groups.includes(group)) groups.push(group);
        group.exceptions.push({ component, line });
        continue;
      }
      const startKey = `${uid}|${component.getFirstProperty('dtstart')!.toICALString()}`;
      const seq = Number(component.getFirstPropertyValue('sequence') ?? 0) || 0;
      const earlier = seenStarts.get(startKey);
      if (earlier) {
        // The same event twice (exports repeat updated copies): the higher SEQUENCE, else the later copy.
        if (seq >= earlier.seq) {
          earlier.group.master = { event: new ICAL.Event(component, ONLY_OWN), line };
          out.skipped.push({ line: earlier.line, uid, ...(earlier.title ? { title: earlier.title } : {}), ...(date ? { date } : {}), reason: `an older copy of the event on line ${line} (same UID and start); that one was imported` });
          seenStarts.set(startKey, { seq, group: earlier.group, line, title });
        } else {
          note(`an older copy of the event on line ${earlier.line} (same UID and start); that one was imported`, out.skipped);
        }
        continue;
      }
      let group = byUid.get(uid);
      if (group?.master) {
        // Another event with the same UID but another start: kept as a meeting of its own.
        const separate: Group = { exceptions: [], key: `${uidKey(uid)}#${hash(startKey).slice(0, 8)}` };
        groups.push(separate);
        separate.master = { event: new ICAL.Event(component, ONLY_OWN), line };
        seenStarts.set(startKey, { seq, group: separate, line, title });
        note('another event has the same UID: imported as a separate meeting');
        continue;
      }
      if (!group) byUid.set(uid, (group = { exceptions: [], key: uidKey(uid) }));
      if (!groups.includes(group)) groups.push(group);
      group.master = { event: new ICAL.Event(component, ONLY_OWN), line };
      seenStarts.set(startKey, { seq, group, line, title });
    } catch (err) {
      note(`could not be read (${err instanceof Error ? err.message : 'error'})`, out.skipped);
    }
  }

  for (const group of groups) {
    const occurrences: { o: Occurrence; line: number; orphan?: boolean }[] = [];
    try {
      if (group.master) {
        const { event, line } = group.master;
        for (const ex of group.exceptions) event.relateException(ex.component);
        const x = expand(event, window, zone);
        out.beforeWindow += x.before;
        out.afterWindow += x.after;
        for (const o of x.inWindow) occurrences.push({ o, line });
        if (x.capped) out.adjusted.push({ line, uid: text(event.component, 'uid'), title: text(event.component, 'summary'), reason: 'more occurrences in the window than can be stored; the latest were left out' });
      } else {
        // Changed occurrences whose series is not in the file: each imported on its own.
        for (const ex of group.exceptions) {
          const x = expand(new ICAL.Event(ex.component, ONLY_OWN), window, zone);
          out.beforeWindow += x.before;
          out.afterWindow += x.after;
          const rid = ex.component.getFirstPropertyValue('recurrence-id') as ICAL.Time;
          const tzid = ex.component.getFirstProperty('recurrence-id')?.getParameter('tzid');
          const original = x.inWindow[0] && { ...x.inWindow[0], recurrenceId: rid ? instantOf(rid, typeof tzid === 'string' ? tzid : undefined, zone) : x.inWindow[0].start };
          if (original) {
            occurrences.push({ o: original, line: ex.line, orphan: true });
          }
        }
      }
    } catch (err) {
      const c = group.master?.event.component ?? group.exceptions[0]?.component;
      out.skipped.push({ line: group.master?.line ?? group.exceptions[0]?.line, ...(c ? { uid: text(c, 'uid'), title: text(c, 'summary') } : {}), reason: `its dates could not be read (${err instanceof Error ? err.message : 'error'})` });
      continue;
    }
    for (const { o, line, orphan } of occurrences) {
      const id = o.recurrenceId ? `${group.key}@${stamp(o.recurrenceId)}` : group.key;
      const item = toMeeting(o, id, options, out, line, orphan);
      if (item) out.meetings.push(item);
    }
  }
  out.meetings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
  return out;
}

function toMeeting(o: Occurrence, id: string, options: CalendarImportOptions, out: CalendarImport, line: number, orphan?: boolean): Meeting | undefined {
  const c = o.component;
  const uid = text(c, 'uid');
  let title = text(c, 'summary');
  const ref = { line, ...(uid ? { uid } : {}), ...(title ? { title } : {}), date: when(o.start, o.allDay) };
  if (!title) {
    out.skipped.push({ ...ref, reason: 'no title (SUMMARY)' });
    return undefined;
  }
  if (orphan) out.adjusted.push({ ...ref, reason: 'a changed occurrence whose series is not in the file: imported on its own' });
  if (o.endAssumed) out.adjusted.push({ ...ref, reason: 'no end time: 1 hour assumed' });
  const cancelled = text(c, 'status')?.toUpperCase() === 'CANCELLED';
  // Outlook renames a cancelled meeting "Canceled: …"; the status says it (and the widget shows it).
  title = title.replace(/\s+/g, ' ').replace(cancelled ? /^(Canceled|Cancelled):\s*/i : /^$/, '') || title;
  if (title.length > TITLE_MAX) {
    title = `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
    out.adjusted.push({ ...ref, reason: `title shortened to ${TITLE_MAX} characters` });
  }
  const description = cleanDescription(text(c, 'description'));
  const { format, place, platform } = formatOf(c, text(c, 'location'), description.platforms);
  if (!format) {
    out.skipped.push({ ...ref, reason: 'no location and no online meeting: add a room or a Teams link in the calendar' });
    return undefined;
  }
  const cats = categories(c);
  const workstreams = [...new Set([...(options.workstreams ?? []), ...cats.map(slug).filter((x) => workstreamIds.has(x))])];
  const collaborative = cats.find((x) => /collaborative/i.test(x)) ?? options.collaborative ?? 'Collaborative meeting';
  let desc = description.text;
  if (desc && desc.length > 5000) {
    desc = `${desc.slice(0, 4999)}…`;
    out.adjusted.push({ ...ref, reason: 'description shortened to 5,000 characters' });
  }
  const url = text(c, 'url');
  const candidate = {
    id,
    title,
    collaborative: collaborative.slice(0, 300),
    start: toLondonIso(o.start),
    end: toLondonIso(o.end),
    ...(o.allDay ? { allDay: true } : {}),
    format,
    ...(place ? { location: { name: place.length > 300 ? `${place.slice(0, 299)}…` : place } } : {}),
    ...(platform ? { joinInfo: joinInfoFor(platform) } : {}),
    workstreams,
    ...(desc ? { description: desc } : {}),
    ...(url?.startsWith('https://') && !/[\u0000-\u001f\u007f]/.test(url) ? { bookingUrl: url } : {}),
    status: cancelled ? 'cancelled' : 'scheduled',
  };
  const parsed = Meeting.safeParse(candidate);
  if (!parsed.success) {
    out.skipped.push({ ...ref, reason: `not a valid meeting: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'meeting'} ${i.message}`).join('; ')}` });
    return undefined;
  }
  return parsed.data;
}
