/**
 * A one-event iCalendar file (RFC 5545) for "Add to calendar": UTC DTSTART/DTEND (DATE values for an
 * all-day meeting), a stable UID,
 * escaped TEXT values, CRLF line ends and lines folded at 75 octets (not characters: UTF-8 bytes).
 */
import type { Meeting } from '../../schema/meeting.js';
import { escapeText, foldLine, placeOf, utcStamp } from '../../schema/ics-text.js';

export { escapeText, foldLine, placeOf, utcStamp };

export function meetingToIcs(m: Meeting, uidDomain: string, now = new Date()): string {
  // All day: DATE values (the feed writes all-day meetings as London midnights, so the date is the string's own).
  const time = (name: string, iso: string) => (m.allDay ? `${name};VALUE=DATE:${iso.slice(0, 10).replace(/\.\d+|[-:]/g, '')}` : `${name}:${utcStamp(new Date(iso))}`);
  const place = placeOf(m) || (m.format === 'online' ? 'Online' : '');
  const description = [m.collaborative, m.description, m.joinInfo && `How to join: ${m.joinInfo}`, m.accessibility && `Accessibility: ${m.accessibility}`]
    .filter(Boolean)
    .join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//involve-widgets//meetings//EN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(m.id)}@${uidDomain}`,
    `DTSTAMP:${utcStamp(now)}`,
    time('DTSTART', m.start),
    time('DTEND', m.end),
    `SUMMARY:${escapeText(m.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(place ? [`LOCATION:${escapeText(place)}`] : []),
    // As the URL parser writes it back: percent-encoded, with no line break to start a property of its own.
    ...(m.bookingUrl ? [`URL:${new URL(m.bookingUrl).href}`] : []),
    // No STATUS line: a cancelled meeting offers no "Add to calendar" in the first place.
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** "Living Well meeting.ics": the title without characters file systems refuse. */
export const icsFilename = (m: Meeting) => `${m.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 60) || 'meeting'}.ics`;

/**
 * Offers the file for download without a server round trip: a blob: URL on an `<a download>`, clicked
 * inside the widget's own shadow root (the host page's DOM is never touched), and removed in the same
 * task (never painted). Works under the strict
 * CSP of contract §1, which governs fetches and scripts, not downloads (checked in Chromium by
 * test/meetings/calendar-csp.test.mjs).
 */
export function downloadIcs(container: ParentNode, text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  container.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
