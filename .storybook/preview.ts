/// <reference types="vite/client" />
import type { Decorator, Loader, Preview, StoryContext } from '@storybook/web-components';
import { setCustomElementsManifest } from '@storybook/web-components';
import type { SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { TestEndpoint } from '../test/endpoint/test-endpoint.js';
import { API, createEndpoint, docsEndpointUrl, endpointHandlers, type EndpointSetup } from '../stories/msw.js';

// Written by the analyzer from the elements' JSDoc (.storybook/main.ts runs it first): attributes,
// properties, events, slots, CSS parts and custom properties in every docs page, and controls for
// attributes. A glob rather than an import: the file is generated (not in git), and type-checking a
// fresh clone must not depend on it.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
setCustomElementsManifest(Object.values(manifests)[0]);

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** The test endpoint's setup for this story: the real server app in the browser (stories/msw.ts). */
    endpoint?: EndpointSetup;
    /** Render the story with `navigator.onLine === false`. */
    offline?: boolean;
    /** console.error messages this story produces on purpose (the webmaster's config message). */
    expectedConsoleErrors?: RegExp[];
  }
}

/** The story on show (story view) and, on a docs page, each inline story's own endpoint by story id. */
let current: TestEndpoint | Promise<TestEndpoint> = createEndpoint();
const docsEndpoints = new Map<string, TestEndpoint>();
const lookup = (storyId?: string) => (storyId && docsEndpoints.get(storyId)) || current;

/** Starts MSW once (msw-storybook-addon), then gives this render its own fresh test endpoint. */
const testEndpoint: Loader = async (context) => {
  await mswLoader()(context);
  const worker = (context as StoryContext & { msw: SetupWorker }).msw;
  const endpoint = await createEndpoint(context.parameters.endpoint);
  if (context.viewMode === 'docs') docsEndpoints.set(context.id, endpoint);
  else current = endpoint;
  worker.use(...endpointHandlers(lookup));
  return { endpoint };
};

/** On a docs page, points each inline story's widget at its own endpoint (see docsEndpointUrl). */
const scopeEndpointInDocs: Decorator = (story, context) =>
  context.viewMode === 'docs' && context.args.endpoint === API ? story({ args: { ...context.args, endpoint: docsEndpointUrl(context.id) } }) : story();

/** The widgets keep drafts and the offline outbox in sessionStorage: no story may inherit another's. */
function clearWidgetSession(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('involve-widgets:')) sessionStorage.removeItem(key);
}

function goOffline(): () => void {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    Object.defineProperty(Navigator.prototype, 'onLine', original);
    clearWidgetSession(); // before 'online', so the queued sample answers are not sent on the way out
    window.dispatchEvent(new Event('online'));
  };
}

/** Lets through only the console errors a story declares; every other one still reaches the console. */
function expectConsoleErrors(patterns: RegExp[]): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (patterns.some((p) => p.test(text))) console.info('[expected console.error]', text);
    else original.apply(console, args);
  };
  return () => {
    console.error = original;
  };
}

const preview: Preview = {
  loaders: [testEndpoint],
  decorators: [scopeEndpointInDocs],
  beforeEach(context) {
    const cleanups: (() => void)[] = [];
    if (context.parameters.expectedConsoleErrors?.length) cleanups.push(expectConsoleErrors(context.parameters.expectedConsoleErrors));
    // A docs page shows every story at once (without running play functions): no page-wide state there.
    if (context.viewMode !== 'docs') {
      clearWidgetSession();
      if (context.parameters.offline) cleanups.push(goOffline());
    }
    return () => {
      for (const cleanup of cleanups.reverse()) cleanup();
    };
  },
  parameters: {
    controls: { expanded: true, matchers: { color: /colou?r$/i } },
    docs: { toc: true },
    // axe after every story (the a11y panel, and `npm run test:stories` through @storybook/test-runner,
    // where a violation fails the story): WCAG 2.2 A/AA plus best practice, minus the rules about a whole
    // page's outline that a single widget shown on its own can't meet (the host page has its landmarks and h1).
    a11y: {
      test: 'error',
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
      },
    },
    options: { storySort: { order: ['Introduction', 'Embedding', 'Widgets', ['Sign-up', 'Meetings', 'Feedback'], 'Theming'] } },
  },
  tags: ['autodocs'],
};

export default preview;
