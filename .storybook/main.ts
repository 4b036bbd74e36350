// Storybook for the three custom elements (Vite builder). Docs tables come from custom-elements.json,
// which the analyzer writes from the classes' JSDoc; it is regenerated here so `storybook dev` and
// `storybook build` never show a stale (or missing) manifest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const root = fileURLToPath(new URL('..', import.meta.url));

const analyzed = spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--config', 'custom-elements-manifest.config.mjs'], {
  cwd: root,
  encoding: 'utf8',
});
if (analyzed.status !== 0 && !existsSync(`${root}/custom-elements.json`)) {
  throw new Error(`custom-elements.json could not be generated (cem analyze):\n${analyzed.stderr}`);
}

// A widget's stories are catalogued once its element exists, so a widget still being written never
// breaks the catalogue of the others. (scripts/test-stories.mjs reports a widget that is missing.)
const widgetStories = ['involve-signup', 'involve-meetings', 'involve-feedback']
  .filter((tag) => existsSync(`${root}/src/components/${tag}/${tag}.ts`) && existsSync(`${root}/src/components/${tag}/define.ts`))
  .map((tag) => `../stories/${tag}.stories.ts`);

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/*.mdx', ...widgetStories, '../stories/theming.stories.ts', '../stories/partner-pages.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    // Lit's production build: no "Lit is in dev mode" console warning in every story.
    vite.resolve = { ...vite.resolve, conditions: ['production', 'browser', 'module', 'import', 'default'] };
    // The stories' endpoint is the real server app running in the page (stories/msw.ts): its few
    // node:crypto calls get a browser stand-in.
    const alias = { 'node:crypto': `${root}/test/endpoint/node-crypto.browser.ts` };
    vite.resolve.alias = Array.isArray(vite.resolve.alias)
      ? [...vite.resolve.alias, ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))]
      : { ...vite.resolve.alias, ...alias };
    // Storybook's own manager/preview chunks are large by nature; the widgets' budgets live in the build.
    vite.build = { ...vite.build, chunkSizeWarningLimit: 2000 };
    return vite;
  },
};

export default config;
