/**
 * The old entry point, kept for callers of `importIcs`: an iCalendar file → the meetings in a window
 * and how many events were skipped. The work is done by server/calendar/ (parse, zones, expand,
 * clean-text, format, import); `importCalendar` there also says why each was skipped.
 */
import type { Meeting } from '../src/schema/zod.js';
import { importCalendar, type CalendarImportOptions } from './calendar/import.js';

export type IcsImportOptions = CalendarImportOptions;

export interface IcsImportResult {
  meetings: Meeting[];
  skipped: number;
}

export function importIcs(source: Uint8Array | string, options: IcsImportOptions = {}): IcsImportResult {
  const result = importCalendar(source, options);
  return { meetings: result.meetings, skipped: result.skipped.length };
}
