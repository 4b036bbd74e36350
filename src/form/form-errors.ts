/**
 * Which field an error belongs to, and the one message per field in page order that the error
 * summary and inline errors show (GOV.UK: one message per field, summary in page order).
 */
import type { FieldError } from '../schema/common.js';

/** `/contact/email` → `email`; `/relationship/0` → `relationship`; aliases for whole objects. */
export function fieldForPointer(pointer: string, aliases: Record<string, string> = {}): string {
  const alias = aliases[pointer];
  if (alias) return alias;
  const parts = pointer.split('/').slice(1).filter((p) => !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? '';
}

export function errorsByField(errors: readonly FieldError[], fieldOrder: readonly string[], aliases?: Record<string, string>): { field: string; detail: string }[] {
  const byField = new Map<string, string>();
  for (const e of errors) {
    const field = fieldForPointer(e.pointer, aliases);
    if (!byField.has(field)) byField.set(field, e.detail);
  }
  // A field not in the order (none should be) goes last.
  const order = (f: string) => fieldOrder.indexOf(f) >>> 0;
  return [...byField].map(([field, detail]) => ({ field, detail })).sort((a, b) => order(a.field) - order(b.field));
}

/** The free-text field holding the most text: where a 413 "too long" belongs. */
export function longestField(values: Record<string, unknown>, textFields: readonly string[]): string | undefined {
  const length = (f: string) => String(values[f] ?? '').length;
  return [...textFields].sort((a, b) => length(b) - length(a))[0];
}
