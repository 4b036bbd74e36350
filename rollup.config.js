// Browser bundles for partner pages (contract §1): four self-contained ES modules, each one file that
// makes no request but to the endpoint. `npm run build` runs this through scripts/build.mjs, which also
// checks the gzip budgets and prints the SRI hashes.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';
import { minifyLiterals } from './scripts/minify-literals.mjs';

/** The widget version sent in every submission's `source` and shown as `InvolveWidgets.version`. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Entry file → dist file. The all-in-one first: it is the one most partners embed. */
export const bundles = [
  { input: 'src/index.ts', file: 'dist/involve-widgets.js' },
  { input: 'src/involve-signup.ts', file: 'dist/involve-signup.js' },
  { input: 'src/involve-meetings.ts', file: 'dist/involve-meetings.js' },
  { input: 'src/involve-feedback.ts', file: 'dist/involve-feedback.js' },
];

const WIDGETS = ['involve-signup', 'involve-meetings', 'involve-feedback'];

/**
 * On-demand packs (issue 16's size rule): wording only some visitors need, one file per widget beside
 * the bundles, fetched from the bundle's own folder by a dynamic import when the widget needs it.
 * Shared by the single-widget files and the all-in-one.
 */
export const packs = [
  ...WIDGETS.map((tag) => ({ input: `src/components/${tag}/easy-read.ts`, file: `dist/${tag}-easy-read.js` })),
  // Wording never needed to show the widget (after sending, send states, set-up messages), imported as
  // soon as the widget is on screen: what is downloaded before the form is usable is the bundle alone.
  ...WIDGETS.map((tag) => ({ input: `src/components/${tag}/messages.ts`, file: `dist/${tag}-messages.js` })),
  // "Did you mean …@hotmail.com?": code only people typing an email address need (src/form/involve-form.ts).
  { input: 'src/form/email-suggestion.ts', file: 'dist/involve-email-suggestion.js' },
];

/**
 * Keeps `import('./easy-read.js')` in src/components/<widget>/ as a request for the pack beside the
 * bundle (`./<widget>-easy-read.js`) instead of inlining it; any other dynamic import is inlined.
 */
function easyReadPacks() {
  const PREFIX = 'involve-pack:';
  return {
    name: 'easy-read-packs',
    resolveDynamicImport(specifier, importer) {
      if (specifier === './email-suggestion.js' && /[\\/]src[\\/]form[\\/][^\\/]+$/.test(importer ?? '')) {
        return { id: `${PREFIX}email-suggestion`, external: true };
      }
      const kind = specifier === './easy-read.js' ? 'easy-read' : specifier === './messages.js' ? 'messages' : undefined;
      const widget = kind && /[\\/]src[\\/]components[\\/](involve-[\w-]+)[\\/][^\\/]+$/.exec(importer ?? '')?.[1];
      return widget && WIDGETS.includes(widget) ? { id: `${PREFIX}${widget}-${kind}`, external: true } : null;
    },
    outputOptions(options) {
      return { ...options, paths: (id) => (id === `${PREFIX}email-suggestion` ? './involve-email-suggestion.js' : id.startsWith(PREFIX) ? `./${id.slice(PREFIX.length)}.js` : id) };
    },
  };
}

/**
 * Fails the build if zod reaches a browser bundle. The widgets validate with the schema kit
 * (src/schema/kit.ts, ~0.7 kB); zod/mini would add ~7 kB gzip and the classic API ~22 kB, and one stray
 * `import ... from 'zod/mini'` or an import of src/schema/zod.ts is enough to pull it in.
 */
function noZod() {
  const forbidden = /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]schema[\\/]zod\.ts$/;
  return {
    name: 'no-zod',
    buildEnd(error) {
      if (error) return;
      const offenders = [...this.getModuleIds()].filter((id) => forbidden.test(id));
      if (offenders.length > 0) {
        const importers = offenders.flatMap((id) => this.getModuleInfo(id)?.importers ?? []).filter((id) => !forbidden.test(id));
        this.error(
          `zod reached a browser bundle; widgets validate with src/schema/kit.ts.\n` +
            `  modules: ${offenders.slice(0, 5).map(short).join(', ')}\n  imported from: ${[...new Set(importers)].map(short).join(', ')}`,
        );
      }
    },
  };
}

