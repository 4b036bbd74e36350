/**
 * The one small storage interface the app needs. Two implementations share one Kysely-based class
 * (storage/kysely.ts): SQLite (default, a file under ./data/, WAL) and PostgreSQL (DATABASE_URL).
 */
import type { Meeting } from '../../src/schema/meeting.js';
import type { PartnerStore } from './partners.js';

export type SubmissionKind = 'signups' | 'feedback';

/** A response kept for an Idempotency-Key: replayed verbatim for the same key and body. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyRecord extends StoredResponse {
  requestHash: string;
}

export interface NewSubmission {
  kind: SubmissionKind;
  id: string;
  /** The validated payload, without the spam fields. */
  payload: unknown;
  /** Lower-cased contact email, kept in its own column so a person's data can be found and erased. */
  email: string | null;
  /** The contact phone as normalisePhone writes it (server/phone.ts), for the same reason. */
  phone: string | null;
  partner: string | null;
  idempotencyKey: string;
  requestHash: string;
  response: StoredResponse;
}

/**
 * What `submit` did: `stored` (record, key, hash and response committed together) or `existing`
 * (another request committed this key first; nothing was written by this call) or `in-flight`.
 */
export type SubmitOutcome =
  | { outcome: 'stored' }
  | { outcome: 'existing'; existing: IdempotencyRecord }
  /** Another transaction (possibly another server instance) holds this key right now. */
  | { outcome: 'in-flight' };

export interface StoredSubmission {
  id: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

/**
 * Whom to find (subject access) or erase: at least one. Email matches in any case, a phone however
 * it was written; a name (exact, any case, outer spaces ignored) matches feedback only — sign-ups
 * always carry an email or phone, and a name alone is too weak to delete someone's sign-up by.
 */
export interface ErasureSubject {
  email?: string;
  phone?: string;
  name?: string;
}

/** One record held about a person, as `findPerson` returns it (subject-access export, erasure dry run). */
export interface PersonRecord extends StoredSubmission {
  kind: SubmissionKind;
  /** What erasure does to it: sign-ups are deleted; feedback keeps its words, loses name and contact. */
  onErase: 'delete' | 'anonymise';
}

/** Records created before these instants are deleted by `purgeExpired`; undefined keeps that kind. */
export interface RetentionCutoffs {
  signups?: Date;
  feedback?: Date;
}

export interface MeetingQuery {
  /** Meetings that have not ended by this instant. */
  from: Date;
  collaborative?: string;
  workstream?: string;
  limit: number;
}

/** What the poller remembers about a calendar between polls (and between instances). */
export interface MeetingSourceState {
  key: string;
  label: string;
  etag: string | null;
  lastModified: string | null;
  checkedAt: string | null;
  syncedAt: string | null;
  /** Meetings this source had after its last applied sync. */
  meetings: number;
  lastError: string | null;
}

export interface SyncOptions {
  /** Shown in reports and logs (never a secret calendar URL). */
  label: string;
  /** Remove this source's meetings that are not in `meetings` (false for an incomplete file). */
  removeMissing: boolean;
  /** Apply an empty result even though the source had meetings. */
  allowEmpty: boolean;
  now: Date;
}

export interface SyncOutcome {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Meetings not stored because another calendar source already uses their id. */
  conflicts: { id: string; title: string; owner: string }[];
  /** Set when nothing was applied, and why. */
  refused?: string;
}

export interface Storage {
  readonly dialect: 'sqlite' | 'postgres';
  /** Partners and their allowed site origins (issue 19; `npm run partners`). */
  readonly partners: PartnerStore;
  /** Creates or upgrades the schema; safe to run on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** A live (unexpired) idempotency record for this key, if any. */
  findKey(key: string, notBefore: Date): Promise<IdempotencyRecord | undefined>;
  /**
   * In one transaction: drop an expired row for this key, insert the key with the body's hash and
   * the response (unique on key), then the record. If the key is taken, nothing is written.
   */
  submit(submission: NewSubmission, now: Date, notBefore: Date): Promise<SubmitOutcome>;
  /** Deletes idempotency records created before `notBefore`; returns how many. */
  purgeKeys(notBefore: Date): Promise<number>;

  listSubmissions(kind: SubmissionKind, since?: Date): Promise<StoredSubmission[]>;
  countSubmissions(kind: SubmissionKind): Promise<number>;
  /**
   * UK GDPR erasure of everyone matching the email (any case) or the phone (any spelling of it):
   * deletes their sign-ups and strips name/contact from feedback that gave either. Throws when
   * neither is given or the phone is not a usable number.
   */
  erase(who: ErasureSubject): Promise<{ signups: number; feedback: number }>;
  /** Every record `erase` would touch for this person, oldest first (nothing is changed). */
  findPerson(who: ErasureSubject): Promise<PersonRecord[]>;
  /** Retention: deletes records older than the cut-offs, with their idempotency rows; counts only. */
  purgeExpired(cutoffs: RetentionCutoffs): Promise<{ signups: number; feedback: number }>;
  /**
   * Makes deleted bytes go away where the database allows: SQLite (secure_delete on, so freed space
   * is zeroed) checkpoints the WAL and truncates it, dropping the pages' older copies; PostgreSQL runs
   * VACUUM on the two tables (see server/README.md, "Data protection", for what that does not do).
   */
  compact(): Promise<void>;
  /**
   * Counts one hit for `bucket` in the fixed window `window` (a number, e.g. minutes since the epoch)
   * and returns the hits so far in it, shared by every instance using this database.
   */
  hitRateLimit(bucket: string, window: number): Promise<number>;

  upsertMeeting(meeting: Meeting): Promise<void>;
  /** Marks a meeting cancelled; false when there is no such meeting. */
  cancelMeeting(id: string): Promise<boolean>;
  listMeetings(query: MeetingQuery): Promise<Meeting[]>;
  countMeetings(): Promise<number>;
  /** Deletes one meeting; false when there is no such meeting. */
  deleteMeeting(id: string): Promise<boolean>;
  /** Where the meeting came from: a calendar source key, null when added by hand, undefined when there is none. */
  meetingSource(id: string): Promise<string | null | undefined>;
  /**
   * In one transaction (serialised per source, across instances): makes the meetings of `source`
   * equal to `meetings`: new ids added, changed ones updated, missing ones removed (when
   * `removeMissing`); meetings from other sources are never touched, nor are meetings added by hand
   * (a meeting with no source whose id the calendar gives was imported from it before sources
   * existed, and is taken over). An empty
   * `meetings` for a source that has meetings is refused unless `allowEmpty`.
   */
  syncMeetings(source: string, meetings: Meeting[], options: SyncOptions): Promise<SyncOutcome>;
  meetingSourceState(key: string): Promise<MeetingSourceState | undefined>;
  /** Records a poll's result (validators, when, what went wrong) without touching meetings. */
  saveMeetingSourceState(key: string, label: string, fields: Partial<Omit<MeetingSourceState, 'key' | 'label' | 'meetings'>>): Promise<void>;
}
