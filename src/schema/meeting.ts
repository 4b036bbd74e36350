import * as z from 'zod/mini';

export const meetingFormats = ['online', 'in-person', 'hybrid'] as const;
export const meetingStatuses = ['scheduled', 'cancelled', 'full'] as const;

// ISO 8601 date-time with an explicit offset (Z or ±hh:mm), so the London time is never a guess.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const IsoDateTime = z.string().check(
  z.regex(ISO_WITH_OFFSET),
  z.refine((v) => !Number.isNaN(Date.parse(v))),
);
const text = (max: number) => z.string().check(z.maxLength(max));

/** One Collaborative meeting from the feed. Feed text is untrusted: it is only ever rendered as text. */
export const Meeting = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    title: z.string().check(z.minLength(1), z.maxLength(300)),
    collaborative: text(300),
    start: IsoDateTime,
    end: IsoDateTime,
    format: z.enum(meetingFormats),
    location: z.optional(z.object({ name: text(300), address: z.optional(text(500)), postcode: z.optional(text(10)) })),
    joinInfo: z.optional(text(2000)),
    workstreams: z.array(z.string().check(z.maxLength(80))),
    accessibility: z.optional(text(2000)),
    description: z.optional(text(5000)),
    bookingUrl: z.optional(z.string().check(z.maxLength(2000), z.refine((v) => {
      try {
        return new URL(v).protocol === 'https:';
      } catch {
        return false;
      }
    }))),
    status: z.enum(meetingStatuses),
  })
  .check(z.refine((m) => Date.parse(m.end) > Date.parse(m.start), { path: ['end'] }));
export type Meeting = z.infer<typeof Meeting>;

export const MeetingsResponse = z.object({ meetings: z.array(z.unknown()) });
export const OptionsResponse = z.object({
  workstreams: z.optional(z.array(z.unknown())),
  services: z.optional(z.array(z.unknown())),
});
