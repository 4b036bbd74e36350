import type { Strings } from './strings.js';

/**
 * On-demand packs (issue 16's size rule): wording a widget imports from beside its bundle when it needs
 * it — easy read when it is on, the messages pack once the widget is on screen. One load per page for
 * each pack, shared by every widget of the kind; a widget stays usable without it.
 */
export type PackLoader = () => Promise<{ default: Strings }>;

/** By loader: the wording once loaded, the load under way, or null if it failed. */
const packs = new Map<unknown, Strings | Promise<void> | null>();

/** The pack's wording once it has loaded. */
export function packed(loader: PackLoader | undefined): Strings | undefined {
  const pack = packs.get(loader);
  return pack instanceof Promise ? undefined : (pack ?? undefined);
}

/** Lets a pack that failed be tried again at its next load. */
export function retryPack(loader: PackLoader): void {
  if (packs.get(loader) === null) packs.delete(loader);
}

/**
 * Starts (once a page) or follows a pack's load for `host`: its promise while under way, undefined once
 * settled. `host` is updated when it arrives (once per load: `asked` remembers the loads it follows).
 */
export function loadPack(
  host: HTMLElement & { requestUpdate(): void },
  loader: PackLoader | undefined,
  asked: Set<Promise<unknown>>,
  failed: string,
): Promise<unknown> | undefined {
  if (!loader) return undefined;
  let pack = packs.get(loader);
  if (pack === undefined) {
    packs.set(
      loader,
      (pack = loader.call(host).then(
        (module) => void packs.set(loader, module.default),
        (error: unknown) => {
          packs.set(loader, null);
          console.warn(`<${host.localName}>: ${failed}`, error);
        },
      )),
    );
  }
  if (!(pack instanceof Promise)) return undefined;
  if (!asked.has(pack)) {
    asked.add(pack);
    void pack.then(() => host.requestUpdate());
  }
  return pack;
}
