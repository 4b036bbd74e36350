/**
 * Meeting times are always shown in Europe/London, whatever the visitor's own time zone, so a
 * carer abroad or a laptop set to UTC still sees the local meeting time. Intl does the BST/GMT maths;
 * the words follow the GOV.UK style guide ("Tuesday 3 March 2026", "6pm", "6:30pm", "midday").
 */

// One formatter for every field: building one is slow (20-40 ms the first time on a page, loading
// the time-zone data), and a long list asks thousands. Built on first use, not when the script runs:
// a page with only a form never pays for it.
let london: Intl.DateTimeFormat | undefined;
const formatter = () =>
  (london ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

/** Builds the formatter in a task of its own (while the feed loads), so neither the start-up nor the first list pays. */
export const prepareLondonClock = (): void => void setTimeout(formatter);

interface LondonClock {
  weekday: string;
  day: string;
  month: string;
  year: string;
  /** 0-23 */
  hour: number;
  minute: string;
}

function clock(date: Date): LondonClock {
  const p = Object.fromEntries(formatter().formatToParts(date).map((x) => [x.type, x.value]));
  return { ...p, hour: Number(p.hour) % 24 } as LondonClock;
}

/** "Tuesday 3 March 2026" */
export function londonDate(date: Date): string {
  const c = clock(date);
  return `${c.weekday} ${c.day} ${c.month} ${c.year}`;
}

/** GOV.UK style: "10am", "6:30pm", and "midday" / "midnight" rather than an ambiguous 12. */
export function londonTime(date: Date): string {
  const { hour, minute } = clock(date);
  if (minute === '00' && hour % 12 === 0) return hour ? 'midday' : 'midnight';
  return `${hour % 12 || 12}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** Starts at 5pm or later, London time: for people who work or care in the day. */
export const isEvening = (start: Date) => clock(start).hour >= 17;

/** Saturday or Sunday in London. */
export const isWeekend = (start: Date) => /^S/.test(clock(start).weekday);

/** The month heading, like "March 2026" (also the grouping key: the list is in start order). */
export function londonMonth(date: Date): string {
  const c = clock(date);
  return `${c.month} ${c.year}`;
}

/**
 * "Tuesday 3 March 2026, 6pm to 8pm" (the end date too when it ends on another day). All day: the
 * days only, "Monday 15 June 2026 to Friday 19 June 2026" (it ends at the midnight after its last day).
 */
export function londonRange(start: Date, end: Date, allDay?: boolean): string {
  const day = londonDate(start);
  const endDay = londonDate(allDay ? new Date(+end - 1) : end);
  if (allDay) return endDay == day ? day : `${day} to ${endDay}`;
  return `${day}, ${londonTime(start)} to ${endDay === day ? '' : `${endDay}, `}${londonTime(end)}`;
}
