/**
 * One form's pending send, with one owner: its Idempotency-Key, its exact bytes, its outbox entry and
 * the pending record its draft keeps. Each change of state is one method:
 *
 *   prepare ─ send ─┬─ settle   (an answer: stored, refused as it stands, or gave up)
 *                   └─ queue    (offline) ─ flush (back online / next load) ─ settle
 *   forget              (the answers were thrown away or edited)
 *
 * Sending the same answers again (a retry, a reload, a second press) reuses the key and bytes, so a
 * response lost in transit can't make a duplicate. A key is used only while the endpoint still
 * remembers it (KEY_LIFETIME_MS): an older queued send is dropped, not resent, and the form says it
 * could not send, with the answers still there.
 */
import { KEY_LIFETIME_MS } from '../schema/rules.js';
import type { FormName } from '../core/events.js';
import { newIdempotencyKey, type SendOutcome } from '../core/submit-client.js';
import { addToOutbox, flushOutbox, removeFromOutbox, type OutboxItem } from './outbox.js';

/** What the draft keeps of a pending send across reloads. */
export interface PendingSubmission {
  /** The answers as text, to tell whether they changed since the key was made. */
  answers: string;
  /** The exact JSON text sent on every try. */
  bytes: string;
  key: string;
  /** When the key was made (epoch ms); a record without one is treated as too old to resend. */
  at?: number;
}

const live = (at: number | undefined) => Date.now() - (at ?? 0) < KEY_LIFETIME_MS;

/** An answer that ends a send for good: stored, or refused as it stands (sending it again can't help). */
const final = (o: SendOutcome) => o.type === 'success' || o.type === 'invalid' || o.type === 'too-large';

export class Submission {
  #pending?: PendingSubmission;
  readonly #form: FormName;
  /** Writes the form's draft now (it keeps `pending`). */
  readonly #persist: () => void;

  constructor(form: FormName, persist: () => void) {
    this.#form = form;
    this.#persist = persist;
  }

  /** The record the draft keeps; undefined when nothing is pending. */
  get pending(): PendingSubmission | undefined {
    return this.#pending;
  }

  /** After a reload: the record the draft kept. */
  restore(pending: PendingSubmission | undefined): void {
    this.#pending = pending;
  }

  /**
   * Same answers as last time (and a key the endpoint still remembers) → the same bytes and key;
   * otherwise a new submission, replacing one that waits in the outbox.
   */
  prepare(answers: string, bytes: () => string): PendingSubmission {
    const pending = this.#pending;
    if (pending?.answers === answers && live(pending.at)) return pending;
    this.forget();
    this.#pending = { answers, bytes: bytes(), key: newIdempotencyKey(), at: Date.now() };
    this.#persist();
    return this.#pending;
  }

  /**
   * A send of this submission ended. A key the client renewed (`idempotency-key-reused`) becomes the
   * key; a final answer takes it out of the outbox, and success ends it.
   */
  settle(outcome: SendOutcome): void {
    const pending = this.#pending;
    if (pending && outcome.key !== pending.key) {
      removeFromOutbox(pending.key);
      this.#pending = { ...pending, key: outcome.key, at: Date.now() };
      this.#persist();
    }
    if (final(outcome)) removeFromOutbox(outcome.key);
    if (outcome.type === 'success') this.#pending = undefined;
  }

  /** Offline: the submission waits in this tab's outbox for `flush`. */
  queue(url: string): void {
    const p = this.#pending;
    if (p) addToOutbox({ form: this.#form, url, bytes: p.bytes, key: p.key, queuedAt: Date.now() });
  }

  /**
   * Sends what waits in the outbox for this form (any page's). `send` sends one item and says what
   * happened; for this submission (`mine`) it settles it too. Others leave the outbox on a final
   * answer. An item older than the key lifetime is dropped unsent; if it was this one, `expired`
   * is told so the form can say it was not sent.
   */
  flush(send: (item: OutboxItem, mine: boolean) => Promise<SendOutcome>, expired: () => void): Promise<void> {
    return flushOutbox(this.#form, async (item) => {
      const mine = this.#pending?.key === item.key;
      if (!live(item.queuedAt)) {
        removeFromOutbox(item.key);
        if (mine) {
          this.forget();
          expired();
        }
        return;
      }
      const outcome = await send(item, mine);
      if (!mine && final(outcome)) removeFromOutbox(item.key);
    });
  }

  /** The answers were thrown away (reset) or edited: nothing of this submission is sent later. */
  forget(): void {
    if (this.#pending) removeFromOutbox(this.#pending.key);
    this.#pending = undefined;
  }
}
