/**
 * Easy-read wording of <involve-meetings>: short sentences, everyday words. An on-demand pack: the build
 * makes it dist/involve-meetings-easy-read.js beside the bundles, and the widget imports it only when easy
 * read is on (see InvolveElement.easyReadPack).
 */
import type { Strings } from '../../core/strings.js';
import { workstreamEasyRead } from '../../core/workstream-easy-read.js';

const meetingsEasyRead: Strings = {
  ...workstreamEasyRead,
  title: 'Meetings you can come to',
  intro: 'These meetings are called Collaboratives. There is one every month. People who use our services come. Carers and staff come too. They plan how to make services better.',
  empty: 'There are no meetings at the moment.',
  loading: 'Getting the meetings…',
  loadError: 'We could not get the meetings',
  loadErrorHint: 'Check you are on the internet. Then try again.',
  loadErrorServer: 'Something went wrong on our side. It is not your fault. Please try again later.',
  noMatches: 'No meetings match what you chose. Try choosing "All".',
  filtersLegend: 'Choose which meetings to show',
  workstreamFilter: 'What it is about',
  formatFilter: 'How you take part',
  'format.in-person': 'Face to face',
  'format.hybrid': 'Online or face to face',
  count: 'There are {n} meetings',
  countOne: 'There is 1 meeting',
  countOf: 'Here are {n} of {total} meetings',
  more: 'Show more meetings ({n} more)',
  cancelled: 'Not happening',
  full: 'No places left',
  howToJoin: 'How to take part',
  allDay: 'All day',
  subscribe: 'Put all these meetings in your calendar',
  configBlocked: 'Please look again later.',
  accessibility: 'Help to take part',
  topics: 'What it is about',
  addToCalendar: 'Put it in your calendar',
};

export default meetingsEasyRead;
