import { commonStrings, type Strings } from '../../core/strings.js';
import { contactStrings } from '../../form/fields/contact-fields.js';

/**
 * The crisis box (contract §6). Partners outside England may reword it or change the numbers through
 * `strings`; `{number}` marks where the number's link goes. Empty overrides are ignored, so it can
 * never be blanked out.
 */
export const crisisStrings: Strings = {
  crisisTitle: 'Need help now?',
  crisisIntro: 'This form is not monitored around the clock. If you need help now:',
  crisisEmergency: 'call {number} in an emergency, or go to A&E if a life is at risk',
  crisisEmergencyNumber: '999',
  crisisNhs111: 'call NHS {number} and choose the mental health option',
  crisisNhs111Number: '111',
  crisisSamaritans: 'call Samaritans free on {number}, 24 hours a day',
  crisisSamaritansNumber: '116 123',
  crisisText: 'or text SHOUT to {number}',
  crisisTextNumber: '85258',
  crisisTextBody: 'SHOUT',
};

/** Every visible string of <involve-feedback>; override any of them with `strings`. */
export const feedbackStrings: Strings = {
  ...commonStrings,
  ...contactStrings,
  ...crisisStrings,
  title: 'Tell us about your experience',
  intro: 'Your feedback helps us improve our services. It takes about 3 minutes. You do not have to tell us who you are.',
  serviceLabel: 'Which service is your feedback about?',
  'services.community-mental-health-team': 'Community mental health team',
  'services.crisis-team': 'Crisis team or home treatment team',
  'services.inpatient-ward': 'A hospital ward',
  'services.talking-therapies': 'Talking therapies',
  'services.learning-disability-service': 'Learning disability service',
  'services.children-and-young-peoples-service': 'Children and young people’s service',
  'services.older-peoples-service': 'Older people’s service',
  'services.other': 'Another service',
  serviceOtherLabel: 'Which service?',
  ratingLabel: 'Overall, how was your experience of our service?',
  'rating.very-good': 'Very good',
  'rating.good': 'Good',
  'rating.neither': 'Neither good nor poor',
  'rating.poor': 'Poor',
  'rating.very-poor': 'Very poor',
  'rating.dont-know': 'Don’t know',
  wentWellLabel: 'What went well?',
  couldBeBetterLabel: 'What could be better?',
  'whatWentWell.textTooLong': 'What went well must be {max} characters or fewer',
  'whatCouldBeBetter.textTooLong': 'What could be better must be {max} characters or fewer',
  aboutYouLabel: 'Which of these describes you?',
  'aboutYou.uses-services': 'I use, or have used, the service',
  'aboutYou.carer': 'I am a carer for someone who uses the service',
  'aboutYou.family-member': 'I am a family member or friend of someone who uses the service',
  'aboutYou.other': 'Something else',
  'aboutYou.prefer-not-to-say': 'I prefer not to say',
  identityLegend: 'Your name and a reply',
  identityHint: 'You do not have to tell us who you are.',
  anonymousLabel: 'Send my feedback anonymously',
  anonymousHint: 'We will not ask for your name or contact details. This means we cannot reply to you.',
  replyLegend: 'Would you like a reply?',
  wantsReplyLabel: 'I would like a reply',
  wantsReplyHint: 'We will ask for your name and how to contact you.',
  nameLabel: 'Full name',
  submit: 'Send feedback',
  next: 'Continue',
  back: 'Back',
  stepOf: 'Question {n} of {total}',
  successTitle: 'Thank you for your feedback',
  /** https address of the complaints or PALS page; anything else is shown as plain text. */
  complaintsUrl: '',
  again: 'Give more feedback',
};
