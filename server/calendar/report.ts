/**
 * What an import or sync did, in words the involvement team can act on: counts, then every skipped or
 * adjusted event with its title, date, UID, line in the file and why.
 */
import { toLondonIso } from '../london-time.js';

export interface ReportItem {
  title?: string;
  /** When it happens (London), for events that got that far. */
  date?: string;
  uid?: string;
  /** Line in the file. */
  line?: number;
  reason: string;
}

export interface SyncCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

export interface ReportInput extends Partial<SyncCounts> {
  source?: string;
  skipped: ReportItem[];
  adjusted: ReportItem[];
  beforeWindow: number;
  afterWindow: number;
  window: { from: Date; until: Date };
  complete: boolean;
  /** Why nothing was applied, when nothing was (sync refused). */
  refused?: string;
  /** Meetings whose id another source (or a person) already uses. */
  conflicts?: ReportItem[];
}

/** The London date, as the team's calendar shows it. */
const day = (d: Date) => toLondonIso(d).slice(0, 10);

function item(i: ReportItem): string {
  const what = [i.title ? `"${i.title.length > 80 ? `${i.title.slice(0, 79)}…` : i.title}"` : '(no title)', i.date, i.uid && `UID ${i.uid.length > 60 ? `${i.uid.slice(0, 59)}…` : i.uid}`, i.line && `line ${i.line}`]
    .filter(Boolean)
    .join(', ');
  return `  - ${what}: ${i.reason}`;
}

export function formatReport(r: ReportInput): string {
  const lines: string[] = [];
  if (r.refused) lines.push(`NOT APPLIED: ${r.refused}`);
  if (r.added !== undefined) {
    lines.push(`${r.source ? `${r.source}: ` : ''}${r.added} added, ${r.updated} updated, ${r.removed} removed, ${r.unchanged} unchanged, ${r.skipped.length + (r.conflicts?.length ?? 0)} skipped.`);
  }
  lines.push(`Window: meetings ending after ${day(r.window.from)} and starting before ${day(r.window.until)}; ${r.beforeWindow} event(s) or occurrence(s) ended before the window and ${r.afterWindow} start after it (not stored).`);
  if (!r.complete) lines.push('The file was incomplete or had broken events, so no meeting was removed this time.');
  const skipped = [...r.skipped, ...(r.conflicts ?? [])];
  if (skipped.length) lines.push(`Skipped (${skipped.length}):`, ...skipped.map(item));
  if (r.adjusted.length) lines.push(`Imported with changes (${r.adjusted.length}):`, ...r.adjusted.map(item));
  return lines.join('\n');
}
