/**
 * Where a widget's options come from, highest first: the element's own attribute/property, its
 * `<script type="application/json">` child, `InvolveWidgets.configure()`, then built-in defaults.
 */
export interface OptionItem {
  id: string;
  label: string;
}

export interface WidgetOptions {
  endpoint?: string;
  partner?: string;
  locale?: string;
  strings?: Record<string, string>;
  workstreams?: OptionItem[];
  services?: OptionItem[];
}

interface InvolveGlobal {
  configure(options: WidgetOptions): void;
  readonly options: WidgetOptions;
  readonly version: string;
}

declare global {
  interface Window {
    InvolveWidgets?: InvolveGlobal;
  }
}

/** Replaced by package.json's `version` when the bundles are built (rollup.config.js, `define`). */
declare const __INVOLVE_WIDGETS_VERSION__: string | undefined;
/** This build's version (package.json's); `0.0.0-dev` when run from source (tests, Storybook). */
export const WIDGET_VERSION: string = typeof __INVOLVE_WIDGETS_VERSION__ === 'string' ? __INVOLVE_WIDGETS_VERSION__ : '0.0.0-dev';
/** Attribution sent with every submission: the partner, and the page without its query or #fragment. */
export function submissionSource(partner?: string): { partner?: string; page: string; widgetVersion: string } {
  return { ...(partner ? { partner } : {}), page: location.href.split(/[?#]/)[0]!.slice(0, 2000), widgetVersion: WIDGET_VERSION };
}

export const CONFIGURE_EVENT = 'involve-widgets-configure';

/**
 * Installs `window.InvolveWidgets` once. A second bundle on the page (another version, or the same
 * file twice) finds it there and shares it, so `configure()` reaches every widget.
 */
export function installGlobal(): InvolveGlobal {
  if (window.InvolveWidgets) return window.InvolveWidgets;
  let options: WidgetOptions = {};
  const api: InvolveGlobal = {
    configure(next: WidgetOptions) {
      if (!next || typeof next !== 'object') {
        console.error('InvolveWidgets.configure() needs an object, like { endpoint: "https://…" }');
        return;
      }
      options = { ...options, ...next, strings: { ...options.strings, ...next.strings } };
      window.dispatchEvent(new Event(CONFIGURE_EVENT));
    },
    get options() {
      return options;
    },
    version: WIDGET_VERSION,
  };
  Object.defineProperty(window, 'InvolveWidgets', { value: api, configurable: true });
  return api;
}

export function globalOptions(): WidgetOptions {
  return installGlobal().options;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asOptionItems(v: unknown): OptionItem[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const items = v
    .map((item) => (typeof item === 'string' ? { id: item, label: item } : item))
    .filter((item): item is OptionItem => isRecord(item) && typeof item.id === 'string' && typeof item.label === 'string')
    .map(({ id, label }) => ({ id, label }));
  return items.length ? items : undefined;
}

function asStrings(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Keeps only well-formed options from untrusted JSON (a feed, a JSON child, a global call). */
export function sanitizeOptions(raw: unknown): WidgetOptions {
  if (!isRecord(raw)) return {};
  // Ill-formed options come out as undefined, which every reader takes as "not set".
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    endpoint: text(raw.endpoint),
    partner: text(raw.partner),
    locale: text(raw.locale),
    strings: asStrings(raw.strings),
    workstreams: asOptionItems(raw.workstreams),
    services: asOptionItems(raw.services),
  };
}

/** Reads the element's JSON child; invalid JSON is reported naming the element, and ignored. */
export function readJsonChild(host: HTMLElement): WidgetOptions {
  const script = host.querySelector(':scope > script[type="application/json"]');
  if (!script) return {};
  try {
    return sanitizeOptions(JSON.parse(script.textContent ?? ''));
  } catch (e) {
    console.error(`<${host.localName}>: its JSON <script> is not valid JSON, ignored.`, e);
    return {};
  }
}

export type EndpointCheck =
  | { ok: true; url: string }
  /** `reason` is also the key of the strings that explain it to the webmaster. */
  | { ok: false; reason: 'configMissing' | 'configInvalid' | 'configInsecure'; value?: string };

/** localhost, *.localhost and the loopback addresses: the only hosts allowed plain http. */
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/;

/**
 * https only; http just for localhost, so a partner never posts personal data in the clear.
 * A relative address ("/api") is resolved against the page, for the Trust's own site.
 */
export function checkEndpoint(raw: string | undefined | null): EndpointCheck {
  const value = raw?.trim();
  if (!value) return { ok: false, reason: 'configMissing' };
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return { ok: false, reason: 'configInvalid', value };
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure) return { ok: false, reason: 'configInsecure', value };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** `{endpoint}/{path}` (a path like 'options', no leading slash), whatever trailing slashes the webmaster typed. */
export function endpointUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}
