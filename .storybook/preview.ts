/// <reference types="vite/client" />
import type { Loader, Preview, StoryContext } from '@storybook/web-components';
import { setCustomElementsManifest } from '@storybook/web-components';
import type { SetupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { createEndpoint, endpointHandlers, type EndpointSetup } from '../stories/msw.js';

// Written by the analyzer from the elements' JSDoc (.storybook/main.ts runs it first): attributes,
// properties, events, slots, CSS parts and custom properties in every docs page, and controls for
// attributes. A glob rather than an import: the file is generated (not in git), and type-checking a
// fresh clone must not depend on it.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
setCustomElementsManifest(Object.values(manifests)[0]);

declare module 'storybook/internal/csf' {
  interface Parameters {
    /** The mock endpoint's setup for this story (stories/msw.ts). */
    endpoint?: EndpointSetup;
    /** Render the story with `navigator.onLine === false`. */
    offline?: boolean;
    /** console.error messages this story produces on purpose (the webmaster's config message). */
    expectedConsoleErrors?: RegExp[];
  }
}

/** Starts MSW once (msw-storybook-addon), then gives this render its own fresh mock endpoint. */
const mockEndpoint: Loader = async (context) => {
  await mswLoader()(context);
  const worker = (context as StoryContext & { msw: SetupWorker }).msw;
  const endpoint = createEndpoint(context.parameters.endpoint);
  worker.use(...endpointHandlers(endpoint));
  return { endpoint };
};

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
  loaders: [mockEndpoint],
  beforeEach(context) {
    clearWidgetSession();
    const cleanups: (() => void)[] = [];
    if (context.parameters.offline) cleanups.push(goOffline());
    if (context.parameters.expectedConsoleErrors?.length) cleanups.push(expectConsoleErrors(context.parameters.expectedConsoleErrors));
    return () => {
      for (const cleanup of cleanups.reverse()) cleanup();
    };
  },
  parameters: {
    controls: { expanded: true, matchers: { color: /colou?r$/i } },
    docs: { toc: true },
    a11y: { test: 'error' },
    options: { storySort: { order: ['Introduction', 'Embedding', 'Widgets', ['Sign-up', 'Meetings', 'Feedback'], 'Theming'] } },
  },
  tags: ['autodocs'],
};

export default preview;
