import * as z from 'zod/mini';
import { Contact, evenWithOtherErrors, limitedText, Name, Source, spamFields } from './common.js';

export const relationships = [
  'uses-services', 'carer', 'family-member', 'community-member', 'works-in-health-or-care', 'voluntary-sector', 'other',
] as const;
export const waysToTakePart = [
  'surveys', 'focus-groups', 'collaborative-meetings', 'interview-panels', 'co-design-workshops', 'reading-group', 'peer-networks',
] as const;
export const availabilities = ['weekday-daytime', 'weekday-evenings', 'weekends'] as const;
export const formats = ['online', 'in-person', 'phone'] as const;
export const accessNeeds = [
  'easy-read', 'bsl-interpreter', 'large-print', 'step-free-access', 'hearing-loop', 'quiet-space', 'support-worker', 'travel-expenses',
] as const;

// Outward code only (the first half of a postcode): CV1, B15, SW1A, M1.
const OUTWARD_CODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]?$/;

/** A sign-up to the involvement register (contract §6, Signup). */
export const Signup = z
  .object({
    name: Name,
    contact: Contact,
    postcodeDistrict: z.optional(z.string().check(z.trim(), z.regex(OUTWARD_CODE, 'postcodeInvalid'))),
    relationship: z.array(z.enum(relationships, 'invalidChoice'), 'relationshipMissing').check(z.minLength(1, 'relationshipMissing')),
    relationshipOther: z.optional(limitedText(200)),
    interests: z.array(z.string().check(z.regex(/^[a-z0-9-]{1,80}$/, 'invalidChoice'))).check(z.maxLength(50)),
    waysToTakePart: z.array(z.enum(waysToTakePart, 'invalidChoice')),
    availability: z.array(z.enum(availabilities, 'invalidChoice')),
    format: z.array(z.enum(formats, 'invalidChoice')),
    accessNeeds: z.array(z.enum(accessNeeds, 'invalidChoice')),
    accessNeedsOther: z.optional(limitedText(1000)),
    consent: z.object({
      storeDetails: z.literal(true, 'consentMissing'),
      contactAboutOpportunities: z.boolean(),
    }),
    source: Source,
    ...spamFields,
  })
  .check(
    z.superRefine((s, ctx) => {
      if (Array.isArray(s.relationship) && s.relationship.includes('other') && !s.relationshipOther?.trim()) {
        ctx.issues.push({ code: 'custom', message: 'relationshipOtherMissing', path: ['relationshipOther'], input: s.relationshipOther });
      }
    }, evenWithOtherErrors),
  );
export type Signup = z.infer<typeof Signup>;
