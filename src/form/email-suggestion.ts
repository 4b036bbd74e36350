/**
 * "Did you mean …@hotmail.com?" for common domain typos (GOV.UK research: a gentle prompt, never a
 * block). Suggests a known domain one or two edits away from what was typed.
 */
const COMMON_DOMAINS = [
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.co.uk', 'outlook.com', 'live.co.uk', 'live.com', 'yahoo.com',
  'yahoo.co.uk', 'icloud.com', 'me.com', 'btinternet.com', 'sky.com', 'aol.com', 'virginmedia.com', 'talktalk.net', 'nhs.net', 'protonmail.com',
];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const temp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = temp;
    }
  }
  return row[b.length]!;
}

/**
 * The address with a known domain in place of a near miss, or undefined. `typing`: the person may not
 * have finished (a pause, not leaving the field), so a domain without a dot yet, or the start of a known
 * one ("hotmail.co" on the way to "hotmail.co.uk"), gets no suggestion.
 */
export function suggestEmail(email: string, typing = false): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = email.slice(at + 1).trim().toLowerCase();
  if (!domain || COMMON_DOMAINS.includes(domain)) return undefined;
  if (typing && (!domain.includes('.') || COMMON_DOMAINS.some((known) => known.startsWith(domain)))) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of COMMON_DOMAINS) {
    const d = distance(domain, known);
    if (d > 0 && d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best ? `${email.slice(0, at)}@${best}` : undefined;
}