const short = (id) => id.replace(process.cwd() + '/', '');

/**
 * Internal member names the minifier may shorten (~0.2 kB gzip a bundle): the form layer's and the
 * base element's own plumbing, reached only from inside the same bundle. Never a name on the public
 * contract (element properties, attributes, methods, events and their details), nor one that is
 * stored or shared between bundles (drafts, the outbox, `InvolveWidgets`, feeds, payloads): those
 * would break, e.g. `payload`, `pending`, `elapsedMs`, `values`, `retryPolicy` stay. Terser keeps
 * DOM names (its domprops list) even if listed. Nor a name that is also a strings key or any other
 * key looked up by a string at run time (terser renames object-literal keys too).
 */
const INTERNAL_NAMES = new RegExp(
  '^(' +
    [
      // FormController / FormSender / Submission / FormSteps (src/form)
      'submission', 'sender', 'steps', 'spec', 'context', 'fieldFor', 'fieldErrors', 'errorFor', 'saveDraft', 'clearDraft',
      'focusField', 'statusValues', 'phase', 'failure', 'restore', 'prepare', 'settle', 'queue', 'flush', 'forget',
      'showFirst', 'restart', 'shows', 'leads', 'forward', 'backward', 'isLast', 'saveNow',
      // FormSpec (src/components/*/…-form.ts)
      'textFields', 'fieldOrder', 'pointerAliases', 'toAnswers', 'initialValues', 'asked',
      // InvolveElement / InvolveForm protected members
      'endpointCheck', 'resolvedPartner', 'jsonOptions', 'remoteOptions', 'optionList', 'renderConfigError', 'emitConfigError',
      'probeFirst', 'found', 'probe', 'defaultStrings', 'countedTextarea', 'contactQuestion', 'renderAlwaysFirst',
      'renderFields', 'renderSuccess', 'errorText', 'common', 'lead', 'group', 'level', 'formFor',
      // field templates' options (src/form/fields), not the strings keys they carry
      'onChange', 'onInput', 'choices', 'optionalText', 'announcement', 'reveal', 'suggest', 'afterId', 'countText',
      'limitText', 'caption', 'typed', 'focusable',
      // <involve-meetings>' private members (not topicFilter/formatFilter: 'formatFilter' is a strings key too)
      'focusAt', 'fillTimer', 'drawn', 'shown', 'loader', 'paging', 'paged', 'upcoming', 'serverFault', 'feedAddress',
      'lastUrl', 'lastBody', 'unlinked', 'skipped', 'onCalendar', 'fit', 'upcomingOf', 'renderList', 'renderFilters', 'workstreamLabel',
      // the schema kit's and the submit client's own objects
      'safeParse', 'issues', 'checks', 'schema', 'policy', 'onProgress',
    ].join('|') +
    ')$',
);

/** One rollup build per entry, so every file is self-contained (no shared chunks between them). */
export function browserBundle({ input, file }) {
  return {
    input,
    output: {
      file,
      format: 'es',
      // Any other dynamic import() is inlined too: a partner page gets a widget from one file, and
      // its easy-read pack (easyReadPacks) from the same folder.
      inlineDynamicImports: true,
      sourcemap: false,
    },
    // Lit's decorators and the define modules are side effects the package.json "sideEffects" keeps.
    plugins: [
      // `production` picks Lit's production build (no dev-mode warnings or checks); `browser` over `node`.
      nodeResolve({ browser: true, exportConditions: ['production'], extensions: ['.ts', '.js', '.mjs'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false, sourceMap: false, define: { __INVOLVE_WIDGETS_VERSION__: JSON.stringify(version) } }),
      // Lit's html``/css`` text is left alone by minifiers: minify the CSS, collapse the HTML's whitespace.
      minifyLiterals(),
      noZod(),
      easyReadPacks(),
      terser({
        ecma: 2022,
        module: true,
        compress: { passes: 2, unsafe_arrows: true },
        mangle: { properties: { regex: INTERNAL_NAMES, builtins: true } },
        format: { comments: false },
      }),
    ],
    onwarn(warning, warn) {
      // An unresolved bare import would leave an `import 'x'` a partner page can't load: make it fatal.
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
      warn(warning);
    },
  };
}

export default [...bundles, ...packs].map(browserBundle);
