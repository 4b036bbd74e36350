import * as s from './kit.js';
import { Contact, evenWithOtherErrors, issue, limitedText, Name, Source, spamFields } from './common.js';
import { OPTION_ID } from './workstreams.js';

export const relationships = [
  'uses-services', 'carer', 'family-member', 'community-member', 'works-in-health-or-care', 'voluntary-sector', 'other',
] as const;
export const waysToTakePart = [
  'surveys', 'focus-groups', 'collaborative-meetings', 'interview-panels', 'co-design-workshops', 'reading-group', 'peer-networks',
] as const;
/** Access needs in the person's own words. */
export const ACCESS_NEEDS_OTHER_MAX = 1000;
export const availabilities = ['weekday-daytime', 'weekday-evenings', 'weekends'] as const;
export const formats = ['online', 'in-person', 'phone'] as const;
export const accessNeeds = [
  'easy-read', 'bsl-interpreter', 'large-print', 'step-free-access', 'hearing-loop', 'quiet-space', 'support-worker', 'travel-expenses',
] as const;

// Outward code only (the first half of a postcode): CV1, B15, SW1A, M1.
const OUTWARD_CODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]?$/;

/** A sign-up to the involvement register (contract §6, Signup). */
export const Signup = s
  .object({
    name: Name,
    contact: Contact,
    postcodeDistrict: s.optional(s.string().check(s.trim(), s.regex(OUTWARD_CODE, 'postcodeInvalid'))),
    relationship: s.array(s.enum(relationships, 'invalidChoice'), 'relationshipMissing').check(s.minLength(1, 'relationshipMissing')),
    relationshipOther: s.optional(limitedText(200)),
    interests: s.array(s.string().check(s.regex(OPTION_ID, 'invalidChoice'))).check(s.maxLength(50)),
    waysToTakePart: s.array(s.enum(waysToTakePart, 'invalidChoice')),
    availability: s.array(s.enum(availabilities, 'invalidChoice')),
    format: s.array(s.enum(formats, 'invalidChoice')),
    accessNeeds: s.array(s.enum(accessNeeds, 'invalidChoice')),
    accessNeedsOther: s.optional(limitedText(ACCESS_NEEDS_OTHER_MAX)),
    consent: s.object({
      storeDetails: s.literal(true, 'consentMissing'),
      contactAboutOpportunities: s.boolean(),
    }),
    source: Source,
    ...spamFields,
  })
  .check(
    s.superRefine((s, ctx) => {
      if (Array.isArray(s.relationship) && s.relationship.includes('other') && !(typeof s.relationshipOther == 'string' && s.relationshipOther.trim())) {
        issue(ctx, s, 'relationshipOtherMissing', ['relationshipOther']);
      }
    }, evenWithOtherErrors),
  );
export type Signup = s.infer<typeof Signup>;
