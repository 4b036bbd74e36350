// Browser tests in Debian's Chromium, Firefox ESR or WebKitGTK, one engine a run (`--engine firefox`;
// test/engines.mjs), never a downloaded browser. Run through `node --import tsx` so this config can
// load the TypeScript test endpoint (the real server app, test/endpoint/).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { engineCommandsPlugin, launcherFor, selectedEngine } from './test/engines.mjs';
import { testEndpointMiddleware } from './test/endpoint/wtr-middleware.ts';
import { axTreePlugin } from './test/a11y/ax-tree-plugin.mjs';

const engine = selectedEngine();

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time: keyboard and focus tests are unreliable when another page can take focus
  // or leave this one in the background (where animation frames are throttled).
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  // Firefox and WebKit start slower than Chromium, more so on a busy 2-core machine.
  browserStartTimeout: 60000,
  middleware: [testEndpointMiddleware()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), engineCommandsPlugin(engine), axTreePlugin()],
  browsers: [launcherFor(engine)],
};
