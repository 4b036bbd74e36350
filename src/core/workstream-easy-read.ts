/** Easy-read labels for the built-in workstream ids; part of the sign-up's and meetings' easy-read packs. */
export const workstreamEasyRead = {
  'workstreams.older-adults': 'Older people',
  'workstreams.refugees-and-asylum-seekers': 'People who had to leave their own country',
  'workstreams.community-mental-health': 'Mental health help near where you live',
  'workstreams.crisis-care': 'Urgent help for mental health',
  'workstreams.carers': 'People who look after someone (carers)',
  'workstreams.physical-health': 'Health of your body',
  'workstreams.inpatient-care': 'Staying in hospital',
  'workstreams.employment-and-housing': 'Work and housing',
};
