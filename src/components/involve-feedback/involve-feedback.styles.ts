import { css } from 'lit';

/** The crisis box: set apart from the form (NHS.UK care-card blue), its numbers large and easy to tap. */
export const feedbackStyles = css`
  .crisis {
    border: 4px solid var(--_crisis);
    border-inline-start-width: 12px;
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
    background: #fff;
    color: #212b32;
  }
  .crisis__title { font-size: 1.25em; line-height: 1.3; font-weight: 700; margin: 0 0 0.5em; }
  .crisis p { margin: 0 0 0.5em; }
  .crisis__list { margin: 0; padding: 0; list-style: none; }
  /* Each way to get help is one link, its whole sentence: at least 44px tall and as wide as the line,
     wrapping as a sentence does at 320px. */
  .crisis__link { display: block; min-height: 44px; padding: 0.5em 0; color: inherit; }
  .crisis__number { font-weight: 700; font-size: 1.125em; color: var(--_crisis); white-space: nowrap; }
  .crisis__link:focus-visible .crisis__number { color: #212b32; }
  :host { --_crisis: var(--involve-crisis-colour, #005eb8); }
  .subheading { font-weight: 700; font-size: 1.125em; }
`;
