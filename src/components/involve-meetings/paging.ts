/**
 * Paging for the meetings list, as a reactive controller. A new list (or new filters) starts with a
 * first page that moves nothing the visitor can see: if the element's reserved height (min-height)
 * ends inside the window, the page is trimmed after rendering, before paint, to what fits in it (at
 * least one meeting); if it reaches past the bottom of the window, a full PAGE shows, since whatever
 * it pushes down is out of sight (layout shift counts only what moves on screen). That page is drawn
 * in steps: what the window can show at once first, then FILL more a task, so no one task is long on
 * an old phone. "Show more" adds PAGE more at once (growth after a click is not a layout shift) and
 * moves focus to the first meeting it revealed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const PAGE = 20;
/** Meetings drawn a task while the first page fills in below the window's edge. */
const FILL = 4;

export class MeetingsPaging implements ReactiveController {
  /** How many of the matching meetings the page has (the count and "Show more" say so). */
  shown = PAGE;
  /** How many are drawn yet: fewer than `shown` only while the first page fills in. */
  drawn = PAGE;
  /** Trim the first page at the next update that renders meetings. */
  private fit = false;
  /** The meeting to focus after the next update (the first one "Show more" revealed), or -1. */
  private focusAt = -1;
  private fillTimer?: ReturnType<typeof setTimeout> | undefined;

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
    // Read before the list is drawn (the layout is already there): no forced layout after it.
    const reserved = parseFloat(getComputedStyle(this.host).minHeight);
    const top = this.host.getBoundingClientRect().top;
    // Reaches past the bottom of the window: what follows it is out of sight, nothing to fit.
    this.fit = !(top + reserved >= innerHeight);
    if (!this.fit) {
      this.shown = PAGE;
      // Enough to fill the window even if meetings were as short as 12.5em (200px); the rest follow.
      this.drawn = Math.min(PAGE, Math.max(FILL, Math.ceil((innerHeight - Math.max(0, top)) / 200)));
    } else {
      this.shown = this.drawn = Math.max(1, Math.min(PAGE, Math.floor((reserved - 384) / 336))) || PAGE;
    }
  }

  /** Still drawing the first page: the "Show more" button waits, so it never moves on screen. */
  get filling(): boolean {
    return this.drawn < this.shown;
  }

  hostDisconnected(): void {
    clearTimeout(this.fillTimer);
    this.fillTimer = undefined;
    this.drawn = this.shown;
  }

  more(): void {
    this.focusAt = this.shown;
    this.shown = this.drawn = this.shown + PAGE;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    root.querySelectorAll<HTMLElement>('[part=meeting-title]')[this.focusAt]?.focus(); // none at -1
    this.focusAt = -1;
    const cards = root.querySelectorAll<HTMLElement>('[part=meeting]');
    // Fewer drawn than asked for: that was every match (or the list is not there yet).
    if (cards.length < this.drawn) {
      if (cards.length) this.drawn = this.shown;
    } else if (this.filling && !this.fillTimer) {
      this.fillTimer = setTimeout(() => {
        this.fillTimer = undefined;
        this.drawn = Math.min(this.shown, this.drawn + FILL);
        this.host.requestUpdate();
      });
    }
    if (!this.fit || !cards.length) return;
    // Runs in the same task as the render, before paint: reading layout here is what makes it fit.
    const { top, bottom } = this.host.getBoundingClientRect();
    const reserved = parseFloat(getComputedStyle(this.host).minHeight);
    const room = top + reserved;
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
    this.shown = this.drawn = Math.max(1, Math.min(fits, cards.length - 1));
    this.host.requestUpdate();
  }
}
