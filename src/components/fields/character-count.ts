/**
 * GOV.UK character count: the visible count updates as you type; screen readers hear it only after
 * a pause, through one polite live region, so they are not interrupted on every keystroke.
 * People may type past the limit; the form says how many too many and validation stops the send.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class CharacterCountAnnouncer implements ReactiveController {
  /** What the live region says now. */
  announcement = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly delayMs = 1000) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Call on each input with the message to announce once typing stops. */
  typed(message: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.announcement = message;
      this.host.requestUpdate();
    }, this.delayMs);
  }
}

export interface CountStrings {
  remaining: string;
  remainingOne: string;
  tooMany: string;
  tooManyOne: string;
}

/** "You have 12 characters remaining" / "You have 3 characters too many". */
export function countMessage(length: number, max: number, s: CountStrings, fmt: (t: string, v: Record<string, number>) => string): string {
  const left = max - length;
  if (left >= 0) return left === 1 ? s.remainingOne : fmt(s.remaining, { n: left });
  return left === -1 ? s.tooManyOne : fmt(s.tooMany, { n: -left });
}
