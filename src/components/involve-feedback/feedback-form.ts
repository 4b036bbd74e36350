/** How <involve-feedback>'s answers become the contract's Feedback payload, and the field order. */
import type { FormSpec } from '../../form/form-controller.js';
import { Feedback } from '../../schema/feedback.js';
import { chosenContact } from '../../form/fields/contact-fields.js';

export interface FeedbackValues {
  [key: string]: string | boolean | string[];
  service: string;
  serviceOther: string;
  rating: string;
  whatWentWell: string;
  whatCouldBeBetter: string;
  aboutYou: string;
  anonymous: boolean;
  wantsReply: boolean;
  name: string;
  preferred: string;
  email: string;
  phone: string;
  honeypot: string;
}

/**
 * Built-in services (ids; labels are strings `services.{id}`), used unless the page or `GET /options`
 * gives a list. The contract has none of its own: these are the Trust's main kinds of service.
 */
export const builtInServices = [
  'community-mental-health-team',
  'crisis-team',
  'inpatient-ward',
  'talking-therapies',
  'learning-disability-service',
  'children-and-young-peoples-service',
  'older-peoples-service',
  'other',
] as const;

/** "Prefer not to say": lets someone take back an answer to an optional radio question; never sent. */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** Asked only of someone who wants a reply. */
export const REPLY_FIELDS = ['name', 'preferred', 'email', 'phone'];

const text = (v: string) => v.trim();
const optionalText = (v: string) => (v.trim() ? v.trim() : undefined);

export const feedbackForm: FormSpec<FeedbackValues> = {
  form: 'feedback',
  path: '/feedback',
  schema: Feedback,
  initialValues: () => ({
    service: '', serviceOther: '', rating: '', whatWentWell: '', whatCouldBeBetter: '', aboutYou: '',
    anonymous: false, wantsReply: false, name: '', preferred: '', email: '', phone: '', honeypot: '',
  }),
  toAnswers(v) {
    const wellText = optionalText(v.whatWentWell);
    const betterText = optionalText(v.whatCouldBeBetter);
    // Anonymous wins over everything typed earlier: the values stay in this tab's draft in case the
    // person changes their mind, but name and contact never leave the browser.
    const reply = !v.anonymous && v.wantsReply;
    const aboutYou = v.aboutYou && v.aboutYou !== PREFER_NOT_TO_SAY ? v.aboutYou : undefined;
    return {
      service: v.service,
      ...(v.service === 'other' ? { serviceOther: text(v.serviceOther) } : {}),
      rating: v.rating,
      ...(wellText ? { whatWentWell: wellText } : {}),
      ...(betterText ? { whatCouldBeBetter: betterText } : {}),
      ...(aboutYou ? { aboutYou } : {}),
      anonymous: v.anonymous,
      wantsReply: reply,
      ...(reply ? { name: text(v.name), contact: chosenContact(v) } : {}),
    };
  },
  fieldOrder: [
    'service', 'serviceOther', 'rating', 'whatWentWell', 'whatCouldBeBetter', 'aboutYou',
    'anonymous', 'wantsReply', 'name', 'preferred', 'email', 'phone',
  ],
  pointerAliases: { '/contact': 'preferred' },
  textFields: ['whatWentWell', 'whatCouldBeBetter', 'serviceOther', 'name'],
  steps: [
    ['service', 'serviceOther'],
    ['rating'],
    ['whatWentWell'],
    ['whatCouldBeBetter'],
    ['aboutYou'],
    ['anonymous'],
    ['wantsReply'],
    ['name'],
    ['preferred', 'email', 'phone'],
  ],
  // (Easy read only.) The anonymity step asks "Do you want us to write back to you?" as one yes/no, so
  // the reply tick box is never a step of its own; no name or contact without a reply.
  asked: (field, v) => field !== 'wantsReply' && (!REPLY_FIELDS.includes(field) || (!v.anonymous && v.wantsReply)),
};
