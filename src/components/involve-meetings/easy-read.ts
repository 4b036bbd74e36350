/**
 * Easy-read wording of <involve-meetings>: short sentences, everyday words. An on-demand pack: the build
 * makes it dist/involve-meetings-easy-read.js beside the bundles, and the widget imports it only when easy
 * read is on (see InvolveElement.easyReadPack).
 */
import type { Strings } from '../../core/strings.js';

const meetingsEasyRead: Strings = {
  title: 'Meetings you can come to',
  intro: 'At these meetings, people who use services, carers and staff talk about how to make services better.',
  empty: 'There are no meetings at the moment.',
};

export default meetingsEasyRead;
