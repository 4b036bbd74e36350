import { css } from 'lit';

export const meetingStyles = css`
  .loading { min-height: var(--involve-meetings-loading-height, 24em); }
  .list { list-style: none; margin: 0 0 var(--_space); padding: 0; }
  .month { font-size: 1.25em; font-weight: 700; margin: calc(var(--_space) * 1.5) 0 0.5em; }
  .meeting { border: 1px solid #d8dde0; border-left: 6px solid var(--_accent); padding: var(--_space); margin: 0 0 var(--_space); background: #fff; color: #212b32; }
  .meeting.cancelled { border-left-color: #768692; }
  .meeting.cancelled .meeting-title bdi { text-decoration: line-through; }
  .meeting-title { font-size: 1.125em; font-weight: 700; margin: 0 0 0.25em; overflow-wrap: anywhere; }
  .collaborative { color: var(--_hint); margin: 0 0 0.5em; }
  .tags { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25em 0.5em; margin: 0 0 0.75em; padding: 0; }
  .tag { display: inline-block; padding: 0.125em 0.5em; border: 1px solid currentColor; font-weight: 600; font-size: 0.875em; background: #f0f4f5; color: #212b32; }
  .tag--cancelled { background: #d5281b; color: #fff; border-color: #d5281b; }
  .tag--full { background: #ffb81c; color: #212b32; border-color: #ffb81c; }
  .tag--evening { background: #212b32; color: #fff; }
  .tag--weekend { background: #005eb8; color: #fff; }
  dl { margin: 0 0 0.75em; }
  .row { display: flex; flex-wrap: wrap; gap: 0 0.5em; margin: 0 0 0.25em; }
  dt { font-weight: 600; min-width: 8em; }
  dd { margin: 0; flex: 1 1 14em; overflow-wrap: anywhere; }
  bdi { unicode-bidi: isolate; }
  .description { overflow-wrap: anywhere; }
  .actions { display: flex; flex-wrap: wrap; gap: 0 var(--_space); }
  .actions .button { margin-right: 0; text-decoration: none; }
  .filters { border: 0; padding: 0; margin: 0 0 var(--_space); display: flex; flex-wrap: wrap; gap: 0.5em var(--_space); min-width: 0; }
  .filters legend { font-weight: 700; padding: 0; margin-bottom: 0.25em; }
  .filter { display: flex; flex-direction: column; min-width: 12em; flex: 1 1 12em; }
  .filter label { font-weight: 600; margin-bottom: 0.25em; }
  select { min-height: 44px; font: inherit; color: #212b32; background: #fff; border: 2px solid var(--_border); padding: 0.25em 0.5em; max-width: 100%; }
  select:focus-visible { outline: 4px solid var(--_focus); box-shadow: inset 0 0 0 2px #212b32; }
  .count { font-weight: 600; }
  .subheading { font-weight: 700; font-size: 1.125em; }
`;
