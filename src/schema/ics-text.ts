/**
 * iCalendar (RFC 5545) text rules for a Meeting, shared by the widget's "Add to calendar" file
 * (components/involve-meetings/ics.ts) and the endpoint's GET /meetings.ics (server/calendar/ics-feed.ts),
 * so the two can't write the same meeting differently.
 */
import type { Meeting } from './meeting.js';

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped in TEXT, and any newline is written `\n`. */
export const escapeText = (value: string) => value.replace(/\r\n?|\n|[\\;,]/g, (c) => (c < ' ' ? '\\n' : `\\${c}`));

/** RFC 5545 §3.1: fold at 75 octets, never inside a UTF-8 sequence; a continuation line starts with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  let out = '';
  let room = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (size > room) {
      out += '\r\n ';
      room = 74; // the leading space is one of the 75
    }
    out += char;
    room -= size;
  }
  return out;
}

/** 20260303T180000Z */
export const utcStamp = (date: Date) => date.toISOString().replace(/\.\d+|[-:]/g, '');

/** "Foleshill Community Centre, 1 Broad Street, Coventry, CV6 5AB" */
export const placeOf = (m: Meeting) => m.location && [m.location.name, m.location.address, m.location.postcode].filter(Boolean).join(', ');
