/**
 * Easy-read wording of <involve-signup>: short sentences, everyday words. An on-demand pack: the build
 * makes it dist/involve-signup-easy-read.js beside the bundles, and the widget imports it only when easy
 * read is on (see InvolveElement.easyReadPack).
 */
import type { Strings } from '../../core/strings.js';
import { formEasyRead } from '../../form/form-easy-read.js';
import { workstreamEasyRead } from '../../core/workstream-easy-read.js';

const signupEasyRead: Strings = {
  ...formEasyRead,
  ...workstreamEasyRead,
  title: 'Join our group of people who help',
  intro: 'We want to hear from you. Answer some short questions. We will ask one question at a time.',
  'relationship.uses-services': 'I use our services, or I used them before',
  'relationship.carer': 'I look after someone (I am a carer)',
  'relationship.family-member': 'I am family or a friend of someone who uses our services',
  'relationship.community-member': 'I live near here',
  'relationship.works-in-health-or-care': 'I work in health or care',
  'relationship.voluntary-sector': 'I help at a charity or community group',
  'ways.surveys': 'Answer questions on paper or online',
  'ways.focus-groups': 'Talk in a small group',
  // "Collaborative" explained where the sign-up first uses it.
  'ways.collaborative-meetings': 'Come to a meeting every month. There, people who use our services and staff make plans together.',
  'ways.interview-panels': 'Help choose new staff',
  'ways.co-design-workshops': 'Help plan new services',
  'ways.reading-group': 'Check our leaflets and letters are easy to read',
  'ways.peer-networks': 'Help other people who have been through the same things as you',
  'availability.weekday-daytime': 'Monday to Friday, in the day',
  'availability.weekday-evenings': 'Monday to Friday, in the evening',
  'format.online': 'Online, on a video call',
  'format.in-person': 'Face to face',
  'format.phone': 'On the phone',
  'access.easy-read': 'Easy read papers',
  'access.bsl-interpreter': 'Someone who signs in British Sign Language (BSL)',
  'access.large-print': 'Big writing',
  'access.step-free-access': 'No steps, for a wheelchair',
  'access.hearing-loop': 'A hearing loop, for hearing aids',
  'access.quiet-space': 'A quiet room',
  'access.support-worker': 'To bring someone who helps me',
  'access.travel-expenses': 'Money back for travel',
  successDelete: 'You can ask us to change your details. You can ask us to delete them too.',
  again: 'Sign up another person',
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
