/**
 * Which zone a calendar time is in, never the server's own: a time with a VTIMEZONE in the file uses
 * it (ical.js); UTC is UTC; a TZID with no VTIMEZONE is read as an IANA name or a Windows one
 * ("GMT Standard Time", as Outlook writes them); floating times and all-day dates are in the
 * calendar's zone: X-WR-TIMEZONE (Google, Apple), else CALENDAR_TIMEZONE, else Europe/London.
 */
import ICAL from 'ical.js';

export const DEFAULT_CALENDAR_TIMEZONE = 'Europe/London';

/** Windows zone names (Outlook / Exchange) → IANA, for the zones an NHS Trust's calendars meet. */
const WINDOWS_ZONES: Record<string, string> = {
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const validIana = new Map<string, boolean>();
function isIana(name: string): boolean {
  let ok = validIana.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
    validIana.set(name, ok);
  }
  return ok;
}

/**
 * An IANA zone for a zone name as calendars write it: IANA itself ("Europe/London", also with a
 * "/citadel.org/…/" style prefix), a Windows name, or Outlook's display form "(UTC+00:00) Dublin,
 * Edinburgh, Lisbon, London". Undefined when it cannot be known.
 */
export function ianaZone(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const n = name.trim().replace(/^"|"$/g, '');
  if (WINDOWS_ZONES[n]) return WINDOWS_ZONES[n];
  if (/^(UTC|GMT|Z)$/i.test(n)) return 'UTC';
  if (n.includes('/') && isIana(n)) return n;
  const tail = /([A-Za-z_]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)$/.exec(n)?.[1];
  if (tail && isIana(tail)) return tail;
  if (/\bLondon\b/.test(n)) return 'Europe/London';
  return undefined;
}

/** The zone for floating times and dates: the file's X-WR-TIMEZONE, else the configured one, else London. */
export function calendarZone(xWrTimezone: string | undefined, configured: string | undefined = process.env.CALENDAR_TIMEZONE): string {
  return ianaZone(xWrTimezone) ?? ianaZone(configured) ?? DEFAULT_CALENDAR_TIMEZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(zone: string, at: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(at))) p[part.type] = part.value;
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60000);
}

/** The instant a wall-clock time names in an IANA zone (month 1-12); in a spring-forward gap, the later reading. */
export function wallToInstant(zone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let t = guess - offsetMinutes(zone, guess) * 60000;
  t = guess - offsetMinutes(zone, t) * 60000;
  return new Date(t);
}

/**
 * The instant an ical.js time names. `tzid` is the TZID parameter it was written with (ical.js forgets
 * a TZID it has no VTIMEZONE for); floating times, dates and unknown TZIDs are in `fallbackZone`.
 */
export function instantOf(time: ICAL.Time, tzid: string | undefined, fallbackZone: string): Date {
  const zone = time.zone;
  const resolved = zone && zone !== ICAL.Timezone.localTimezone && (zone === ICAL.Timezone.utcTimezone || zone.tzid !== 'floating');
  if (resolved && !time.isDate) return new Date(time.toUnixTime() * 1000);
  const named = time.isDate ? undefined : ianaZone(tzid);
  return wallToInstant(named ?? fallbackZone, time.year, time.month, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute, time.isDate ? 0 : time.second);
}
