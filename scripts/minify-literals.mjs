/**
 * Rollup plugin: shrinks the text inside Lit's html`` and css`` templates, which minifiers leave
 * alone. Only safe rewrites: comments out of CSS, and runs of whitespace collapsed to one space
 * (HTML and CSS treat them the same; no template here has <pre> or textarea content).
 */
const TAGGED = /\b(html|css)`((?:\\.|\$\{(?:[^{}]|\{[^{}]*\})*\}|[^`\\$]|\$(?!\{))*)`/g;

function shrink(tag, body) {
  let out = body;
  if (tag === 'css') {
    out = out.replace(/\/\*[\s\S]*?\*\//g, '');
    out = out.replace(/\s*([{};:,>])\s*/g, '$1').replace(/;}/g, '}');
  }
  return out.replace(/\s{2,}|\n/g, ' ').replace(/>\s+</g, (m) => (m.includes('\n') ? '> <' : m));
}

export function minifyLiterals() {
  return {
    name: 'minify-lit-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: code.replace(TAGGED, (_m, tag, body) => `${tag}\`${shrink(tag, body)}\``), map: null };
    },
  };
}
