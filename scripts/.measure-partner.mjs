import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import { browserBundle, bundles } from '/work/wt/partner/rollup.config.js';
const which = process.argv.slice(2);
for (const b of bundles.filter((b) => !which.length || which.some((w) => b.file.includes(w)))) {
  const cfg = browserBundle(b);
  const bundle = await rollup({ input: cfg.input, plugins: cfg.plugins, onwarn: () => {} });
  const { output } = await bundle.generate(cfg.output);
  const code = output[0].code;
  console.log(b.file, code.length, gzipSync(code, { level: 9 }).length);
}
