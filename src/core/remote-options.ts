/**
 * `GET {endpoint}/options` (contract §5, optional): lists the Trust's endpoint may serve to replace
 * the built-in ones. The endpoint is allowed not to have it, so a 404, a network error, a timeout or a
 * body of the wrong shape all mean "no lists" and the widget quietly keeps its own.
 */
import { endpointUrl, sanitizeOptions, type OptionItem } from './config.js';
import { fetchWithTimeout } from './fetch-with-timeout.js';

export interface RemoteOptions {
  workstreams?: OptionItem[];
  services?: OptionItem[];
}

// Several widgets on one page share one request while it is in flight.
const inFlight = new Map<string, Promise<RemoteOptions>>();

export function fetchRemoteOptions(endpoint: string): Promise<RemoteOptions> {
  const url = endpointUrl(endpoint, 'options');
  let request = inFlight.get(url);
  if (!request) {
    request = fetchWithTimeout(url)
      .then((response) => (response.ok ? response.json() : undefined))
      .then((raw: unknown) => {
        // Only the two lists, item by item: labels are rendered as text, never as markup.
        const { workstreams, services } = sanitizeOptions(raw);
        return { workstreams, services };
      })
      .catch(() => ({}))
      .finally(() => inFlight.delete(url));
    inFlight.set(url, request);
  }
  return request;
}
