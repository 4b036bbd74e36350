/**
 * Paging for the meetings list, as a reactive controller. A new list (or new filters) starts with a
 * first page trimmed after rendering, before paint, to what fits in the element's min-height (at
 * least one meeting): the page around the widget never moves when the meetings arrive. "Show more"
 * adds PAGE more (growth after a click is not a layout shift) and moves focus to the first meeting it
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
   * Back to a first page that fits the reserved height. It starts with no more meetings than could
   * fit, so little is rendered only to be trimmed: at 16px, the heading, filters and button take at
   * least 24em (384px) and a meeting with its date, topics and a button at least 21em (336px). (Only
   * a page of very bare meetings could have fitted more.) PAGE when the height is not a length.
   */
  reset(): void {
    this.shown = Math.max(1, Math.min(PAGE, Math.floor((parseFloat(getComputedStyle(this.host).minHeight) - 384) / 336))) || PAGE;
    this.fit = true;
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
    const room = top + parseFloat(getComputedStyle(this.host).minHeight);
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
