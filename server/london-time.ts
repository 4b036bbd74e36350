/** Europe/London wall-clock helpers: meetings are stored and served as ISO 8601 with the London offset. */
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** Minutes London is ahead of UTC at this instant (0 in winter, 60 in summer). */
export function londonOffsetMinutes(d: Date): number {
  const parts = Object.fromEntries(formatter.formatToParts(d).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((wall - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2025-07-08T18:00:00+01:00 for an instant. */
export function toLondonIso(d: Date): string {
  const offset = londonOffsetMinutes(d);
  const wall = new Date(d.getTime() + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The instant a London wall-clock time names (month 1-12). */
export function londonTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let t = guess - londonOffsetMinutes(new Date(guess)) * 60000;
  t = guess - londonOffsetMinutes(new Date(t)) * 60000;
  return new Date(t);
}

/** An ISO date-time with an offset as given; without one (2025-03-11T18:00) it is read as London time. */
export function parseLondon(value: string): Date | undefined {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value);
  return m ? londonTime(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)) : undefined;
}
