import { css } from 'lit';

export const styles = css`
  :host { display: block; font-family: Arial, Helvetica, sans-serif; color: #212b32; line-height: 1.5; }
  .layout { display: grid; gap: 2em; grid-template-columns: minmax(18em, 26em) minmax(0, 1fr); align-items: start; }
  @media (max-width: 50em) { .layout { grid-template-columns: 1fr; } }
  fieldset { border: 1px solid #aeb7bd; border-radius: 4px; margin: 0 0 1.25em; padding: 0.75em 1em 1em; }
  legend { font-weight: bold; padding: 0 0.25em; }
  label { display: block; font-weight: bold; margin: 0.75em 0 0.25em; }
  .check label, .radio label { display: inline; font-weight: normal; margin: 0 0 0 0.4em; }
  .check, .radio { display: flex; align-items: center; min-height: 44px; }
  .hint { color: #4c6272; font-size: 0.95em; margin: 0 0 0.25em; }
  input[type='text'], input[type='url'], input[type='number'], select {
    font: inherit; min-height: 44px; box-sizing: border-box; width: 100%; padding: 0.25em 0.5em;
    border: 2px solid #4c6272; border-radius: 0;
  }
  input[type='color'] { min-width: 44px; min-height: 44px; }
  input[type='radio'], input[type='checkbox'] { width: 24px; height: 24px; margin: 0; }
  :focus-visible { outline: 3px solid #ffeb3b; outline-offset: 0; box-shadow: 0 0 0 6px #212b32; }
  button {
    font: inherit; font-weight: bold; min-height: 44px; padding: 0.5em 1em; border: 0; border-radius: 4px;
    background: #007f3b; color: #fff; box-shadow: 0 4px 0 #00401e; cursor: pointer;
  }
  pre { white-space: pre-wrap; word-break: break-all; background: #f0f4f5; border: 1px solid #aeb7bd; padding: 0.75em; margin: 0.5em 0; }
  code { font-family: Consolas, 'Courier New', monospace; font-size: 0.9em; }
  .status { border-left: 6px solid #4c6272; padding: 0.5em 0.75em; margin: 0.5em 0; background: #f0f4f5; }
  .status.ok { border-color: #007f3b; }
  .status.no { border-color: #d5281b; }
  .preview { border: 2px dashed #aeb7bd; padding: 1em; }
  .preview.dark { background: #1d2a33; color: #fff; }
  .note { font-style: italic; color: #4c6272; }
  h2, h3 { margin: 1em 0 0.5em; }
`;
