/**
 * Tells the webmaster's mistakes from the visitor's network, before anyone types: asks the endpoint's
 * CORS-open `GET {endpoint}/probe` (reference server: `{ api: 'involve', originAllowed }`), once per
 * endpoint per page.
 *
 *  - `endpoint-not-found`: something answers at that address, but not this API (a 404, a web page).
 *    An endpoint without the probe route that still serves `GET /meetings` counts as found.
 *  - `origin-not-allowed`: the API says this page's origin is not on its allow-list; or the request is
 *    refused by CORS while a `no-cors` request to the same address gets an answer (the server is up).
 *  - `not-answering`: no answer at all (offline, DNS, server down, 5xx): the visitor's network or a
 *    passing fault, so the forms stay usable and their retry path deals with it.
 */
import { endpointUrl } from './config.js';
import { fetchWithTimeout } from './fetch-with-timeout.js';

export type EndpointProblem = 'endpoint-not-found' | 'origin-not-allowed' | 'not-answering';

const asked = new Map<string, Promise<EndpointProblem | undefined>>();

export function probeEndpoint(base: string): Promise<EndpointProblem | undefined> {
  let answer = asked.get(base);
  if (!answer) asked.set(base, (answer = probe(base)));
  return answer;
}

const getJson = async (url: string): Promise<[number, { api?: unknown; originAllowed?: unknown; meetings?: unknown } | null]> => {
  const response = await fetchWithTimeout(url, { headers: { Accept: 'application/json' } }, 15_000);
  return [response.status, await response.json().catch(() => null)];
};

async function probe(base: string): Promise<EndpointProblem | undefined> {
  const url = endpointUrl(base, 'probe');
  try {
    const [status, body] = await getJson(url);
    if (status > 499) return 'not-answering';
    if (body?.api === 'involve') return body.originAllowed === false ? 'origin-not-allowed' : undefined;
    const [, feed] = await getJson(endpointUrl(base, 'meetings?limit=1'));
    return Array.isArray(feed?.meetings) ? undefined : 'endpoint-not-found';
  } catch {
    try {
      await fetchWithTimeout(url, { mode: 'no-cors' }, 15_000);
      return 'origin-not-allowed';
    } catch {
      return 'not-answering';
    }
  }
}
