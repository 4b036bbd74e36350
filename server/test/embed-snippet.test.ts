/** The embed builder's snippet and shortcode text (embed/snippet.ts): complete, escaped, minimal. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EmbedOptions, shortcode, snippet } from '../../embed/snippet.js';

const sizes = { version: '1.2.3', files: [{ name: 'involve-meetings.js', integrity: 'sha384-abc' }, { name: 'involve-feedback.js', integrity: 'sha384-def' }] };
const base: EmbedOptions = { widget: 'feedback', endpoint: 'https://trust.example/api/', partner: 'grapevine', easyRead: false, headingLevel: 2, accentColour: '#007f3b' };

test('a complete snippet: versioned script with its integrity, the element with the endpoint and partner', () => {
  assert.equal(snippet(base, sizes), [
    '<script type="module" src="https://trust.example/api/widgets/1.2.3/involve-feedback.js"',
    '        integrity="sha384-def" crossorigin="anonymous"></script>',
    '<involve-feedback endpoint="https://trust.example/api/" partner="grapevine"></involve-feedback>',
  ].join('\n'));
});

test('meetings options and accent colour; a typed partner id cannot break out of the attribute', () => {
  const o: EmbedOptions = { ...base, widget: 'meetings', limit: 4, collaborative: 'Living Well "A" <b>', headingLevel: 3, easyRead: true, accentColour: '#330072' };
  assert.match(snippet(o, sizes), /<involve-meetings endpoint="https:\/\/trust\.example\/api\/" easy-read heading-level="3" limit="4" collaborative="Living Well &quot;A&quot; &lt;b&gt;" style="--involve-accent-colour: #330072"><\/involve-meetings>$/);
  assert.equal(shortcode(o), '[involve_meetings easy_read="yes" heading_level="3" limit="4" collaborative="Living Well A <b>" accent_colour="#330072"]');
  assert.match(snippet({ ...base, partner: '"><script>alert(1)</script>' }, sizes), /partner="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
});

test('the dark palette: theme="dark" on the element and in the shortcode', () => {
  assert.match(snippet({ ...base, dark: true }, sizes), /<involve-feedback endpoint="https:\/\/trust\.example\/api\/" partner="grapevine" theme="dark"><\/involve-feedback>/);
  assert.equal(shortcode({ ...base, dark: true }), '[involve_feedback partner="grapevine" theme="dark"]');
});
