/**
 * Occurrences of one event inside a window [from, until). Recurring events are walked from their
 * first occurrence (the pattern needs it) but only occurrences in the window count toward the cap,
 * so a weekly series running since 2012 still yields its future. The walk stops on the *original*
 * time (RECURRENCE-ID) passing the window's end, so an occurrence moved later does not end its
 * series early, and one moved into the window from beyond it is still found. EXDATE, moved and
 * cancelled occurrences and RANGE=THISANDFUTURE come from ical.js.
 */
import ICAL from 'ical.js';
import { instantOf } from './zones.js';

export interface Window {
  from: Date;
  until: Date;
}

export interface Occurrence {
  /** The component whose text applies (the master, or the exception that moved or changed this one). */
  component: ICAL.Component;
  start: Date;
  end: Date;
  allDay: boolean;
  /** The original start of this occurrence in its series (undefined for a one-off event). */
  recurrenceId?: Date;
  /** Timed event with neither DTEND nor DURATION: an hour was assumed. */
  endAssumed?: boolean;
}

export interface Expansion {
  inWindow: Occurrence[];
  /** Occurrences (or the one-off event) before / after the window: counted, not stored. */
  before: number;
  after: number;
  /** More occurrences in the window than the cap: the rest were left out. */
  capped: boolean;
}

/** Most occurrences of one series stored (a daily series over a year stays below it). */
export const MAX_OCCURRENCES_IN_WINDOW = 400;
/** Most steps walked through one series (every day since 1900 is 46,000). */
const MAX_STEPS = 60_000;
const HOUR = 3600_000;

const tzidOf = (c: ICAL.Component, name: string) => {
  const v = c.getFirstProperty(name)?.getParameter('tzid');
  return typeof v === 'string' ? v : undefined;
};

function occurrence(component: ICAL.Component, start: ICAL.Time, end: ICAL.Time, zone: string, recurrenceId?: Date, ownEnd = true): Occurrence {
  const startTzid = tzidOf(component, 'dtstart');
  const s = instantOf(start, startTzid, zone);
  let e = instantOf(end, ownEnd && component.hasProperty('dtend') ? tzidOf(component, 'dtend') : startTzid, zone);
  let endAssumed = false;
  if (e <= s && !component.hasProperty('dtend') && !component.hasProperty('duration')) {
    e = new Date(s.getTime() + (start.isDate ? 24 * HOUR : HOUR));
    endAssumed = !start.isDate;
  }
  return { component, start: s, end: e, allDay: start.isDate, ...(recurrenceId ? { recurrenceId } : {}), ...(endAssumed ? { endAssumed } : {}) };
}

export function expand(event: ICAL.Event, window: Window, zone: string): Expansion {
  const result: Expansion = { inWindow: [], before: 0, after: 0, capped: false };
  const place = (o: Occurrence) => {
    if (o.end <= window.from) result.before++;
    else if (o.start >= window.until) result.after++;
    else if (result.inWindow.length >= MAX_OCCURRENCES_IN_WINDOW) result.capped = true;
    else result.inWindow.push(o);
  };
  if (!event.isRecurring()) {
    place(occurrence(event.component, event.startDate, event.endDate, zone));
    return result;
  }
  const masterTzid = tzidOf(event.component, 'dtstart');
  const seen = new Set<string>();
  // Occurrences that surely ended before the window (two days' slack covers any zone) and were not
  // changed are only counted: a series running since 2012 walks its past quickly.
  const pastBefore = window.from.getTime() / 1000 - event.duration.toSeconds() - 2 * 86_400;
  const plain = event.rangeExceptions.length === 0;
  const it = event.iterator();
  for (let steps = 0, next = it.next(); next && steps < MAX_STEPS; next = it.next(), steps++) {
    if (plain && next.toUnixTime() < pastBefore && !(next.toString() in event.exceptions)) {
      result.before++;
      continue;
    }
    const original = instantOf(next, masterTzid, zone);
    if (original >= window.until) break;
    const details = event.getOccurrenceDetails(next);
    seen.add(next.toString());
    place(occurrence(details.item.component, details.startDate, details.endDate, zone, original, details.item !== event));
  }
  // Occurrences moved into the window from beyond its end (the walk above stopped before them).
  for (const [key, ex] of Object.entries(event.exceptions)) {
    if (seen.has(key) || !ex.recurrenceId) continue;
    const original = instantOf(ex.recurrenceId, tzidOf(ex.component, 'recurrence-id'), zone);
    if (original >= window.until) place(occurrence(ex.component, ex.startDate, ex.endDate, zone, original));
  }
  return result;
}
