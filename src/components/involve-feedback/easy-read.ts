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
  title: 'Tell us what you think',
  intro: 'We want to know what was good and what was not good. We will ask one question at a time.',
  serviceLabel: 'Which service did you use?',
  wentWellLabel: 'What was good?',
  couldBeBetterLabel: 'What could we do better?',
  aboutYouLabel: 'Who are you?',
  serviceOtherLabel: 'What is the service called?',
  identityLegend: 'Do you want to tell us your name?',
  identityHint: 'You do not have to.',
  anonymousLabel: 'Do not ask for my name',
  anonymousHint: 'We will not know who you are. We cannot write back to you.',
  replyLegend: 'Do you want us to write back to you?',
  wantsReplyLabel: 'Yes, write back to me',
  wantsReplyHint: 'We will ask for your name and how to get in touch with you.',
  nameLabel: 'What is your name?',
  successTitle: 'Thank you for telling us',
  successBody: 'The team will read what you wrote. It helps them make things better.',
};

export default feedbackEasyRead;
