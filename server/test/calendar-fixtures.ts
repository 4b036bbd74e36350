/** The Outlook 365 fixture as byte-exact text, and the same calendar after the team edits it. */
import { readFileSync } from 'node:fs';

/** Byte-exact text (latin1) so edits keep the file's split UTF-8 folds as they are. */
export const outlookText = readFileSync(new URL('./fixtures/calendar/outlook365.ics', import.meta.url)).toString('latin1');
export const bytes = (text: string) => Buffer.from(text, 'latin1');

/** The team edits its calendar: one event deleted, one occurrence excluded, a series' time changed, one renamed. */
export function edited(text: string): string {
  return text
    .replace(/BEGIN:VEVENT\r\nUID:[^\r]*F60009[\s\S]*?END:VEVENT\r\n/, '') // Service user forum deleted
    .replace('EXDATE;TZID=GMT Standard Time:20260811T180000', 'EXDATE;TZID=GMT Standard Time:20260811T180000,20260908T180000')
    .replace('DTSTART;TZID=GMT Standard Time:20120110T140000', 'DTSTART;TZID=GMT Standard Time:20120110T150000')
    .replace('DTEND;TZID=GMT Standard Time:20120110T153000', 'DTEND;TZID=GMT Standard Time:20120110T163000')
    .replace('SUMMARY:Collaboratives\' away day', 'SUMMARY:Collaboratives\' summer away day');
}

