/**
 * <involve-signup>'s messages pack: wording never needed to show the form (what happens after sending, the
 * send states, the set-up messages). The build makes it dist/involve-signup-messages.js beside the bundles and
 * the widget imports it as soon as the form is on screen (see InvolveElement.messagesPack), so the
 * form itself shows sooner. Overrides in `strings` still win over it.
 */
import type { Strings } from '../../core/strings.js';
import { setupMessages } from '../../core/setup-messages.js';
import { formMessages } from '../../form/form-messages.js';

const signupMessages: Strings = {
  ...setupMessages,
  ...formMessages,
  successNext: 'What happens next',
  successBody: 'Someone from the involvement team will contact you within 10 working days to say hello and talk about ways to take part that suit you.',
  successDelete: 'You can ask us to change or delete your details at any time.',
};

export default signupMessages;
