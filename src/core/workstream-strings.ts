/** Labels for the built-in workstream ids (contract §6), shared by every widget. */
export const workstreamStrings = {
  'workstreams.children-and-young-people': 'Children and young people',
  'workstreams.older-adults': 'Older adults',
  'workstreams.refugees-and-asylum-seekers': 'Refugees and people seeking asylum',
  'workstreams.community-mental-health': 'Community mental health',
  'workstreams.crisis-care': 'Crisis care',
  'workstreams.learning-disability-and-autism': 'Learning disability and autism',
  'workstreams.carers': 'Carers',
  'workstreams.physical-health': 'Physical health',
  'workstreams.inpatient-care': 'Inpatient (hospital) care',
  'workstreams.employment-and-housing': 'Employment and housing',
} as const;
