/**
 * Meeting times are always shown in Europe/London, whatever the visitor's own time zone, so a
 * carer abroad or a laptop set to UTC still sees the local meeting time. Intl does the BST/GMT maths.
 */
const TZ = 'Europe/London';

// Building a DateTimeFormat is costly; a 1,000-meeting feed would build thousands. Keep one per shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, ...options })));
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "Tuesday 3 March 2026" */
export function londonDate(date: Date): string {
  const p = parts(date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** GOV.UK style: "6pm", "6:30pm", "10am". */
export function londonTime(date: Date): string {
  const p = parts(date, { hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });
  const hour = Number(p.hour) === 0 ? 12 : Number(p.hour);
  const period = String(p.dayPeriod ?? '').toLowerCase().replace(/\./g, '').replace(/\s/g, '');
  return `${hour}${p.minute === '00' ? '' : `:${p.minute}`}${period}`;
}

/** 0-23 and weekday in London. */
function londonClock(date: Date): { hour: number; weekday: string } {
  const p = parts(date, { hour: '2-digit', hourCycle: 'h23', weekday: 'short' });
  return { hour: Number(p.hour), weekday: String(p.weekday) };
}

/** Starts at 5pm or later, London time: useful for people who work or care in the day. */
export const isEvening = (start: Date) => londonClock(start).hour >= 17;

export const isWeekend = (start: Date) => ['Sat', 'Sun'].includes(londonClock(start).weekday);

/** Sortable month key and its heading: ["2026-03", "March 2026"]. */
export function londonMonth(date: Date): [string, string] {
  const p = parts(date, { year: 'numeric', month: '2-digit' });
  const name = parts(date, { month: 'long', year: 'numeric' });
  return [`${p.year}-${p.month}`, `${name.month} ${name.year}`];
}

/** "Tuesday 3 March 2026, 6pm to 8pm" (the end date too when it ends on another day). */
export function londonRange(start: Date, end: Date): string {
  const sameDay = londonDate(start) === londonDate(end);
  return sameDay
    ? `${londonDate(start)}, ${londonTime(start)} to ${londonTime(end)}`
    : `${londonDate(start)}, ${londonTime(start)} to ${londonDate(end)}, ${londonTime(end)}`;
}
