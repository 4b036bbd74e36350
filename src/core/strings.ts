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
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  optional: '(optional)',
  submitting: 'Sending…',
  sendFailedTitle: 'We could not send this',
  tryAgain: 'Try again',
  queuedTitle: 'You are offline',
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
