import { readFileSync } from 'node:fs';
import { importCalendar } from './import.js';
import { formatReport } from './report.js';
for (const f of ['outlook365', 'google', 'apple']) {
  const r = importCalendar(readFileSync(`server/test/fixtures/calendar/${f}.ics`), { from: new Date('2026-06-01T00:00:00Z'), until: new Date('2027-06-01T00:00:00Z') });
  console.log('=====', f, r.meetings.length, r.zone);
  const counts = new Map<string, number>();
  for (const m of r.meetings) counts.set(m.title, (counts.get(m.title) ?? 0) + 1);
  for (const m of r.meetings) if ((counts.get(m.title) ?? 0) < 4 || /Living|Carers|Older/.test(m.title)) console.log(`${m.id.slice(0, 70)} | ${m.start} ${m.end} ${m.allDay ?? ''} ${m.format} ${m.location?.name ?? ''} | ${m.title.slice(0, 60)} | ${m.joinInfo ?? ''} | ${JSON.stringify(m.description ?? '')}`);
  console.log([...counts].map(([k, v]) => `${v}x ${k.slice(0, 40)}`).join('; '));
  console.log(formatReport({ ...r }));
}
