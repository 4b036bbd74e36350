/** Built-in workstream ids (contract §6); labels live in the widgets' strings. */
export const builtInWorkstreams = [
  'children-and-young-people',
  'older-adults',
  'refugees-and-asylum-seekers',
  'community-mental-health',
  'crisis-care',
  'learning-disability-and-autism',
  'carers',
  'physical-health',
  'inpatient-care',
  'employment-and-housing',
] as const;
export type BuiltInWorkstream = (typeof builtInWorkstreams)[number];

/** Ids of workstreams and services, from the built-in lists, a page or `GET /options`. */
export const OPTION_ID = /^[a-z0-9-]{1,80}$/;
