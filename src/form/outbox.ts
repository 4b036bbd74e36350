/**
 * Submissions made while offline wait here (sessionStorage, this tab only) and are sent when the
 * browser comes back online or the page loads again. Each keeps its Idempotency-Key and exact bytes,
 * so however many times it is flushed — by two widgets, two bundles or a reload mid-send — the
 * server stores it once.
 */
import { readJson, writeJson } from '../core/session-store.js';
import type { Submission } from '../core/submit-client.js';

export interface OutboxItem extends Submission {
  form: string;
  queuedAt: number;
}

const KEY = 'outbox';

export function outboxItems(form?: string): OutboxItem[] {
  const items = readJson<OutboxItem[]>(KEY);
  const valid = Array.isArray(items) ? items.filter((i) => i && typeof i.key === 'string' && typeof i.bytes === 'string' && typeof i.url === 'string') : [];
  return form ? valid.filter((i) => i.form === form) : valid;
}

export function addToOutbox(item: OutboxItem): void {
  writeJson(KEY, [...outboxItems().filter((i) => i.key !== item.key), item]);
}

export function removeFromOutbox(key: string): void {
  writeJson(KEY, outboxItems().filter((i) => i.key !== key));
}

// Shared across bundles on one page (two script tags) so one tab never flushes an item twice at once.
const inFlight: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('involve-widgets.outbox-in-flight')] ??= new Set<string>()) as Set<string>;

/** Sends each of `form`'s queued items once; `send` decides what to do with the outcome. */
export async function flushOutbox(form: string, send: (item: OutboxItem) => Promise<void>): Promise<void> {
  for (const item of outboxItems(form)) {
    if (inFlight.has(item.key)) continue;
    inFlight.add(item.key);
    try {
      await send(item);
    } finally {
      inFlight.delete(item.key);
    }
  }
}
