/**
 * Focuses the first match for `selector` in a widget's (shadow) root and brings it fully into view,
 * below any fixed or sticky header of the page (WCAG 2.4.11). scrollIntoView() already honours the page's `scroll-padding-top` and the
 * widget's `--involve-scroll-offset` (scroll-margin in styles.ts); for a page that set neither, a
 * fixed/sticky element found covering the top of the target is stepped clear of.
 */
export function focusIn(root: ParentNode, selector: string, block: ScrollLogicalPosition): void {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block });
  const { left, top } = el.getBoundingClientRect();
  const host = (root as ShadowRoot).host;
  // What the visitor sees at the target's top edge; from outside, the widget is its host element.
  for (let cover = document.elementFromPoint(left + 1, Math.max(top, 0) + 1); cover && cover !== host; cover = cover.parentElement) {
    if (/fixed|sticky/.test(getComputedStyle(cover).position)) return scrollBy(0, top - cover.getBoundingClientRect().bottom - 8);
  }
}
