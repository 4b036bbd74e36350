import * as z from 'zod/mini';
import { Contact, evenWithOtherErrors, limitedText, Name, Source, spamFields } from './common.js';

/** Friends and Family Test answers, in the order NHS England gives them. */
export const ratings = ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'] as const;
export const aboutYouOptions = ['uses-services', 'carer', 'family-member', 'other'] as const;
export const FEEDBACK_TEXT_MAX = 5000;

/** Feedback about a service (contract §6, Feedback). Anonymous means no name or contact at all. */
export const Feedback = z
  .object({
    service: z.string('serviceMissing').check(z.minLength(1, 'serviceMissing'), z.regex(/^[a-z0-9-]{1,80}$/, 'serviceMissing')),
    serviceOther: z.optional(limitedText(200)),
    rating: z.enum(ratings, 'ratingMissing'),
    whatWentWell: z.optional(limitedText(FEEDBACK_TEXT_MAX)),
    whatCouldBeBetter: z.optional(limitedText(FEEDBACK_TEXT_MAX)),
    anonymous: z.boolean(),
    wantsReply: z.boolean(),
    name: z.optional(Name),
    contact: z.optional(Contact),
    aboutYou: z.optional(z.enum(aboutYouOptions, 'invalidChoice')),
    source: Source,
    ...spamFields,
  })
  .check(
    z.superRefine((f, ctx) => {
      if (f.service === 'other' && !f.serviceOther?.trim()) {
        ctx.issues.push({ code: 'custom', message: 'serviceOtherMissing', path: ['serviceOther'], input: f.serviceOther });
      }
      if (f.anonymous === true && (f.name !== undefined || f.contact !== undefined || f.wantsReply)) {
        ctx.issues.push({ code: 'custom', message: 'invalid', path: ['anonymous'], input: f.anonymous });
      }
      if (f.wantsReply === true && f.anonymous !== true) {
        if (!f.name) ctx.issues.push({ code: 'custom', message: 'nameMissing', path: ['name'], input: f.name });
        if (!f.contact) ctx.issues.push({ code: 'custom', message: 'preferredMissing', path: ['contact', 'preferred'], input: f.contact });
      }
    }, evenWithOtherErrors),
  );
export type Feedback = z.infer<typeof Feedback>;
