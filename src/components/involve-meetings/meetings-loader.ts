/**
 * The list's data as a reactive controller: loads when the feed address changes or on `reload`,
 * aborts a stale request so a slow old answer never replaces a newer one, and keeps the last list
 * on screen while a refresh is in flight (no flash of the loading state, no layout shift, focus stays
 * where it was). A few lines instead of @lit/task, whose ~600 B gzip the bundle's budget can't spare.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MeetingsFeed, type FeedResult } from './feed.js';

export class MeetingsLoader implements ReactiveController {
  /** `loading` until the first answer; after that the last good `result` stays while reloading. */
  status: 'loading' | 'complete' | 'error' = 'loading';
  /** The last error came from the server (a status or a body that is not a feed), not the network. */
  serverFault = false;
  result?: FeedResult | undefined;
  #url?: string | undefined;
  #request?: AbortController;
  readonly #feed = new MeetingsFeed();
  readonly #host: ReactiveControllerHost & Element;
  readonly #onLoaded: (result: FeedResult) => void;

  constructor(host: ReactiveControllerHost & Element, onLoaded: (result: FeedResult) => void) {
    this.#host = host;
    this.#onLoaded = onLoaded;
    host.addController(this);
  }

  hostConnected(): void {
    // Back in the page after a move: load again (the host's next update calls `load`).
    this.#host.requestUpdate();
    addEventListener('online', this.#online);
  }

  hostDisconnected(): void {
    this.#request?.abort();
    this.#url = undefined;
    removeEventListener('online', this.#online);
  }

  /** Back online after a failed load: try again without waiting for Try again (as the forms resend). */
  #online = () => {
    if (this.status === 'error') void this.load(this.#url, true);
  };

  /** Loads `url` unless it is already loaded or loading; `force` asks again (a 304 if unchanged). */
  async load(url: string | undefined, force = false): Promise<void> {
    // Out of the page, an update still to come (Lit runs it) must not load again.
    if (!url || !this.#host.isConnected || (url === this.#url && !force)) return;
    // Another query (attributes changed): the old list does not answer it.
    if (url !== this.#url) this.result = undefined;
    this.#url = url;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.status = 'loading';
    this.#host.requestUpdate();
    try {
      const result = await this.#feed.load(url, request.signal);
      if (request.signal.aborted) return;
      this.result = result;
      this.status = 'complete';
    } catch (error) {
      if (request.signal.aborted) return;
      this.status = 'error';
      this.serverFault = !!(error as { server?: boolean }).server;
    }
    this.#host.requestUpdate();
    if (this.status !== 'complete') return;
    // Announce once the list is on screen, so listeners can read what was rendered (`false`: the
    // update asked for another, like the first page being fitted to the reserved height).
    while (!(await this.#host.updateComplete));
    if (this.#request === request) this.#onLoaded(this.result!);
  }
}
