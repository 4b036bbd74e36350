/**
 * The endpoint every story talks to: the real server app (server/app.ts) running in the browser,
 * behind the same fault layer the browser tests use (test/endpoint/test-endpoint.ts), with the
 * server's own storage code on SQLite compiled to WebAssembly. Mock Service Worker hands it every
 * request to the contract's example URL. One fresh endpoint per story render, set up from the
 * story's `parameters.endpoint` (faults, meetings, options), so each story shows a real state
 * produced by the real server's answers rather than a faked component.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { TestEndpoint, type ControlCommand, type Fault } from '../test/endpoint/test-endpoint.js';
import { openSqlJsStorage } from '../test/endpoint/sqljs-storage.js';

/** The contract's example endpoint; MSW answers it, nothing leaves the browser. */
export const API = 'https://involve.example.nhs.uk/api';

/** `parameters.endpoint` of a story. */
export interface EndpointSetup {
  /** Faults taken in order by matching requests (default: POSTs), as in the browser tests. */
  faults?: Fault[];
  /** Meetings stored on the server, which its `GET /meetings` serves (filtered, ordered, capped). */
  meetings?: unknown[];
  /** A feed no reference server sends (over its 200 cap, or malformed), answered as is. */
  feed?: unknown[];
  /** What `GET /options` returns (the server's OPTIONS_FILE lists; `{}` when unset). */
  options?: unknown;
  /**
   * The contract's bot rule (elapsedMs below it → 202, nothing stored). Stories fill forms instantly
   * through `prefill`, so it is off unless a story asks for it.
   */
  minElapsedMs?: number;
}

export async function createEndpoint(setup: EndpointSetup = {}): Promise<TestEndpoint> {
  const endpoint = new TestEndpoint(openSqlJsStorage, [location.origin]);
  const cmd: ControlCommand = { minElapsedMs: setup.minElapsedMs ?? 0 };
  if (setup.faults) cmd.faults = setup.faults;
  if (setup.meetings) cmd.meetings = setup.meetings;
  if (setup.feed) cmd.feed = setup.feed;
  if (setup.options !== undefined) cmd.options = setup.options;
  await endpoint.control(cmd);
  return endpoint;
}

const basePath = new URL(API).pathname;

/**
 * A docs page renders all of a widget's stories at once, each with its own endpoint: there the
 * widget's endpoint gets a per-story prefix, `{API}/~{storyId}`, which the handler strips again.
 */
export const docsEndpointUrl = (storyId: string) => `${API}/~${storyId}`;

/**
 * MSW handlers that send every request under {@link API} to a test endpoint: the story's own one
 * for a `/~{storyId}/…` path, else `current()` (the story being shown).
 */
export function endpointHandlers(lookup: (storyId?: string) => TestEndpoint | Promise<TestEndpoint>): HttpHandler[] {
  return [
    http.all(`${API}/*`, async ({ request }) => {
      let path = new URL(request.url).pathname.slice(basePath.length) || '/';
      const scoped = /^\/~([^/]+)(\/.*)?$/.exec(path);
      const endpoint = await lookup(scoped?.[1]);
      if (scoped) path = scoped[2] ?? '/';
      const response = await endpoint.handle(request, path);
      return response ?? HttpResponse.error();
    }),
  ];
}
