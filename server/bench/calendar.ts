/**
 * npm run bench:calendar — a 5,000-event calendar as a long-serving involvement team's Outlook export
 * looks (most events past, weekly and monthly series running since 2012, Teams invitations in the
 * descriptions) synced into a temp SQLite file (or BENCH_DATABASE_URL), then synced again unchanged.
 * Prints events, meetings stored (only the window's) and the times; exits 1 over 5 s of CPU time or
 * if anything outside the window was stored. CPU time, not wall time, is what is judged: on a shared
 * machine the wall clock says more about the neighbours than about the sync (both are printed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncCalendar } from '../calendar/sync.js';
import { openStorage } from '../storage/open.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
/** Series, half weekly and half monthly, all running since January 2012 (the rest are one-off events). */
const SERIES = 12;
const FUTURE = 100;
const LIMIT_MS = 5000;
const now = new Date();

const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const TEAMS = 'Open to all.\\n\\n' + '_'.repeat(80) + '\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nClick here to join the meeting<https://teams.microsoft.com/l/meetup-join/x>\\nMeeting ID: 375 912 446 118\\nPasscode: x7Lq3C\\n' + '_'.repeat(80);

function calendar(): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:Microsoft Exchange Server 2010', 'VERSION:2.0', 'X-WR-CALNAME:Bench',
    'BEGIN:VTIMEZONE', 'TZID:GMT Standard Time', 'BEGIN:STANDARD', 'DTSTART:16011028T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
    'TZOFFSETFROM:+0100', 'TZOFFSETTO:-0000', 'END:STANDARD', 'BEGIN:DAYLIGHT', 'DTSTART:16010325T010000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
    'TZOFFSETFROM:-0000', 'TZOFFSETTO:+0100', 'END:DAYLIGHT', 'END:VTIMEZONE'];
  const event = (i: number, start: Date, extra: string[]) => {
    const end = new Date(start.getTime() + 90 * 60_000);
    lines.push('BEGIN:VEVENT', `UID:040000008200E00074C5B7101A82E008000000${String(i).padStart(8, '0')}`, `SUMMARY:Collaborative meeting ${i}`,
      `DTSTART;TZID=GMT Standard Time:${local(start)}`, `DTEND;TZID=GMT Standard Time:${local(end)}`,
      i % 3 ? 'LOCATION:Board Room\\, Trust HQ; Microsoft Teams Meeting' : 'LOCATION:Foleshill Community Centre',
      `DESCRIPTION:${TEAMS}`, 'X-MICROSOFT-CDO-BUSYSTATUS:BUSY', 'DTSTAMP:20250101T000000Z', ...extra, 'END:VEVENT');
  };
  for (let i = 0; i < SERIES; i++) {
    event(i, new Date(Date.UTC(2012, 0, 2 + i, 18)), [i % 2 ? 'RRULE:FREQ=WEEKLY;BYDAY=TU' : 'RRULE:FREQ=MONTHLY;BYDAY=2TU', 'EXDATE;TZID=GMT Standard Time:20130108T180000']);
  }
  const past = EVENTS - SERIES - FUTURE;
  const since = Date.UTC(2012, 0, 1);
  for (let i = 0; i < past; i++) event(SERIES + i, new Date(since + ((now.getTime() - 86_400_000 * 3 - since) * i) / past), []);
  for (let i = 0; i < FUTURE; i++) event(SERIES + past + i, new Date(now.getTime() + 86_400_000 * (3 + i * 3)), []);
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'involve-bench-calendar-'));
  const storage = openStorage(process.env.BENCH_DATABASE_URL || `sqlite:${join(dir, 'bench.db')}`);
  try {
    await storage.migrate();
    const text = calendar();
    const source = { key: 'calendar:Bench', label: 'bench calendar' };
    const timed = async () => {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      const run = await syncCalendar(storage, Buffer.from(text), { source, now });
      const used = process.cpuUsage(cpu);
      return { run, ms: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
    };
    const { run: first, ms: firstMs, wallMs: firstWall } = await timed();
    const { run: again, ms: againMs, wallMs: againWall } = await timed();
    const stored = await storage.listMeetings({ from: new Date(0), limit: 100_000 });
    const outside = stored.filter((m) => Date.parse(m.end) <= first.import.window.from.getTime() || Date.parse(m.start) >= first.import.window.until.getTime());
    console.log(`calendar: ${EVENTS} events (${SERIES} series since 2012), ${(text.length / 1e6).toFixed(1)} MB`);
    console.log(`first sync:  ${Math.round(firstMs)} ms CPU (${Math.round(firstWall)} ms wall), ${first.outcome.added} meetings stored (the window's), ${first.import.beforeWindow} past events/occurrences not stored`);
    console.log(`second sync: ${Math.round(againMs)} ms CPU (${Math.round(againWall)} ms wall), ${again.outcome.unchanged} unchanged, ${again.outcome.added + again.outcome.updated + again.outcome.removed} changed`);
    const ok = firstMs < LIMIT_MS && againMs < LIMIT_MS && outside.length === 0 && stored.length === first.outcome.added;
    console.log(ok ? `ok: under ${LIMIT_MS / 1000} s, only the window stored` : `FAILED: over ${LIMIT_MS / 1000} s or ${outside.length} meeting(s) outside the window stored`);
    if (!ok) process.exitCode = 1;
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
