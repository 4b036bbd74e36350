/**
 * <involve-feedback>'s messages pack: wording never needed to show the form (what happens after sending, the
 * send states, the set-up messages). The build makes it dist/involve-feedback-messages.js beside the bundles and
 * the widget imports it as soon as the form is on screen (see InvolveElement.messagesPack), so the
 * form itself shows sooner. Overrides in `strings` still win over it.
 */
import type { Strings } from '../../core/strings.js';
import { setupMessages } from '../../core/setup-messages.js';
import { formMessages } from '../../form/form-messages.js';

const feedbackMessages: Strings = {
  ...setupMessages,
  ...formMessages,
  successNext: 'What happens next',
  successBody: 'The team who run the service read all feedback. We use it, without names, to decide what to improve, and we publish what we have changed.',
  successReply: 'You asked for a reply. Someone will contact you within 10 working days.',
  successNoReply: 'We will not contact you about this feedback.',
  successComplaint: 'Feedback is not the way to make a complaint. To make a complaint, or to get help sorting out a problem with your care, contact {link}, a team that helps patients and families sort out problems.',
  complaintsLinkText: 'our Patient Advice and Liaison Service (PALS)',
  complaintsNoLink: 'Staff at any of our services can give you PALS’s phone number and email address.',
};

export default feedbackMessages;
