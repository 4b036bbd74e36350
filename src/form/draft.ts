/**
 * Autosaved answers for one form on one page, so a reload, a crash or a lost connection never eats
 * what someone typed. Also keeps the pending submission's record (Submission owns it): sending the
 * same answers again after a reload reuses the key, so a response lost in transit can't make a
 * duplicate. Cleared on success.
 */
import { readJson, remove, writeJson } from '../core/session-store.js';
import type { PendingSubmission } from './submission.js';

export interface Draft<V> {
  values: Partial<V>;
  pending?: PendingSubmission;
  /** When the form first appeared (epoch ms), for `elapsedMs` after a reload. */
  startedAt?: number;
}

/**
 * One form's key: the page, then the element's id, or else its place among the page's elements of the
 * same tag (two sign-up forms on one page keep two drafts). Read when first needed, once the element
 * is on the page, so an id set after `createElement` counts.
 */
export function draftKey(form: string, host: HTMLElement): string {
  const nth = [...document.querySelectorAll(host.localName)].indexOf(host);
  return `draft:${form}:${location.pathname}${host.id ? '#' + host.id : nth > 0 ? '~' + nth : ''}`;
}

export class DraftStore<V> {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #resolved?: string;
  readonly #makeKey: () => string;
  constructor(makeKey: () => string) {
    this.#makeKey = makeKey;
  }

  get #key(): string {
    return (this.#resolved ??= this.#makeKey());
  }

  read(): Draft<V> | undefined {
    const draft = readJson<Draft<V>>(this.#key);
    return draft && typeof draft.values === 'object' && draft.values !== null ? draft : undefined;
  }

  /** Writes soon (typing fires many events); `flush()` writes now. */
  save(draft: Draft<V>): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => writeJson(this.#key, draft), 250);
  }

  saveNow(draft: Draft<V>): void {
    clearTimeout(this.#timer);
    writeJson(this.#key, draft);
  }

  clear(): void {
    clearTimeout(this.#timer);
    remove(this.#key);
  }
}
