/**
 * Easy-read wording of <involve-signup>: short sentences, everyday words. An on-demand pack: the build
 * makes it dist/involve-signup-easy-read.js beside the bundles, and the widget imports it only when easy
 * read is on (see InvolveElement.easyReadPack).
 */
import type { Strings } from '../../core/strings.js';
import { formEasyRead } from '../../form/form-easy-read.js';

const signupEasyRead: Strings = {
  ...formEasyRead,
  title: 'Join our group of people who help',
  intro: 'We want to hear from you. Answer some short questions. We will ask one question at a time.',
  nameLabel: 'What is your name?',
  relationshipLabel: 'Who are you?',
  relationshipHint: 'Choose all that are true for you.',
  relationshipOtherLabel: 'Tell us who you are',
  postcodeLabel: 'The first part of your postcode',
  postcodeHint: 'Like CV1 or B15. We use it to tell you about things near you.',
  interestsLabel: 'What do you want to help with?',
  interestsHint: 'You can choose more than one.',
  waysLabel: 'How do you want to help?',
  waysHint: 'You can choose more than one. You can change your mind later.',
  availabilityLabel: 'When are you free?',
  availabilityHint: 'Lots of our meetings are in the evening or at the weekend.',
  formatLabel: 'How do you want to meet?',
  formatHint: 'You can choose more than one.',
  accessLabel: 'Do you need help to take part?',
  accessHint: 'You can choose more than one.',
  accessOtherLabel: 'Is there anything else you need to take part?',
  consentLegend: 'Can we keep your details?',
  storeDetailsHint: 'We keep your details safe. We do not give them to anyone else. You can ask us to delete them at any time.',
  contactAboutOpportunitiesLabel: 'Yes, send me news about other ways to help',
  storeDetailsLabel: 'Yes, you can keep my details to get in touch with me',
  successTitle: 'Thank you. You have joined.',
  successBody: 'We will get in touch with you in the next 2 weeks.',
};

export default signupEasyRead;
