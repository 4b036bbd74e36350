/**
 * Tells the webmaster's mistakes from the visitor's network, before anyone types: asks the endpoint's
 * CORS-open `GET {endpoint}/probe` (reference server: `{ api: 'involve', originAllowed }`), once per
 * endpoint per page.
 *
 *  - `endpoint-not-found`: something answers at that address, but not this API (a 404, a web page):
 *    an endpoint implementing the contract answers `GET /probe` (contract notes).
 *  - `origin-not-allowed`: the API says this page's origin is not on its allow-list; or the request is
 *    refused by CORS twice while a `no-cors` request to the same address gets an answer (the server is up).
 *  - no answer at all (offline, DNS, server down, 5xx): the visitor's network or a passing fault, so
 *    a console warning only; the forms stay usable and their retry path deals with it.
 */
import { endpointUrl } from './config.js';
import { fetchWithTimeout } from './fetch-with-timeout.js';

export type EndpointProblem = 'endpoint-not-found' | 'origin-not-allowed';

const asked = new Map<string, Promise<EndpointProblem | undefined>>();

export const probeEndpoint = (base: string): Promise<EndpointProblem | undefined> => asked.get(base) ?? asked.set(base, probe(base)).get(base)!;

async function probe(base: string): Promise<EndpointProblem | undefined> {
  const url = endpointUrl(base, 'probe');
  let problem: EndpointProblem | 'not-answering' | undefined;
  try {
    const response = await fetchWithTimeout(url);
    const body = (await response.json().catch(() => 0)) as { api?: string; originAllowed?: boolean };
    problem = response.status > 499 ? 'not-answering' : body.api !== 'involve' ? 'endpoint-not-found' : body.originAllowed === false ? 'origin-not-allowed' : undefined;
  } catch {
    // Refused by CORS, or no answer: a no-cors request still gets an (opaque) answer from a server
    // that is up; asked once more (a dropped connection is not a refusal), CORS refuses again.
    const again = () => fetchWithTimeout(url, {});
    problem = await fetchWithTimeout(url, { mode: 'no-cors' }).then(
      () => again().then(() => undefined, () => 'origin-not-allowed' as const),
      () => 'not-answering' as const,
    );
  }
  if (problem !== 'not-answering') return problem;
  console.warn(`involve-widgets: ${base} is not answering (network or server down); retrying later.`);
  return undefined;
}
