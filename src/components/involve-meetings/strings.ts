import type { Strings } from '../../core/strings.js';
import { workstreamStrings } from '../../core/workstream-strings.js';

/**
 * Every visible string of <involve-meetings>; override any of them with `strings`. Not built on
 * `commonStrings`: those are the forms' (sending, offline…). Its set-up messages are in its messages pack.
 */
export const meetingsStrings: Strings = {
  ...workstreamStrings,
  configTitle: 'These meetings cannot be shown yet',
  title: 'Upcoming Collaborative meetings',
  intro: 'A Collaborative is a meeting held every month. People who use services, carers, staff and partners meet as equals to plan services together.',
  loading: 'Loading meetings…',
  loadError: 'We could not load the meetings',
  loadErrorHint: 'Check your internet connection, then try again.',
  loadErrorServer: 'Something went wrong on our side, not yours. Please try again in a few minutes.',
  retry: 'Try again',
  empty: 'There are no upcoming meetings at the moment. Please check again soon.',
  noMatches: 'No meetings match your choices. Try choosing "All" in one of the filters.',
  filtersLegend: 'Show meetings',
  workstreamFilter: 'Topic',
  formatFilter: 'How it happens',
  all: 'All',
  'format.online': 'Online',
  'format.in-person': 'In person',
  'format.hybrid': 'Online or in person',
  count: 'Showing {n} meetings',
  countOne: 'Showing 1 meeting',
  countOf: 'Showing {n} of {total} meetings',
  more: 'Show more meetings ({n} left)',
  evening: 'Evening',
  weekend: 'Weekend',
  cancelled: 'Cancelled',
  allDay: 'All day',
  full: 'Full',
  when: 'When',
  where: 'Where',
  howToJoin: 'How to join',
  accessibility: 'Accessibility',
  topics: 'Topics',
  book: 'Book a place',
  bookHidden: 'for {title}',
  addToCalendar: 'Add to calendar',
  addToCalendarHidden: '{title} on {date}',
  subscribe: 'Subscribe to these meetings in your calendar',
  easyReadSwitch: 'Easy read',
  standardSwitch: 'Standard version',
};
