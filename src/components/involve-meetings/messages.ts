/**
 * <involve-meetings>' messages pack: the set-up messages for the webmaster, shown only when a page is
 * set up wrong. The build makes it dist/involve-meetings-messages.js beside the bundles; the widget
 * imports it as soon as it is on screen (see InvolveElement.messagesPack).
 */
import type { Strings } from '../../core/strings.js';
import { setupMessages } from '../../core/setup-messages.js';

export default { ...setupMessages, configBlocked: 'Please look again later.' } satisfies Strings;
