import * as s from './kit.js';

export const meetingFormats = ['online', 'in-person', 'hybrid'] as const;
export const meetingStatuses = ['scheduled', 'cancelled', 'full'] as const;

// ISO 8601 date-time with an explicit offset (Z or ±hh:mm), so the London time is never a guess.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const IsoDateTime = s.string().check(
  s.regex(ISO_WITH_OFFSET),
  s.refine((v) => !Number.isNaN(Date.parse(v))),
);
const text = (max: number) => s.string().check(s.maxLength(max));

/** One Collaborative meeting from the feed. Feed text is untrusted: it is only ever rendered as text. */
export const Meeting = s
  .object({
    id: s.string().check(s.minLength(1), s.maxLength(200)),
    title: s.string().check(s.minLength(1), s.maxLength(300)),
    collaborative: text(300),
    start: IsoDateTime,
    end: IsoDateTime,
    /** The whole day(s): start and end are London midnights, end exclusive (optional; absent = timed). */
    allDay: s.optional(s.boolean()),
    format: s.enum(meetingFormats),
    location: s.optional(s.object({ name: text(300), address: s.optional(text(500)), postcode: s.optional(text(10)) })),
    joinInfo: s.optional(text(2000)),
    workstreams: s.array(s.string().check(s.maxLength(80))),
    accessibility: s.optional(text(2000)),
    description: s.optional(text(5000)),
    bookingUrl: s.optional(s.string().check(s.maxLength(2000), s.refine((v) => {
      // Control characters too: the URL parser would quietly drop a CR/LF that a calendar file won't.
      if (/[\u0000-\u001f\u007f]/.test(v)) return false;
      try {
        return new URL(v).protocol === 'https:';
      } catch {
        return false;
      }
    }))),
    status: s.enum(meetingStatuses),
  })
  .check(s.refine((m) => Date.parse(m.end) > Date.parse(m.start), { path: ['end'] }));
export type Meeting = s.infer<typeof Meeting>;
