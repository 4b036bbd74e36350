// Browser tests in Debian's Chromium (never a downloaded browser). Run through `node --import tsx`
// so this config can load the TypeScript mock endpoint shared with Storybook.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mockEndpointMiddleware } from './test/mock-endpoint/wtr-plugin.ts';
import { axTreePlugin } from './test/a11y/ax-tree-plugin.mjs';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time: keyboard and focus tests are unreliable when another page can take focus
  // or leave this one in the background (where animation frames are throttled).
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  middleware: [mockEndpointMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), axTreePlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
      },
    }),
  ],
};
