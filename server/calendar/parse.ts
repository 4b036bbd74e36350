/**
 * Reads an iCalendar file the way real exports arrive: bytes with or without a BOM, CRLF or LF, lines
 * folded anywhere (even inside a multi-byte UTF-8 character, so lines are unfolded *before* decoding).
 * The structure is walked line by line, so one bad line or a truncated file costs only the event it is
 * in, and every problem names its line. ical.js parses each property; the result is one VCALENDAR
 * ical.js Component holding the zones and the complete events.
 */
import ICAL from 'ical.js';

export interface ParseProblem {
  /** 1-based line in the file (the first physical line of a folded line). */
  line: number;
  message: string;
  /** The event's UID and title when the problem is inside an event and they could be read. */
  uid?: string;
  title?: string;
}

export interface ParsedEvent {
  component: ICAL.Component;
  /** Line of its BEGIN:VEVENT. */
  line: number;
}

export interface ParsedCalendar {
  calendar: ICAL.Component;
  events: ParsedEvent[];
  problems: ParseProblem[];
  /** False when events were lost to bad lines or the file ended early: a sync must not remove on it. */
  complete: boolean;
  /** X-WR-CALNAME / X-WR-TIMEZONE, if the file has them. */
  name?: string;
  timezone?: string;
}

/** A file that has no calendar at all (empty, not iCalendar): nothing can be imported from it. */
export class CalendarFileError extends Error {}

interface LogicalLine {
  n: number;
  text: string;
}

const decoder = new TextDecoder('utf-8');

/** Physical lines → logical lines: continuation lines (starting with a space or tab) joined as bytes, then decoded. */
export function unfold(input: Uint8Array | string): LogicalLine[] {
  let bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const out: LogicalLine[] = [];
  let parts: Buffer[] = [];
  let startLine = 0;
  const flush = () => {
    if (parts.length) {
      const text = decoder.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      if (text.trim() !== '') out.push({ n: startLine, text });
    }
    parts = [];
  };
  let pos = 0;
  for (let n = 1; pos <= bytes.length; n++) {
    let end = bytes.indexOf(0x0a, pos);
    if (end < 0) end = bytes.length;
    let line = bytes.subarray(pos, end);
    if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
    if ((line[0] === 0x20 || line[0] === 0x09) && parts.length) parts.push(line.subarray(1));
    else {
      flush();
      startLine = n;
      parts.push(line);
    }
    pos = end + 1;
  }
  flush();
  return out;
}

type JCalComponent = [string, unknown[], JCalComponent[]];

interface Open {
  jcal: JCalComponent;
  line: number;
  /** First bad line inside it (the component is dropped when it closes). */
  error?: ParseProblem;
}

const propValue = (c: JCalComponent, name: string): string | undefined => {
  const p = c[1].find((x) => Array.isArray(x) && x[0] === name) as unknown[] | undefined;
  return p && typeof p[3] === 'string' ? p[3] : undefined;
};

