/**
 * The one origin check (issue 19). Which browser origins may call the API, and as which partner:
 *   - origins from ALLOWED_ORIGINS / ALLOWED_ORIGINS_FILE (config): allowed, no partner bound
 *     (a submission's `source.partner` is kept as sent, as before partners were data);
 *   - origins added with `npm run partners -- allow-origin <id> <origin>`: allowed, bound to that partner.
 * The CORS middleware, the POST origin guard, the submission handler (attribution) and the read-only
 * allow-list route all ask `check()`; nothing else decides. Partner origins are re-read from storage at
 * most every `ttlMs` (5 s), so a CLI change reaches a running server within seconds.
 */
import type { PartnerStore } from './storage/partners.js';

export interface OriginDecision {
  allowed: boolean;
  /** The partner this origin posts as, when it was allowed through a partner; null otherwise. */
  partner: string | null;
}

const REFUSED: OriginDecision = { allowed: false, partner: null };

export class OriginPolicy {
  readonly #static: Set<string>;
  #partnerOrigins: Map<string, string> = new Map();
  #loadedAt = -Infinity;
  #loading: Promise<void> | undefined;

  constructor(
    staticOrigins: Iterable<string>,
    private readonly partners: PartnerStore | undefined,
    private readonly ttlMs = 5000,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.#static = new Set(staticOrigins);
  }

  /** Whether `origin` (an `Origin` header value) may call the API, and as which partner. */
  async check(origin: string | undefined | null): Promise<OriginDecision> {
    if (!origin) return REFUSED;
    await this.#refresh();
    const partner = this.#partnerOrigins.get(origin);
    if (partner !== undefined) return { allowed: true, partner };
    return this.#static.has(origin) ? { allowed: true, partner: null } : REFUSED;
  }

  /** Forget the cache (after a change made in this process). */
  invalidate(): void {
    this.#loadedAt = -Infinity;
  }

  async #refresh(): Promise<void> {
    if (!this.partners || this.clock() - this.#loadedAt < this.ttlMs) return;
    this.#loading ??= this.partners
      .origins()
      .then((map) => {
        this.#partnerOrigins = map;
        this.#loadedAt = this.clock();
      })
      // The database briefly away: keep answering from the last list rather than failing every request.
      .catch(() => console.error('reading partner origins failed; using the last list'))
      .finally(() => {
        this.#loading = undefined;
      });
    await this.#loading;
  }
}
