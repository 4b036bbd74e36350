/**
 * Seeds realistic demo meetings for the next four months: Collaboratives meeting monthly, some in the
 * evening or at weekends, online, in person and hybrid; one cancelled and one full.
 *   npx tsx server/cli/seed-demo.ts [--if-empty]
 */
import { parseArgs } from 'node:util';
import { Meeting } from '../../src/schema/zod.js';
import { londonTime, toLondonIso } from '../london-time.js';
import { runCli, withStorage } from './common.js';

interface Series {
  slug: string;
  collaborative: string;
  title: string;
  /** nth weekday of the month (-1 = last); weekday 0 = Sunday. */
  nth: number;
  weekday: number;
  start: [number, number];
  minutes: number;
  format: Meeting['format'];
  location?: Meeting['location'];
  joinInfo?: string;
  workstreams: string[];
  accessibility?: string;
  description: string;
}

const series: Series[] = [
  {
    slug: 'living-well', collaborative: 'Coventry Living Well Collaborative', title: 'Monthly Collaborative meeting',
    nth: 2, weekday: 2, start: [18, 0], minutes: 90, format: 'online',
    joinInfo: 'On Microsoft Teams. You do not need an account: we email the joining link the day before.',
    workstreams: ['community-mental-health', 'employment-and-housing'],
    accessibility: 'Live captions on. Cameras optional. A BSL interpreter can join if you ask a week ahead.',
    description: 'People who use our community mental health services, carers and staff shape how services work. This month: the new wellbeing hubs.',
  },
  {
    slug: 'north-warwickshire', collaborative: 'North Warwickshire Collaborative', title: 'Collaborative meeting and lunch',
    nth: 1, weekday: 4, start: [10, 30], minutes: 150, format: 'in-person',
    location: { name: 'Nuneaton Methodist Church Hall', address: 'Abbey Street, Nuneaton', postcode: 'CV11 5BT' },
    workstreams: ['older-adults', 'physical-health'],
    accessibility: 'Step-free access, hearing loop and a quiet room. Lunch provided; travel expenses paid.',
    description: 'A friendly meeting about services for older adults, with time to talk over lunch.',
  },
  {
    slug: 'carers', collaborative: "Carers' Collaborative", title: "Carers' Saturday session",
    nth: -1, weekday: 6, start: [10, 30], minutes: 120, format: 'hybrid',
    location: { name: 'Central Library', address: 'Smithford Way, Coventry', postcode: 'CV1 1FY' },
    joinInfo: 'Join in the room or on Zoom; we send the link when you book.',
    workstreams: ['carers', 'crisis-care'],
    accessibility: 'Step-free access. Replacement care costs can be covered: ask us.',
    description: 'For family members and friends who care for someone using our services. Weekend, so people who work can come.',
  },
  {
    slug: 'young-people', collaborative: "Children and Young People's Collaborative", title: 'Youth voice evening',
    nth: 3, weekday: 3, start: [17, 30], minutes: 90, format: 'online',
    joinInfo: 'On Microsoft Teams. Under-16s join with a parent or carer\'s agreement.',
    workstreams: ['children-and-young-people'],
    description: 'Young people aged 14-25 help shape CAMHS and transition to adult services. Vouchers for your time.',
  },
  {
    slug: 'rugby-communities', collaborative: 'Rugby and South Warwickshire Collaborative', title: 'Community conversations',
    nth: 4, weekday: 1, start: [13, 0], minutes: 120, format: 'in-person',
    location: { name: 'Benn Partnership Centre', address: 'Railway Terrace, Rugby', postcode: 'CV21 3HR' },
    workstreams: ['refugees-and-asylum-seekers', 'community-mental-health'],
    accessibility: 'Interpreters for Arabic, Dari and Tigrinya if you tell us the week before.',
    description: 'Talking with refugee and asylum-seeker communities about getting mental health support.',
  },
];

function nthWeekday(year: number, month: number, nth: number, weekday: number): number {
  if (nth > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((weekday - first + 7) % 7) + (nth - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return lastDay - ((last - weekday + 7) % 7);
}

export function demoMeetings(now: Date = new Date(), months = 4): Meeting[] {
  const out: Meeting[] = [];
  for (let i = 0; i < months; i++) {
    const ref = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1));
    const year = ref.getUTCFullYear();
    const month = ref.getUTCMonth() + 1;
    for (const s of series) {
      const start = londonTime(year, month, nthWeekday(year, month, s.nth, s.weekday), s.start[0], s.start[1]);
      if (start < now) continue;
      const meeting: Meeting = {
        id: `demo-${s.slug}-${year}-${String(month).padStart(2, '0')}`,
        title: s.title,
        collaborative: s.collaborative,
        start: toLondonIso(start),
        end: toLondonIso(new Date(start.getTime() + s.minutes * 60000)),
        format: s.format,
        ...(s.location ? { location: s.location } : {}),
        ...(s.joinInfo ? { joinInfo: s.joinInfo } : {}),
        workstreams: s.workstreams,
        ...(s.accessibility ? { accessibility: s.accessibility } : {}),
        description: s.description,
        bookingUrl: `https://involve.example.nhs.uk/book/${s.slug}`,
        status: 'scheduled',
      };
      out.push(Meeting.parse(meeting));
    }
  }
  out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  // A realistic feed has the odd change: one full, one cancelled.
  if (out[2]) out[2] = { ...out[2], status: 'full' };
  if (out[5]) out[5] = { ...out[5], status: 'cancelled' };
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(async () => {
    const { values } = parseArgs({ options: { 'if-empty': { type: 'boolean' } } });
    await withStorage(async (storage) => {
      if (values['if-empty'] && (await storage.countMeetings()) > 0) return console.log('Meetings already stored; not seeding.');
      const meetings = demoMeetings();
      for (const m of meetings) await storage.upsertMeeting(m);
      console.log(`Seeded ${meetings.length} demo meetings.`);
    });
  }, 'Usage: npx tsx server/cli/seed-demo.ts [--if-empty]');
}
