/**
 * CSV for the involvement team (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a quote, comma or line break, quotes doubled). Safe to open in Excel: a cell starting with
 * = + - @ (or tab / carriage return, which Excel also strips) is prefixed with ' so it is text, not a
 * formula (OWASP "CSV injection").
 */
import type { StoredSubmission, SubmissionKind } from './storage/types.js';

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

type Row = Record<string, unknown>;
type Column = [header: string, get: (p: Row, s: StoredSubmission) => unknown];

const at = (p: Row, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Row)[k] : undefined), p);
const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : '');

const common: Column[] = [
  ['id', (_p, s) => s.id],
  ['received', (_p, s) => s.createdAt],
  ['partner', (p) => at(p, 'source', 'partner')],
  ['page', (p) => at(p, 'source', 'page')],
];
const contact: Column[] = [
  ['name', (p) => p.name],
  ['email', (p) => at(p, 'contact', 'email')],
  ['phone', (p) => at(p, 'contact', 'phone')],
  ['preferred contact', (p) => at(p, 'contact', 'preferred')],
];

export const columns: Record<SubmissionKind, Column[]> = {
  signups: [
    ...common,
    ...contact,
    ['postcode district', (p) => p.postcodeDistrict],
    ['relationship', (p) => p.relationship],
    ['relationship (other)', (p) => p.relationshipOther],
    ['interests', (p) => p.interests],
    ['ways to take part', (p) => p.waysToTakePart],
    ['availability', (p) => p.availability],
    ['format', (p) => p.format],
    ['access needs', (p) => p.accessNeeds],
    ['access needs (other)', (p) => p.accessNeedsOther],
    ['consent to store', (p) => yesNo(at(p, 'consent', 'storeDetails'))],
    ['contact about opportunities', (p) => yesNo(at(p, 'consent', 'contactAboutOpportunities'))],
  ],
  feedback: [
    ...common,
    ['service', (p) => p.service],
    ['service (other)', (p) => p.serviceOther],
    ['rating', (p) => p.rating],
    ['what went well', (p) => p.whatWentWell],
    ['what could be better', (p) => p.whatCouldBeBetter],
    ['anonymous', (p) => yesNo(p.anonymous)],
    ['wants reply', (p) => yesNo(p.wantsReply)],
    ...contact,
    ['about you', (p) => p.aboutYou],
  ],
};

export function toCsv(kind: SubmissionKind, rows: readonly StoredSubmission[]): string {
  const cols = columns[kind];
  let out = csvRow(cols.map(([h]) => h));
  for (const r of rows) out += csvRow(cols.map(([, get]) => get(r.payload, r)));
  return out;
}
