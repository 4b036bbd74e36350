/**
 * A calendar is a *source*: syncing it makes the meetings from that source equal to what the calendar
 * says now (inside the window), in one transaction. Meetings added by hand or from other calendars
 * are never touched. Ids are stable (UID, plus the original start for an occurrence of a series), so
 * a renamed or moved meeting is updated, not duplicated, and an occurrence that is deleted, excluded
 * (EXDATE) or whose series changed time is removed.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Storage, SyncOutcome } from '../storage/types.js';
import { defaultWindow, importCalendar, type CalendarImport, type CalendarImportOptions } from './import.js';
import type { ReportInput } from './report.js';

export interface CalendarSource {
  /** Stored with each meeting (≤ 300 characters); never a secret. */
  key: string;
  /** How reports and logs name it. */
  label: string;
}

/**
 * A published calendar URL often holds a secret token (Outlook's "Publish calendar" links do): the
 * source key is a hash of it and the label shows only its host.
 */
export function urlSource(url: string): CalendarSource {
  const u = new URL(url);
  return { key: `url:${createHash('sha256').update(u.href).digest('hex').slice(0, 24)}`, label: `calendar at ${u.host}` };
}

/** A file: `--source NAME` if given, else the calendar's own name (X-WR-CALNAME), else the file name without " (2)" and ".ics". */
export function fileSource(path: string, calendarName: string | undefined, given?: string): CalendarSource {
  const name = given ?? calendarName ?? basename(path).replace(/\.ics$/i, '').replace(/\s*\(\d+\)$/, '');
  const key = `calendar:${name.trim().slice(0, 280)}`;
  return { key, label: `calendar "${name.trim()}"` };
}

export interface SyncRun {
  import: CalendarImport;
  outcome: SyncOutcome;
  report: ReportInput;
}

export interface SyncCalendarOptions extends CalendarImportOptions {
  allowEmpty?: boolean;
  now?: Date;
  /** Decide the source once the file is read (its X-WR-CALNAME), e.g. for files. */
  source: CalendarSource | ((parsed: CalendarImport) => CalendarSource);
  /** Called with the import before anything is stored; throwing stops the sync. */
  beforeApply?(imported: CalendarImport): void;
}

export async function syncCalendar(storage: Storage, input: Uint8Array | string, options: SyncCalendarOptions): Promise<SyncRun> {
  // The window follows the sync's clock (day-aligned, so every instance agrees), unless given.
  const imported = importCalendar(input, options.from || options.until ? options : { ...options, ...defaultWindow(options.now ?? new Date()) });
  options.beforeApply?.(imported);
  const source = typeof options.source === 'function' ? options.source(imported) : options.source;
  const outcome = await storage.syncMeetings(source.key, imported.meetings, {
    label: source.label,
    removeMissing: imported.complete,
    allowEmpty: options.allowEmpty ?? false,
    now: options.now ?? new Date(),
  });
  const report: ReportInput = {
    source: source.label,
    added: outcome.added,
    updated: outcome.updated,
    removed: outcome.removed,
    unchanged: outcome.unchanged,
    skipped: imported.skipped,
    adjusted: imported.adjusted,
    beforeWindow: imported.beforeWindow,
    afterWindow: imported.afterWindow,
    window: imported.window,
    complete: imported.complete,
    ...(outcome.refused ? { refused: outcome.refused } : {}),
    conflicts: outcome.conflicts.map((c) => ({ title: c.title, reason: `id ${c.id} already belongs to ${c.owner}: not changed` })),
  };
  return { import: imported, outcome, report };
}
