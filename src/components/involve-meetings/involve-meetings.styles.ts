import { css } from 'lit';

/*
 * One rule per line, written tight: Lit keeps css`` text as it is and this bundle has a 23 kB gzip
 * budget. NHS.UK colours; every text/background pair is AA or better. Labels sit above their values
 * (no side-by-side columns), so a 320px-wide page needs no special case.
 */
export const meetingStyles = css`
:host(:not([unreserved])){min-height:var(--involve-meetings-min-height,68em)}
section{display:flow-root}
ul{list-style:none;margin:0;padding:0}
.month{margin-top:1.5em;font-size:1.25em}
.meeting-title{font-size:1.125em}
.meeting{border:1px solid #d8dde0;border-inline-start:6px solid var(--_accent);padding:var(--_space);margin:0 0 var(--_space);background:#fff;color:#212b32}
.meeting.cancelled{border-inline-start-color:#768692}
.collaborative{color:#4c6272}
.tags{display:flex;flex-wrap:wrap;gap:.5em;margin:0 0 var(--_space)}
.tag{padding:0 .5em;border:1px solid;font-weight:600;background:#f0f4f5}
.tag.cancelled{background:#d5281b;color:#fff}
.tag.full{background:#ffb81c}
dl,legend{margin:0;padding:0}
dt,label,legend,.count,.subheading{font-weight:600}
dd{margin:0 0 .5em;overflow-wrap:anywhere}
.button{text-decoration:none}
.filters{display:flex;flex-wrap:wrap;gap:0 var(--_space);border:0;padding:0;margin:0 0 var(--_space);min-width:0}
.filter{display:flex;flex-direction:column;flex:1 1 12em;min-width:0}
select{max-width:100%;min-height:44px;font:inherit;color:#212b32;background:#fff;border:2px solid var(--_border);margin-bottom:.5em}
:host([easy-read]) .button,:host([easy-read]) select{min-height:56px;font-size:1.125em}
`;
