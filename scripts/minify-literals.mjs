/**
 * Rollup plugin: shrinks the text inside Lit's html`` and css`` templates, which minifiers leave
 * alone. Runs after TypeScript is stripped and finds the templates with rollup's own parser, so
 * templates nested inside other templates' `${…}` are found too (a regex could not see them).
 *
 *  - css`` (none of ours interpolates): minified by esbuild's CSS minifier (comments, whitespace,
 *    `0.5em` → `.5em`, `#ffffff` → `#fff`, …).
 *  - html``: runs of whitespace in the static parts collapsed to one space. HTML treats them the
 *    same, and no template here has <pre> or <textarea> content (a textarea's text is `.value`).
 */
import { transformSync } from 'esbuild';

const TAGS = new Set(['html', 'css']);

/**
 * What esbuild's CSS minifier leaves that the browser doesn't need either: the space after a custom
 * property's colon and after var()'s comma (a custom property's value and a fallback are trimmed), and
 * spaces around `*` and `/` inside calc() (only `+` and `-` need them).
 */
function tighten(css) {
  return css
    .replace(/([{;]--[\w-]+):\s+/g, '$1:')
    .replace(/(var\(--[\w-]+),\s+/g, '$1,')
    .replace(/calc\(([^;{}()]*(?:\([^;{}()]*\)[^;{}()]*)*)\)/g, (_, inner) => `calc(${inner.replace(/\s*([*/])\s*/g, '$1')})`);
}

function minifyCss(text, id) {
  const out = tighten(transformSync(text, { loader: 'css', minify: true, logLevel: 'silent' }).code.trim());
  if (/[`\\]|\$\{/.test(out)) throw new Error(`minify-lit-literals: css\`\` in ${id} minified to text a template can't hold`);
  return out;
}

const shrinkHtml = (text) => text.replace(/\s{2,}|\n/g, ' ');

/** Every TaggedTemplateExpression whose tag is the identifier html or css, depth first. */
function* taggedTemplates(node) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && TAGS.has(node.tag.name)) yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* taggedTemplates(child);
    else if (value && typeof value === 'object') yield* taggedTemplates(value);
  }
}

export function minifyLiterals() {
  return {
    name: 'minify-lit-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const edits = [];
      for (const node of taggedTemplates(this.parse(code))) {
        const quasis = node.quasi.quasis;
        if (node.tag.name === 'css') {
          if (quasis.length !== 1) this.error(`css\`\` with \${…} in ${id}: the minifier only takes static CSS`);
          const { start, end } = quasis[0];
          edits.push([start, end, minifyCss(code.slice(start, end), id)]);
        } else {
          for (const { start, end } of quasis) edits.push([start, end, shrinkHtml(code.slice(start, end))]);
        }
      }
      if (edits.length === 0) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