export function parseCalendar(input: Uint8Array | string): ParsedCalendar {
  const lines = unfold(input);
  if (lines.length === 0) throw new CalendarFileError('The file is empty: export the calendar again (as an .ics file).');
  if (!/^BEGIN:VCALENDAR$/i.test(lines[0]!.text.trim())) {
    throw new CalendarFileError(`Line ${lines[0]!.n}: not an iCalendar file (it should start with BEGIN:VCALENDAR).`);
  }
  const problems: ParseProblem[] = [];
  const root: JCalComponent = ['vcalendar', [], []];
  const events: { jcal: JCalComponent; line: number }[] = [];
  const stack: Open[] = [];
  let complete = true;
  let ended = false;

  const fail = (open: Open, line: LogicalLine, message: string) => {
    open.error ??= { line: line.n, message };
  };

  for (const line of lines) {
    const text = line.text;
    const begin = /^BEGIN:([A-Za-z0-9-]+)\s*$/i.exec(text);
    const end = /^END:([A-Za-z0-9-]+)\s*$/i.exec(text);
    if (ended) {
      problems.push({ line: line.n, message: 'text after END:VCALENDAR was ignored' });
      break;
    }
    if (begin) {
      const name = begin[1]!.toLowerCase();
      if (stack.length === 0 && name === 'vcalendar') stack.push({ jcal: root, line: line.n });
      else if (stack.length === 0) problems.push({ line: line.n, message: `BEGIN:${begin[1]} outside the calendar was ignored` });
      else stack.push({ jcal: [name, [], []], line: line.n });
      continue;
    }
    if (end) {
      const name = end[1]!.toLowerCase();
      const open = stack[stack.length - 1];
      if (!open) continue;
      if (open.jcal[0] !== name) {
        // A missing END line: close the open component as broken and go on with its parent.
        if (stack.some((o) => o.jcal[0] === name)) {
          while (stack.length && stack[stack.length - 1]!.jcal[0] !== name) {
            const lost = stack.pop()!;
            fail(lost, line, `END:${lost.jcal[0].toUpperCase()} is missing before this line`);
            close(lost);
          }
        } else {
          fail(open, line, `END:${end[1]} does not match BEGIN:${open.jcal[0].toUpperCase()}`);
          continue;
        }
      }
      const closed = stack.pop()!;
      close(closed);
      if (closed.jcal === root) ended = true;
      continue;
    }
    const open = stack[stack.length - 1];
    if (!open) {
      problems.push({ line: line.n, message: 'text outside BEGIN:VCALENDAR … END:VCALENDAR was ignored' });
      continue;
    }
    try {
      const prop = ICAL.parse.property(text) as unknown as unknown[];
      open.jcal[1].push(prop);
    } catch (err) {
      fail(open, line, `not a valid iCalendar line (${err instanceof Error ? err.message.replace(/\s+/g, ' ').slice(0, 120) : 'parse error'})`);
    }
  }

  function close(open: Open): void {
    const parent = stack[stack.length - 1];
    const [name] = open.jcal;
    if (open.error) {
      complete = false;
      if (name === 'vevent') {
        problems.push({ ...open.error, ...describe(open.jcal), message: `${open.error.message}; this event was not imported` });
      } else {
        problems.push({ ...open.error, message: `${open.error.message} (in ${name.toUpperCase()} from line ${open.line}; ignored)` });
      }
      // A broken part of an event (e.g. a VALARM) breaks the event.
      if (parent && parent.jcal !== root) parent.error ??= open.error;
      return;
    }
    if (open.jcal === root || !parent) return;
    if (name === 'vevent' && parent.jcal === root) events.push({ jcal: open.jcal, line: open.line });
    else parent.jcal[2].push(open.jcal);
  }

  if (!ended) {
    complete = false;
    const last = lines[lines.length - 1]!.n;
    while (stack.length > 1) {
      const open = stack.pop()!;
      if (open.jcal[0] === 'vevent') {
        problems.push({ line: open.line, ...describe(open.jcal), message: `the file ends (line ${last}) before this event does: it was not imported; is the file complete?` });
      }
    }
    problems.push({ line: last, message: 'the file ends without END:VCALENDAR: it looks cut short, so nothing will be removed on a sync' });
  }

  for (const e of events) root[2].push(e.jcal);
  const calendar = new ICAL.Component(root as unknown as unknown[]);
  const vevents = calendar.getAllSubcomponents('vevent');
  return {
    calendar,
    events: vevents.map((component, i) => ({ component, line: events[i]!.line })),
    problems,
    complete,
    ...(propValue(root, 'x-wr-calname') ? { name: propValue(root, 'x-wr-calname')!.trim() } : {}),
    ...(propValue(root, 'x-wr-timezone') ? { timezone: propValue(root, 'x-wr-timezone')!.trim() } : {}),
  };
}

function describe(jcal: JCalComponent): { uid?: string; title?: string } {
  const uid = propValue(jcal, 'uid');
  const title = propValue(jcal, 'summary');
  return { ...(uid ? { uid } : {}), ...(title ? { title } : {}) };
}
