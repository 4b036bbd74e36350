import { css } from 'lit';

/**
 * Design tokens and the shared field look (NHS.UK-like). Everything themable is a custom property on
 * the host; `all: initial` on the host keeps host-page CSS out while still inheriting font and colour.
 */
export const tokens = css`
  :host {
    all: initial;
    box-sizing: border-box;
    font-family: var(--involve-font-family, inherit);
    color: var(--involve-text-colour, inherit);
    max-width: var(--involve-max-width, 40em);
    /* Inherited typography a hostile host page could break: guarded with !important, which from
       inside a shadow root beats the page's own !important (CSS Cascade 4, tree contexts).
       medium, not rem, so "html { font-size: 62.5% }" sites don't shrink the widget. */
    font-size: var(--involve-font-size, medium) !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
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
    --_accent: var(--involve-accent-colour, #007f3b);
    --_accent-text: var(--involve-accent-text-colour, #fff);
    --_error: var(--involve-error-colour, #d5281b);
    --_focus: var(--involve-focus-colour, #ffeb3b);
    --_radius: var(--involve-border-radius, 4px);
    --_space: var(--involve-space, 1em);
    --_border: var(--involve-border-colour, #4c6272);
    --_hint: var(--involve-hint-colour, #4c6272);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
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
    margin: 0 var(--_space) var(--_space) 0;
  }
  .button.secondary {
    background: #d8dde0;
    color: #212b32;
    box-shadow: 0 4px 0 #768692;
  }
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .button:focus-visible {
    background: var(--_focus);
    color: #212b32;
    box-shadow: 0 4px 0 #212b32;
  }
  .panel {
    border-left: 8px solid var(--_border);
    padding: var(--_space);
    margin: 0 0 var(--_space);
    background: #f0f4f5;
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
