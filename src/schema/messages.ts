/**
 * Validation messages, keyed. Schemas carry only the key, so the widgets can show overridden or
 * easy-read wording while the server answers with the default English text in `detail`.
 * Wording follows the GOV.UK pattern: say what to do, not what went wrong.
 */
import { groupDigits } from './numbers.js';

export const validationMessages = {
  nameMissing: 'Enter your full name',
  nameTooLong: 'Full name must be 200 characters or fewer',
  emailMissing: 'Enter your email address',
  emailInvalid: 'Enter an email address like name@example.com',
  phoneMissing: 'Enter your phone number',
  phoneInvalid: 'Enter a telephone number, like 01632 960 001 or 07700 900 982',
  postContactMissing: 'Enter an email address or phone number so we can ask for your postal address',
  preferredMissing: 'Select how you would like us to contact you',
  postcodeInvalid: 'Enter the first half of your postcode, like CV1 or B15',
  relationshipMissing: 'Select how you are connected to our services',
  relationshipOtherMissing: 'Tell us how you are connected',
  textTooLong: 'Your answer must be {max} characters or fewer',
  consentMissing: 'Tick the box to say we can keep your details',
  serviceMissing: 'Select the service your feedback is about',
  serviceOtherMissing: 'Enter the name of the service',
  ratingMissing: 'Select how your experience of our service was',
  invalidChoice: 'Select one of the options',
  invalid: 'Check this answer',
} as const;

export type MessageKey = keyof typeof validationMessages;

/**
 * Turns a schema message key (possibly `textTooLong:5000`) into English text. A `field.key` string
 * (`whatWentWell.textTooLong`) names the question, for forms where several fields share a key.
 */
export function messageText(keyWithArg: string, messages: Record<string, string> = validationMessages, field?: string): string {
  const [key, arg] = keyWithArg.split(':');
  const text = (field ? messages[`${field}.${key}`] : undefined) ?? messages[key!] ?? validationMessages[key as MessageKey] ?? keyWithArg;
  return arg === undefined ? text : text.replace('{max}', groupDigits(Number(arg)));
}
