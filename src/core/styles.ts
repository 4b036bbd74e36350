import { css } from 'lit';

/**
 * The base stylesheet every widget starts from: the design tokens (custom properties) and the shared
 * look (NHS.UK-like) of headings, panels and buttons. Everything themable is a custom property on
 * the host; `all: initial` on the host keeps host-page CSS out while still inheriting font and colour.
 */
export const baseStyles = css`
  :host {
    all: initial;
    box-sizing: border-box;
    font-family: var(--involve-font-family, inherit);
    max-width: var(--involve-max-width, 40em);
    /* Its own surface (NHS.UK-like), so no page colour can make it unreadable; a page that wants the
       widget to blend in sets --involve-background / --involve-text-colour. !important, which from
       inside a shadow root beats the page's own !important (CSS Cascade 4, tree contexts). */
    background: var(--involve-background, #fff) !important;
    color: var(--_text) !important;
    padding: var(--involve-padding, 0) !important;
    /* Text size follows the page (a site's "larger text" control, WCAG 1.4.4) within 16-32px, so
       "html { font-size: 62.5% }" sites don't shrink the widget and a 48px body doesn't swell it; a
       partner's own --involve-font-size is taken as given.
       Line height and letter/word spacing are set on the element itself by script (see
       InvolveElement): that beats the page's ordinary rules and resets, while a text-spacing tool's
       !important rules still reach the widget (WCAG 1.4.12); '*' below keeps lines at least 1.5. */
    font-size: var(--involve-font-size, clamp(16px, 1em, 32px)) !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    font-weight: 400 !important;
    font-style: normal !important;
    white-space: normal !important;
    visibility: visible !important;
    display: block !important;
    cursor: auto !important;
    pointer-events: auto !important;
    /* The widget's direction is its locale's (the dir attribute InvolveElement sets), not the page's. */
    direction: ltr !important;
    unicode-bidi: isolate !important;
    --_text: var(--involve-text-colour, #212b32);
    --_hint: var(--involve-hint-colour, #4c6272);
    --_border: var(--involve-border-colour, #4c6272);
    --_error: var(--involve-error-colour, #d5281b);
    --_accent: var(--involve-accent-colour, #007f3b);
    --_accent-text: var(--involve-accent-text-colour, #fff);
    --_focus: var(--involve-focus-colour, #ffeb3b);
    --_radius: var(--involve-border-radius, 4px);
    --_space: var(--involve-space, 1em);
  }
  :host([dir='rtl']) {
    direction: rtl !important;
  }
  /* theme="dark": every text/background pair AA or better; form fields, cards and the crisis box stay light.
     Defaults for the --involve-* properties, so a page's own values on the element still win. */
  :host([theme='dark']) {
    --involve-background: #212b32;
    --involve-text-colour: #fff;
    --involve-panel-colour: #2f3b43;
    --involve-hint-colour: #c7d0d5;
    --involve-border-colour: #aeb7bd;
    --involve-error-colour: #ff9a8f;
    --involve-padding: 1em;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  /* Lines at least 1.5 (and at most 3) times the text, whatever line height reaches the widget: 1lh is the parent's. */
  * {
    line-height: clamp(1.5em, 1lh, 3em);
    scroll-margin-block-start: var(--involve-scroll-offset, 0);
  }
  /* No !important needed: page CSS does not reach into the shadow root. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    border: 0;
    white-space: nowrap;
  }
  h2, h3, h4, h5, h6, p {
    margin: 0 0 var(--_space);
    overflow-wrap: anywhere;
  }
  .heading {
    font-size: 1.5em;
    line-height: 1.25;
    font-weight: 700;
  }
  a {
    color: inherit;
    text-decoration: underline;
  }
  :is(a, button, input, textarea, select):focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 4px solid transparent;
    background-color: var(--_focus);
    color: #212b32;
    box-shadow: 0 -2px var(--_focus), 0 4px #212b32;
  }
  :is(input, textarea, select):focus-visible {
    background-color: #fff;
    box-shadow: inset 0 0 0 2px #212b32;
    outline: 4px solid var(--_focus);
    outline-offset: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5em 1.25em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    box-shadow: 0 4px 0 #00401e;
    margin: 0 0 var(--_space);
    margin-inline-end: var(--_space);
  }
  .button.secondary {
    background: #d8dde0;
    color: #212b32;
    box-shadow: 0 4px 0 #768692;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .button:focus-visible {
    background: var(--_focus);
    color: #212b32;
    box-shadow: 0 4px 0 #212b32;
  }
  .panel {
    border-inline-start: 8px solid var(--_border);
    padding: var(--_space);
    margin: 0 0 var(--_space);
    background: var(--involve-panel-colour, #f0f4f5);
    color: var(--_text);
  }
  .panel.success {
    border-color: var(--_accent);
  }
  .panel.warning {
    border-color: #ffb81c;
  }
  /* The reader's "Easy read" / "Standard version" switch: at the top, at the end of the line. */
  .switch {
    display: flex;
    justify-content: flex-end;
  }
  .switch-button {
    background: none;
    border: 0;
    padding: 0.5em 0;
    min-height: 44px;
    min-width: 44px;
    font: inherit;
    font-weight: 700;
    color: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
