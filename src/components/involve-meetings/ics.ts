/**
 * A one-event iCalendar file (RFC 5545) for "Add to calendar": UTC DTSTART/DTEND, a stable UID,
 * escaped TEXT values, CRLF line ends and lines folded at 75 octets (not characters: UTF-8 bytes).
 */
import type { Meeting } from '../../schema/meeting.js';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 5545 §3.1: fold after 75 octets, never inside a UTF-8 sequence; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines spend one octet on the leading space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** 20260303T180000Z */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function meetingToIcs(m: Meeting, uidDomain: string, now = new Date()): string {
  const place = m.location ? [m.location.name, m.location.address, m.location.postcode].filter(Boolean).join(', ') : m.format === 'online' ? 'Online' : '';
  const description = [m.collaborative, m.description, m.joinInfo && `How to join: ${m.joinInfo}`, m.accessibility && `Accessibility: ${m.accessibility}`]
    .filter(Boolean)
    .join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//involve-widgets//Collaborative meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(m.id)}@${uidDomain}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${utcStamp(new Date(m.start))}`,
    `DTEND:${utcStamp(new Date(m.end))}`,
    `SUMMARY:${escapeText(m.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(place ? [`LOCATION:${escapeText(place)}`] : []),
    ...(m.bookingUrl ? [`URL:${m.bookingUrl}`] : []),
    `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Offers the file for download without a server round trip (works under a strict CSP). */
export function downloadIcs(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
