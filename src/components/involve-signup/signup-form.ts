/** How <involve-signup>'s answers become the contract's Signup payload, and the field order. */
import type { FormSpec } from '../../form/form-controller.js';
import { Signup } from '../../schema/signup.js';
import { chosenContact } from '../../form/fields/contact-fields.js';

export interface SignupValues {
  [key: string]: string | boolean | string[];
  name: string;
  relationship: string[];
  relationshipOther: string;
  preferred: string;
  email: string;
  phone: string;
  postcodeDistrict: string;
  interests: string[];
  waysToTakePart: string[];
  availability: string[];
  format: string[];
  accessNeeds: string[];
  accessNeedsOther: string;
  storeDetails: boolean;
  contactAboutOpportunities: boolean;
  honeypot: string;
}

const FULL_POSTCODE = /^([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*\d[A-Za-z]{2}$/;

/** Keeps only the outward code: someone who types their whole postcode gives us no more than we asked. */
export function outwardCode(raw: string): string {
  const value = raw.trim().toUpperCase();
  return value.match(FULL_POSTCODE)?.[1] ?? value;
}

const text = (v: string) => v.trim();
const optionalText = (v: string) => (v.trim() ? v.trim() : undefined);

export const signupForm: FormSpec<SignupValues> = {
  form: 'signup',
  path: '/signups',
  schema: Signup,
  initialValues: () => ({
    name: '', relationship: [], relationshipOther: '', preferred: '', email: '', phone: '', postcodeDistrict: '',
    interests: [], waysToTakePart: [], availability: [], format: [], accessNeeds: [], accessNeedsOther: '',
    storeDetails: false, contactAboutOpportunities: false, honeypot: '',
  }),
  toAnswers(v) {
    const postcode = optionalText(v.postcodeDistrict);
    return {
      name: text(v.name),
      // Only the channel the person chose is sent: an email typed before switching to "phone" stays home.
      contact: chosenContact(v),
      ...(postcode ? { postcodeDistrict: outwardCode(postcode) } : {}),
      relationship: v.relationship,
      ...(v.relationship.includes('other') && optionalText(v.relationshipOther) ? { relationshipOther: text(v.relationshipOther) } : {}),
      interests: v.interests,
      waysToTakePart: v.waysToTakePart,
      availability: v.availability,
      format: v.format,
      accessNeeds: v.accessNeeds,
      ...(optionalText(v.accessNeedsOther) ? { accessNeedsOther: text(v.accessNeedsOther) } : {}),
      consent: { storeDetails: v.storeDetails, contactAboutOpportunities: v.contactAboutOpportunities },
    };
  },
  fieldOrder: [
    'name', 'relationship', 'relationshipOther', 'preferred', 'email', 'phone', 'postcodeDistrict', 'interests',
    'waysToTakePart', 'availability', 'format', 'accessNeeds', 'accessNeedsOther', 'storeDetails', 'contactAboutOpportunities',
  ],
  pointerAliases: { '/contact': 'preferred', '/consent': 'storeDetails' },
  textFields: ['accessNeedsOther', 'relationshipOther', 'name'],
  steps: [
    ['name'],
    ['relationship', 'relationshipOther'],
    ['preferred', 'email', 'phone'],
    ['postcodeDistrict'],
    ['interests'],
    ['waysToTakePart'],
    ['availability'],
    ['format'],
    ['accessNeeds'],
    ['accessNeedsOther'],
    ['storeDetails', 'contactAboutOpportunities'],
  ],
};
