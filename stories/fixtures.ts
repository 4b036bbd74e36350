/**
 * Sample answers and feeds for the catalogue: what a person might really type, so each story shows a
 * believable state. Kept as data (the GOV.UK fixtures habit) so tests can share them.
 */
import type { SignupValues } from '../src/components/involve-signup/signup-form.js';
import type { Meeting } from '../src/schema/meeting.js';

/** A complete, valid sign-up. */
export const validSignup: Partial<SignupValues> = {
  name: 'Asha Patel',
  relationship: ['carer'],
  preferred: 'email',
  email: 'asha.patel@example.org',
  postcodeDistrict: 'CV1',
  interests: ['carers', 'crisis-care'],
  waysToTakePart: ['surveys', 'collaborative-meetings'],
  availability: ['weekday-evenings', 'weekends'],
  format: ['online'],
  accessNeeds: ['quiet-space'],
  accessNeedsOther: 'I may need to leave early to pick up my son from school.',
  storeDetails: true,
  contactAboutOpportunities: true,
};

/** Answers that fail validation in several places at once (no name, a bad email, no consent). */
export const invalidSignup: Partial<SignupValues> = {
  name: '',
  relationship: [],
  preferred: 'email',
  email: 'asha.patel@example',
  storeDetails: false,
};

/** A complete, valid piece of feedback (field names as in contract §6, Feedback). */
export const validFeedback: Record<string, unknown> = {
  service: 'other',
  serviceOther: 'Community mental health team, Nuneaton',
  rating: 'good',
  whatWentWell: 'The nurse listened and explained my medication clearly.',
  whatCouldBeBetter: 'It took six weeks to get the first appointment.',
  anonymous: true,
  wantsReply: false,
};

/** Feedback sent with nothing chosen: no service and no rating. */
export const invalidFeedback: Record<string, unknown> = {
  service: '',
  rating: '',
  whatWentWell: 'The staff were kind.',
};

/** Feedback from someone who wants a reply: name and contact become required. */
export const validFeedbackWithReply: Record<string, unknown> = {
  ...validFeedback,
  anonymous: false,
  wantsReply: true,
  name: 'Sam Okafor',
  preferred: 'phone',
  phone: '07700 900123',
  aboutYou: 'carer',
};

/** A 422 for feedback the client accepted: the server names the free-text field it refused. */
export const feedbackServerProblem = {
  type: 'https://involve.example.nhs.uk/problems/validation',
  title: 'Your answers need checking',
  status: 422,
  detail: 'Some answers need checking',
  errors: [{ pointer: '/whatCouldBeBetter', detail: 'Remove the web link from your answer; we cannot accept links' }],
};

/** A 422 problem response of contract §5 naming fields by JSON Pointer, as the real server words it. */
export const serverValidationProblem = {
  type: 'https://involve.example.nhs.uk/problems/validation',
  title: 'Your answers need checking',
  status: 422,
  detail: 'Some answers need checking',
  errors: [
    // Checks only the server can make: the client already accepted both answers.
    { pointer: '/contact/email', detail: 'We could not deliver email to this address. Check it, or choose another way for us to contact you' },
    { pointer: '/postcodeDistrict', detail: 'We only cover Coventry and Warwickshire. Enter a postcode district there, like CV1 or CV21' },
  ],
};

const COLLABORATIVES = ['Coventry Living Well Collaborative', 'Warwickshire North Collaborative', 'Rugby Place Collaborative'];
const WORKSTREAMS = ['community-mental-health', 'carers', 'crisis-care', 'older-adults', 'children-and-young-people', 'employment-and-housing'];
const TITLES = ['Lived experience panel', 'Carers’ forum', 'Crisis pathway co-design', 'Young people’s voice group', 'Community mental health open meeting'];

/** London offset for a UTC instant (BST from the last Sunday of March to the last Sunday of October). */
function londonIso(date: Date): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part === 'GMT+1' ? '+01:00' : '+00:00';
  const local = new Date(date.getTime() + (offset === '+01:00' ? 3600_000 : 0));
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

/**
 * `n` valid meetings from `from` on, a few a week, mixing formats, evenings and weekends. Stand-in until
 * test/fixtures/meetings.ts (makeMeetings) is shared by the meetings tests.
 */
export function sampleMeetings(n: number, { from = new Date('2026-01-05T09:00:00Z'), statuses = true } = {}): Meeting[] {
  const meetings: Meeting[] = [];
  for (let i = 0; i < n; i++) {
    const start = new Date(from.getTime() + i * 2.3 * 86_400_000);
    start.setUTCHours(i % 4 === 0 ? 18 : 10 + (i % 5), i % 2 ? 30 : 0, 0, 0);
    const end = new Date(start.getTime() + 90 * 60_000);
    const format = (['online', 'in-person', 'hybrid'] as const)[i % 3]!;
    meetings.push({
      id: `m-${i + 1}`,
      title: `${TITLES[i % TITLES.length]} (${i + 1})`,
      collaborative: COLLABORATIVES[i % COLLABORATIVES.length]!,
      start: londonIso(start),
      end: londonIso(end),
      format,
      ...(format !== 'online' ? { location: { name: 'The Wellbeing Hub', address: '12 Priory Street, Coventry', postcode: 'CV1 5FB' } } : {}),
      ...(format !== 'in-person' ? { joinInfo: 'We email the video link the day before. You can join by phone too.' } : {}),
      workstreams: [WORKSTREAMS[i % WORKSTREAMS.length]!, ...(i % 3 === 0 ? [WORKSTREAMS[(i + 2) % WORKSTREAMS.length]!] : [])],
      accessibility: 'Step-free access, hearing loop, quiet room available. Travel expenses paid.',
      description: 'An open meeting where people who use services, carers and staff shape what happens next.',
      ...(i % 2 === 0 ? { bookingUrl: `https://involve.example.nhs.uk/book/m-${i + 1}` } : {}),
      status: statuses && i % 7 === 3 ? 'cancelled' : statuses && i % 7 === 5 ? 'full' : 'scheduled',
    });
  }
  return meetings;
}
