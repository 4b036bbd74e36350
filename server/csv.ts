/**
 * CSV for the involvement team (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a quote, comma or line break, quotes doubled). Safe to open in Excel, LibreOffice and Google
 * Sheets (OWASP "CSV injection"): a cell whose first visible character would start a formula — = + - @,
 * their fullwidth and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫) or − — even behind spaces, NBSP, zero-width
 * characters, a BOM or control characters, or a cell starting with a control character (NUL, tab, CR,
 * LF…) is prefixed with ' so it is text. Phone numbers are written so they need no prefix (phoneCell).
 */
import { normalisePhone } from './phone.js';
import type { PersonRecord, StoredSubmission, SubmissionKind } from './storage/types.js';

/** A formula sign as the first visible character (spreadsheets skip spaces and invisibles), or a control character first. */
const FORMULA = /^[\s\0-\x1f\x7f\u200b-\u200f\u2060-\u2064\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b\u2212]|^[\0-\x1f\x7f]/;

export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  if (FORMULA.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/**
 * A phone number as a CRM import and a spreadsheet both want it, never `'+44…`: UK numbers in national
 * form with one space (`07700 900982`: the space keeps Excel from reading a number and dropping the
 * 0), other countries with 00 for + (`0033 1 23 45 67 89`, dialled from the UK as written). Anything
 * that is not a phone number goes through csvCell's neutralisation.
 */
export function phoneCell(value: unknown): string {
  if (typeof value !== 'string') return csvCell(value);
  const n = normalisePhone(value);
  if (!n) return csvCell(value);
  if (!n.startsWith('+')) return csvCell(`${n.slice(0, 5)} ${n.slice(5)}`);
  return csvCell(value.trim().replace(/^\+/, '00'));
}

/** Marks a value for phoneCell. */
class Phone {
  constructor(readonly value: unknown) {}
}

export function csvRow(values: readonly unknown[]): string {
  return values.map((v) => (v instanceof Phone ? phoneCell(v.value) : csvCell(v))).join(',') + '\r\n';
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
  ['phone', (p) => new Phone(at(p, 'contact', 'phone'))],
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

/** Leaves of a payload as [dotted path, value] (arrays joined later by csvCell). */
function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

/**
 * Subject-access export as CSV, one row per answer (kind, id, received, field, value), so sign-ups
 * and feedback fit one sheet and nothing held is left out.
 */
export function personCsv(records: readonly PersonRecord[]): string {
  let out = csvRow(['kind', 'id', 'received', 'field', 'value']);
  for (const r of records) {
    for (const [field, value] of flatten(r.payload)) {
      out += csvRow([r.kind, r.id, r.createdAt, field, field === 'contact.phone' ? new Phone(value) : value]);
    }
  }
  return out;
}
