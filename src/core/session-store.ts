/**
 * sessionStorage, defensively: it can be missing, full or blocked (Safari private mode, sandboxed
 * iframes). Losing a draft must never break the form, so every call swallows storage errors.
 * Personal data lives here only for this tab's session, never in localStorage (contract §1).
 */
const PREFIX = 'involve-widgets:';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readJson<T>(key: string): T | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    /* full or blocked: the answers are still on screen */
  }
}

export function remove(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    /* ignore */
  }
}
