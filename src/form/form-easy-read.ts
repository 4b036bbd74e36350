import type { Strings } from '../core/strings.js';

/**
 * Easy-read wording both forms share: the validation messages (schema keys, contract §5), in short
 * sentences and everyday words. (The send states' default wording is already plain.) Part of each
 * form's easy-read pack, never of the main bundles.
 */
export const formEasyRead: Strings = {
  optional: '(you can skip this)',
  configBlocked: 'This form does not work on this page yet. Please do not fill it in now.',
  rateLimited: 'Lots of people are using this form now. We will try again in {seconds} seconds.',
  sendFailed: 'Your answers are still here. Check you are on the internet. Then try again.',
  sendFailedServer: 'Your answers are still here. Something went wrong on our side. It is not your fault. Please try again later.',
  rateLimitedGaveUp: 'Lots of people are using this form now. Your answers are still here. Please try again later.',
  queuedTitle: 'You are not on the internet',
  queued: 'Your answers are saved. We will send them when you are back on the internet.',
  draftRestored: 'We put back the answers you gave before.',
  charactersRemaining: 'You can write {n} more letters',
  characterRemaining: 'You can write 1 more letter',
  charactersTooMany: 'You have written {n} letters too many',
  characterTooMany: 'You have written 1 letter too many',
  charactersLimit: 'You can write up to {n} letters',
  postHint: 'We will ask for your home address. To do that, we need your email address or phone number.',
  preferredLabel: 'How should we get in touch with you?',
  nameMissing: 'Write your name',
  nameTooLong: 'Your name is too long. Use 200 letters or fewer',
  emailMissing: 'Write your email address',
  emailInvalid: 'Check your email address. It should look like name@example.com',
  phoneMissing: 'Write your phone number',
  phoneInvalid: 'Check your phone number. It should look like 07700 900 982',
  postContactMissing: 'Write an email address or phone number. We need it to ask for your address',
  preferredMissing: 'Choose how we should get in touch with you',
  postcodeInvalid: 'Check your postcode. Write the first part only, like CV1',
  relationshipMissing: 'Choose who you are',
  relationshipOtherMissing: 'Tell us who you are',
  textTooLong: 'Your answer is too long. Use {max} letters or fewer',
  serviceMissing: 'Choose the service you used',
  serviceOtherMissing: 'Write the name of the service',
  ratingMissing: 'Choose how it was',
  invalidChoice: 'Choose one of the answers',
};
