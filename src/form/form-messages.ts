import type { Strings } from '../core/strings.js';

/**
 * What the forms say after someone sends (retrying, offline, failed, too long) or comes back to a
 * draft: never needed to show the form, so part of each form's messages pack (see
 * InvolveElement.messagesPack), loaded just after the form is on screen.
 */
export const formMessages: Strings = {
  retrying: 'Still trying to send. Please wait.',
  rateLimited: 'Lots of people are sending forms right now. We will try again in {seconds} seconds.',
  sendFailed: 'Your answers are still here. Check your internet connection, then try again.',
  sendFailedServer: 'Your answers are still here. Something went wrong on our side, not yours. Please try again in a few minutes.',
  rateLimitedGaveUp: 'Lots of people are sending forms right now. Your answers are still here. Please try again in a few minutes.',
  queued: 'Your answers are saved on this device. We will send them when you are back online.',
  tooLong: 'Your answer is too long',
  draftRestored: 'We have filled in the answers you gave earlier.',
};
