/**
 * One spelling for a phone number, so a person can be found however they (or the involvement team)
 * wrote it: UK numbers in national form (`+44 (0)7700 900982`, `0044 7700-900982` → `07700900982`),
 * other countries as `+` and digits (`0033 1 23…` → `+33123…`).
 */

/** The normalised number, or null when it is not a usable phone number (under 7 or over 15 digits). */
export function normalisePhone(raw: string): string | null {
  let n = raw.replace(/[\s\-.()]/g, '');
  if (n.startsWith('00')) n = '+' + n.slice(2);
  if (!/^\+?\d+$/.test(n)) return null;
  if (n.startsWith('+44')) n = '0' + n.slice(3).replace(/^0/, ''); // +44 (0)… → 0…
  const digits = n.replace('+', '').length;
  return digits >= 7 && digits <= 15 ? n : null;
}
