import * as s from './kit.js';
import { Contact, evenWithOtherErrors, issue, limitedText, Name, Source, spamFields } from './common.js';
import { OPTION_ID } from './workstreams.js';

/** Friends and Family Test answers, in the order NHS England gives them. */
export const ratings = ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'] as const;
export const aboutYouOptions = ['uses-services', 'carer', 'family-member', 'other'] as const;
export const FEEDBACK_TEXT_MAX = 5000;
/** "Other" service, as typed. */
export const SERVICE_OTHER_MAX = 200;

/** Feedback about a service (contract §6, Feedback). Anonymous means no name or contact at all. */
export const Feedback = s
  .object({
    service: s.string('serviceMissing').check(s.minLength(1, 'serviceMissing'), s.regex(OPTION_ID, 'serviceMissing')),
    serviceOther: s.optional(limitedText(SERVICE_OTHER_MAX)),
    rating: s.enum(ratings, 'ratingMissing'),
    whatWentWell: s.optional(limitedText(FEEDBACK_TEXT_MAX)),
    whatCouldBeBetter: s.optional(limitedText(FEEDBACK_TEXT_MAX)),
    anonymous: s.boolean(),
    wantsReply: s.boolean(),
    name: s.optional(Name),
    contact: s.optional(Contact),
    aboutYou: s.optional(s.enum(aboutYouOptions, 'invalidChoice')),
    source: Source,
    ...spamFields,
  })
  .check(
    s.superRefine((f, ctx) => {
      if (f.service === 'other' && !(typeof f.serviceOther == 'string' && f.serviceOther.trim())) {
        issue(ctx, f, 'serviceOtherMissing', ['serviceOther']);
      }
      if (f.anonymous === true && (f.name !== undefined || f.contact !== undefined || f.wantsReply)) {
        issue(ctx, f, 'invalid', ['anonymous']);
      }
      if (f.wantsReply === true && f.anonymous !== true) {
        if (!f.name) issue(ctx, f, 'nameMissing', ['name']);
        if (!f.contact) issue(ctx, f, 'preferredMissing', ['contact', 'preferred']);
      }
    }, evenWithOtherErrors),
  );
export type Feedback = s.infer<typeof Feedback>;
