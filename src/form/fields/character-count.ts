/**
 * GOV.UK character count: the visible count updates as you type; screen readers hear it only after
 * a pause, through the field's polite live region, so they are not interrupted on every keystroke.
 * People may type past the limit; the count says how many too many and validation stops the send.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CharacterCountAnnouncer implements ReactiveController {
  readonly #said = new Map<string, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** What the field's live region says now. */
  announcement(field: string): string {
    return this.#said.get(field) ?? '';
  }

  /** Call on each input with the message to announce once typing stops. */
  typed(field: string, message: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#said.set(field, message);
      this.#host.requestUpdate();
    }, 1000); // the pause: 1 s without typing
  }
}

/**
 * "You have 12 characters remaining" / "You have 3 characters too many", from strings
 * `charactersRemaining`, `characterRemaining`, `charactersTooMany` and `characterTooMany`.
 */
export function countMessage(length: number, max: number, t: (key: string, values?: Record<string, number>) => string): string {
  const left = max - length;
  if (left >= 0) return left === 1 ? t('characterRemaining') : t('charactersRemaining', { n: left });
  return left === -1 ? t('characterTooMany') : t('charactersTooMany', { n: -left });
}
