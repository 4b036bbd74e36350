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
  .crisis__list { margin: 0; padding-inline-start: 1.25em; }
  .crisis__list li { margin: 0 0 0.25em; min-height: 44px; } /* room for each number's tap target */
  /* Inline in its sentence; the 44px tap target is a centred box around the number, not padding. */
  .crisis__number { position: relative; padding: 0 0.1em; font-weight: 700; font-size: 1.125em; color: var(--_crisis); white-space: nowrap; }
  .crisis__number::after { content: ''; position: absolute; left: 50%; top: 50%; width: max(100%, 44px); height: 44px; transform: translate(-50%, -50%); }
  .crisis__number:focus-visible { color: #212b32; }
  :host { --_crisis: var(--involve-crisis-colour, #005eb8); }
  .subheading { font-weight: 700; font-size: 1.125em; }
`;
