import { groupDigits } from '../schema/numbers.js';

export type Strings = Record<string, string>;

/**
 * Merges string layers, later ones winning: defaults < easy-read < global < JSON child < property.
 * Empty overrides are ignored, so a webmaster cannot blank out a label (or the crisis text) by accident.
 */
export function mergeStrings(...layers: (Strings | undefined)[]): Strings {
  // Validation messages are not merged here: forms resolve them through messageText(), which falls
  // back to the schema's defaults, so a widget without a form doesn't carry them.
  const out: Strings = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (typeof value === 'string' && value.trim() !== '') out[key] = value;
    }
  }
  return out;
}

/** `format('You have {n} characters remaining', { n: 5 })`. Values are text; never markup. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? (typeof values[name] === 'number' ? groupDigits(values[name] as number) : String(values[name])) : whole,
  );
}

/** Strings shared by every widget (config errors, submit states); each widget adds its own. */
export const commonStrings: Strings = {
  configTitle: 'This form is not set up yet',
  configMissing: 'The website needs to give this widget an endpoint address. If you look after this website, add an endpoint attribute, like endpoint="https://involve.example.nhs.uk/api".',
  configInvalid: 'The endpoint address "{value}" is not a web address. If you look after this website, check the endpoint attribute.',
  configInsecure: 'The endpoint address "{value}" is not secure (https). If you look after this website, use an https:// address.',
  configBlocked: 'It cannot send your answers from this page yet, so please do not fill it in for now.',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  optional: '(optional)',
  submitting: 'Sending…',
  retrying: 'Still trying to send. Please wait.',
  rateLimited: 'Lots of people are sending forms right now. We will try again in {seconds} seconds.',
  sendFailedTitle: 'We could not send this',
  sendFailed: 'Your answers are still here. Check your internet connection, then try again.',
  sendFailedServer: 'Your answers are still here. Something went wrong on our side, not yours. Please try again in a few minutes.',
  tryAgain: 'Try again',
  rateLimitedGaveUp: 'Lots of people are sending forms right now. Your answers are still here. Please try again in a few minutes.',
  queuedTitle: 'You are offline',
  queued: 'Your answers are saved on this device. We will send them when you are back online.',
  tooLong: 'Your answer is too long',
  draftRestored: 'We have filled in the answers you gave earlier.',
  charactersRemaining: 'You have {n} characters remaining',
  characterRemaining: 'You have 1 character remaining',
  charactersTooMany: 'You have {n} characters too many',
  characterTooMany: 'You have 1 character too many',
  charactersLimit: 'You can enter up to {n} characters',
  emailSuggestion: 'Did you mean {suggestion}?',
  useSuggestion: 'Use {suggestion}',
  other: 'Other',
  easyReadSwitch: 'Easy read',
  standardSwitch: 'Standard version',
};
