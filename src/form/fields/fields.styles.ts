import { css } from 'lit';

/** NHS.UK-like form styles shared by both forms: 44px targets, thick focus, reflow at 320px. */
export const fieldStyles = css`
  form { margin: 0; }
  .field { margin: 0 0 calc(var(--_space) * 1.5); }
  .field--error { border-inline-start: 4px solid var(--_error); padding-inline-start: calc(var(--_space) * 0.75); }
  .label, .legend { display: block; font-weight: 600; margin: 0 0 0.25em; font-size: 1.125em; }
  .fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
  .legend { padding: 0; max-width: 100%; white-space: normal; }
  .question { font-size: 1.35em; font-weight: 700; margin: 0 0 0.25em; }
  .legend .question { font-size: 1.2em; }
  .question .label { font-size: inherit; font-weight: inherit; margin: 0; }
  .step { display: block; font-size: 0.75em; font-weight: 400; color: var(--_hint); }
  .hint { color: var(--_hint); margin: 0 0 0.5em; }
  .error-message { color: var(--_error); font-weight: 600; margin: 0 0 0.5em; }
  .input, .textarea {
    display: block; width: 100%; min-height: 44px; padding: 0.25em 0.5em; font: inherit; color: #212b32;
    background: #fff; border: 2px solid var(--_border); border-radius: 0; margin: 0; appearance: none;
  }
  .textarea { min-height: 8em; resize: vertical; }
  .input--error { border-color: var(--_error); }
  .width-20 { max-width: 22ch; }
  .width-10 { max-width: 12ch; }
  .count { margin-top: 0.25em; color: var(--_hint); }
  .count--over { color: var(--_error); font-weight: 600; }
  .choices { display: flex; flex-direction: column; gap: 0.5em; }
  /* Boxes grow with the text (larger in easy-read, or with a bigger --involve-font-size), never under 44px. */
  .choice { --_b: max(44px, 2.75em); position: relative; display: block; min-height: var(--_b); padding-inline-start: calc(var(--_b) + 0.25em); }
  .choice__input {
    position: absolute; inset-inline-start: 0; top: 0; width: var(--_b); height: var(--_b); margin: 0; font: inherit; cursor: pointer; opacity: 0; z-index: 1;
  }
  .choice__label { display: inline-block; padding: 0.5em 0.25em; cursor: pointer; touch-action: manipulation; }
  .choice__label::before {
    content: ''; position: absolute; inset-inline-start: 2px; top: 2px; width: calc(var(--_b) - 4px); height: calc(var(--_b) - 4px); border: 2px solid #212b32; background: #fff;
  }
  .choice__input[type='radio'] + .choice__label::before { border-radius: 50%; }
  .choice__input:checked + .choice__label::after { content: ''; position: absolute; }
  .choice__input[type='radio']:checked + .choice__label::after {
    inset-inline-start: calc(var(--_b) * 0.27); top: calc(var(--_b) * 0.27); width: calc(var(--_b) * 0.46); height: calc(var(--_b) * 0.46); border-radius: 50%; background: #212b32;
  }
  .choice__input[type='checkbox']:checked + .choice__label::after {
    inset-inline-start: calc(var(--_b) * 0.25); top: calc(var(--_b) * 0.27); width: calc(var(--_b) * 0.5); height: calc(var(--_b) * 0.23);
    border: solid #212b32; border-width: 0 0 calc(var(--_b) * 0.11) calc(var(--_b) * 0.11); transform: rotate(-45deg);
  }
  /* NHS.UK: the box's border thickens and turns black inside a yellow ring; outline for forced colours. */
  .choice__input:focus-visible + .choice__label::before { border: 4px solid #000; box-shadow: 0 0 0 4px var(--_focus); outline: 4px solid transparent; }
  .choice__hint { padding-inline-start: 0.25em; }
  .conditional { margin: 0 0 0.5em; margin-inline-start: 1.25em; padding-inline-start: 1.75em; border-inline-start: 4px solid #aeb7bd; }
  .error-summary { border: 4px solid var(--_error); padding: var(--_space); margin: 0 0 calc(var(--_space) * 1.5); }
  .error-summary__title { font-size: 1.375em; font-weight: 700; margin: 0 0 0.75em; }
  .error-summary__list { margin: 0; padding: 0; list-style: none; }
  .error-summary__list a { color: var(--_error); font-weight: 600; display: inline-block; padding: 0.25em 0; }
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0 var(--_space); }
  .suggestion { margin: 0.5em 0 0; }
  .suggestion:empty { margin: 0; }
  .link-button {
    background: none; border: 0; padding: 0.5em 0; min-height: 44px; font: inherit; color: inherit; text-decoration: underline; cursor: pointer;
  }
  [tabindex='-1']:focus { outline: none; }
  /* GOV.UK: the focused summary gets an outline only; a yellow fill would drop the red links below AA. */
  .error-summary:is(:focus, :focus-visible) { outline: 4px solid var(--_focus); outline-offset: 0; background-color: transparent; box-shadow: none; color: inherit; }
  :is(.panel, .heading)[tabindex='-1']:focus { outline: 4px solid var(--_focus); }
  /* On the top-level parts, not the host: the host's font-size is !important against host pages. */
  :host([easy-read]) > * { font-size: 1.1875em; }
  :host([easy-read]) :is(.input, .button) { min-height: 52px; }
`;
