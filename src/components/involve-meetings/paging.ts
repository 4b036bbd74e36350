/**
 * Paging for the meetings list, as a reactive controller. A new list (or new filters) starts with a
 * first page of at most PAGE meetings, trimmed after rendering, before paint, to what fits in the
 * widget's reserved height (at least one meeting): the page around the widget never moves when the
 * meetings arrive. "Show more" adds PAGE more (growth after a click is not a layout shift) and moves
 * focus to the first meeting it revealed.
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

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** Back to a first page that fits the reserved height. */
  reset(): void {
    this.shown = PAGE;
    this.fit = true;
  }

  more(): void {
    this.focusAt = this.shown;
    this.shown += PAGE;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    if (this.focusAt >= 0) root.querySelectorAll<HTMLElement>('[part=meeting-title]')[this.focusAt]?.focus();
    this.focusAt = -1;
    if (!this.fit) return;
    const box = root.querySelector<HTMLElement>('.body');
    const cards = root.querySelectorAll<HTMLElement>('[part=meeting]');
    if (!box || !cards.length) return;
    // Runs in the same task as the render, before paint: reading layout here is what makes it fit.
    const { top, bottom } = box.getBoundingClientRect();
    const room = top + parseFloat(getComputedStyle(box).minHeight);
    // Fits, or no length to fit in (a min-height like `auto`): done.
    if (!(bottom > room + 0.5) || cards.length === 1) {
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
