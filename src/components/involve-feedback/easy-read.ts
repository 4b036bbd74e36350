/**
 * Easy-read wording of <involve-feedback>: short sentences, everyday words. An on-demand pack: the build
 * makes it dist/involve-feedback-easy-read.js beside the bundles, and the widget imports it only when easy
 * read is on (see InvolveElement.easyReadPack).
 */
import type { Strings } from '../../core/strings.js';
import { formEasyRead } from '../../form/form-easy-read.js';

const feedbackEasyRead: Strings = {
  ...formEasyRead,
  // One question a screen: the plain "Your answer is too long" is clear there.
  'whatWentWell.textTooLong': formEasyRead.textTooLong!,
  'whatCouldBeBetter.textTooLong': formEasyRead.textTooLong!,
  crisisTitle: 'Do you need help now?',
  crisisIntro: 'Nobody reads this form straight away. If you need help now:',
  crisisSamaritans: 'call Samaritans on {number}. It is free. They are there all day and all night',
  crisisEmergency: 'call {number} in an emergency. Or go to A&E at a hospital',
  crisisNhs111: 'call NHS {number}. Choose the mental health option',
  crisisText: 'or send a text message that says SHOUT to {number}',
  'services.community-mental-health-team': 'The mental health team near where you live',
  'services.crisis-team': 'The team that helps you at home in a crisis',
  'services.children-and-young-peoples-service': 'The service for children and young people',
  'services.older-peoples-service': 'The service for older people',
  ratingLabel: 'How was our service?',
  'rating.neither': 'OK',
  'rating.poor': 'Bad',
  'rating.very-poor': 'Very bad',
  'rating.dont-know': 'I do not know',
  'aboutYou.uses-services': 'I use the service, or I used it before',
  'aboutYou.carer': 'I look after someone who uses the service',
  'aboutYou.family-member': 'I am family or a friend of someone who uses the service',
  'aboutYou.prefer-not-to-say': 'I do not want to say',
  successReply: 'Someone will get in touch with you in the next 2 weeks.',
  successNoReply: 'We will not get in touch with you about this.',
  successComplaint: 'Do you want to complain? Or do you need help with a problem with your care? Talk to {link}. PALS is a team that helps people sort out problems.',
  complaintsLinkText: 'PALS (the Patient Advice and Liaison Service)',
  complaintsNoLink: 'Ask staff at any of our services how to get in touch with PALS.',
  again: 'Tell us something else',
  title: 'Tell us what you think',
  intro: 'We want to know what was good and what was not good. We will ask one question at a time.',
  serviceLabel: 'Which service did you use?',
  wentWellLabel: 'What was good?',
  couldBeBetterLabel: 'What could we do better?',
  aboutYouLabel: 'Who are you?',
  serviceOtherLabel: 'What is the service called?',
  // Easy read asks one plain yes/no: "Do you want us to write back to you?" (replyLegend), answered
  // by wantsReplyLabel (yes) or anonymousLabel (no).
  identityLegend: 'Do you want to tell us your name?',
  identityHint: 'You do not have to.',
  anonymousLabel: 'No. Do not ask for my name',
  anonymousHint: 'We will not know who you are.',
  replyLegend: 'Do you want us to write back to you?',
  replyHint: 'You do not have to give your name.',
  wantsReplyLabel: 'Yes, write back to me',
  wantsReplyHint: 'We will ask for your name and how to get in touch with you.',
  nameLabel: 'What is your name?',
  successTitle: 'Thank you for telling us',
  successBody: 'The team will read what you wrote. It helps them make things better.',
};

export default feedbackEasyRead;
