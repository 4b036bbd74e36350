/**
 * The endpoint every story talks to: the same MockEndpoint the browser tests use (test/mock-endpoint),
 * answered by Mock Service Worker at the contract's example URL. One fresh endpoint per story render,
 * set up from the story's `parameters.endpoint` (faults, meetings, options), so each story shows a
 * real state produced by real HTTP answers rather than a faked component.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { MockEndpoint, type Fault } from '../test/mock-endpoint/endpoint.js';

/** The contract's example endpoint; MSW answers it, nothing leaves the browser. */
export const API = 'https://involve.example.nhs.uk/api';

/** `parameters.endpoint` of a story. */
export interface EndpointSetup {
  /** Faults taken in order by matching requests (default: POSTs), as in the browser tests. */
  faults?: Fault[];
  /** What `GET /meetings` returns. */
  meetings?: unknown[];
  /** What `GET /options` returns (404 when unset). */
  options?: unknown;
  /**
   * The contract's bot rule (elapsedMs below it → 202, nothing stored). Stories fill forms instantly
   * through `prefill`, so it is off unless a story asks for it.
   */
  minElapsedMs?: number;
}

export function createEndpoint(setup: EndpointSetup = {}): MockEndpoint {
  const endpoint = new MockEndpoint();
  endpoint.faults = [...(setup.faults ?? [])];
  endpoint.meetings = setup.meetings ?? [];
  endpoint.options = setup.options ?? null;
  endpoint.minElapsedMs = setup.minElapsedMs ?? 0;
  return endpoint;
}

const basePath = new URL(API).pathname;

/**
 * A docs page renders all of a widget's stories at once, each with its own endpoint: there the
 * widget's endpoint gets a per-story prefix, `{API}/~{storyId}`, which the handler strips again.
 */
export const docsEndpointUrl = (storyId: string) => `${API}/~${storyId}`;

/**
 * MSW handlers that send every request under {@link API} to a MockEndpoint: the story's own one for
 * a `/~{storyId}/…` path, else `current()` (the story being shown).
 */
export function endpointHandlers(lookup: (storyId?: string) => MockEndpoint): HttpHandler[] {
  return [
    http.all(`${API}/*`, async ({ request }) => {
      let path = new URL(request.url).pathname.slice(basePath.length) || '/';
      const scoped = /^\/~([^/]+)(\/.*)?$/.exec(path);
      const endpoint = lookup(scoped?.[1]);
      if (scoped) path = scoped[2] ?? '/';
      const fault = endpoint.takeFault(request.method, path);
      if (fault?.drop) {
        endpoint.requests.push({ method: request.method, path, key: request.headers.get('idempotency-key'), body: await request.text() });
        return HttpResponse.error();
      }
      const response = await endpoint.handle(request, path, fault);
      // As the real server does (contract §5): scripts may read these across origins.
      const headers = new Headers(response.headers);
      headers.set('access-control-expose-headers', 'Retry-After, ETag');
      headers.set('cache-control', 'no-store');
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  ];
}
