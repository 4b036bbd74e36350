/**
 * Paging for the meetings list, as a reactive controller. A new list (or new filters) starts with a
 * first page that moves nothing the visitor can see: if the element's reserved height (min-height)
 * ends inside the window, the page is trimmed after rendering, before paint, to what fits in it (at
 * least one meeting); if it reaches past the bottom of the window, a full PAGE shows, since whatever
 * it pushes down is out of sight (layout shift counts only what moves on screen). "Show more" adds
 * PAGE more (growth after a click is not a layout shift) and moves focus to the first meeting it
 * revealed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const PAGE = 20;

export class MeetingsPaging implements ReactiveController {
  /** How many of the matching meetings to show. */
  shown = PAGE;
  /** Trim the first page at the next update that renders meetings. */
  private fit = false;
  /** The meeting to focus after the next update (the first one "Show more" revealed), or -1. */
  private focusAt = -1;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  /**
   * Back to a first page that moves nothing on screen. When the reserved height ends inside the
   * window, it starts with no more meetings than could fit, so little is rendered only to be trimmed:
   * at 16px, the heading, filters and button take at least 24em (384px) and a meeting with its date,
   * topics and a button at least 21em (336px). PAGE when the height is not a length.
   */
  reset(): void {
    const reserved = parseFloat(getComputedStyle(this.host).minHeight);
    this.shown = this.belowTheFold(reserved) ? PAGE : Math.max(1, Math.min(PAGE, Math.floor((reserved - 384) / 336))) || PAGE;
    this.fit = true;
  }

  /** Whether the reserved box reaches past the bottom of the window: what follows it is out of sight. */
  private belowTheFold(reserved: number): boolean {
    return this.host.getBoundingClientRect().top + reserved >= innerHeight;
  }

  more(): void {
    this.focusAt = this.shown;
    this.shown += PAGE;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    root.querySelectorAll<HTMLElement>('[part=meeting-title]')[this.focusAt]?.focus(); // none at -1
    this.focusAt = -1;
    if (!this.fit) return;
    const cards = root.querySelectorAll<HTMLElement>('[part=meeting]');
    if (!cards.length) return;
    // Runs in the same task as the render, before paint: reading layout here is what makes it fit.
    const { top, bottom } = this.host.getBoundingClientRect();
    const reserved = parseFloat(getComputedStyle(this.host).minHeight);
    const room = top + reserved;
    // Fits, no length to fit in (a min-height like `auto`), or nothing in sight below it: done.
    if (!(bottom > room + 0.5) || cards.length === 1 || this.belowTheFold(reserved)) {
      this.fit = false;
      return;
    }
    // What follows the last card (its margin, the Show more button) follows whichever card is last.
    const tail = bottom - cards[cards.length - 1]!.getBoundingClientRect().bottom;
    let fits = 0;
    while (fits < cards.length - 1 && cards[fits]!.getBoundingClientRect().bottom + tail <= room) fits++;
    // Checked again after the re-render (the button may have just appeared), until it fits or one is left.
    this.shown = Math.max(1, Math.min(fits, cards.length - 1));
    this.host.requestUpdate();
  }
}
