/**
 * Calendar text made fit for a public page: HTML reduced to plain text (X-ALT-DESC is never read), and
 * the joining details that invitations carry taken out: the Teams / Zoom / Google Meet / Webex blocks
 * Outlook and Google append, meeting links, meeting IDs, passcodes, PINs and dial-in numbers. What is
 * left is the organiser's own words. `joinInfo` then says how joining works, without the secret.
 */

export type Platform = 'teams' | 'zoom' | 'meet' | 'webex' | 'online';

/** Hosts whose links are a way into a meeting (so: never public). */
const MEETING_HOST = /(^|\.)(teams\.microsoft\.com|teams\.live\.com|zoom\.us|zoomgov\.com|meet\.google\.com|webex\.com|gotomeeting\.com|gotomeet\.me|whereby\.com|meet\.jit\.si|bluejeans\.com|skype\.com|lync\.com)$/i;
const URL_IN_TEXT = /<?\b(?:https?:\/\/|www\.)[^\s<>"]+>?/gi;

export function platformOfUrl(url: string): Platform | undefined {
  let host: string;
  try {
    host = new URL(/^www\./i.test(url) ? `https://${url}` : url).hostname;
  } catch {
    return undefined;
  }
  if (!MEETING_HOST.test(host)) return undefined;
  if (/teams|skype|lync/i.test(host)) return 'teams';
  if (/zoom/i.test(host)) return 'zoom';
  if (/meet\.google/i.test(host)) return 'meet';
  if (/webex/i.test(host)) return 'webex';
  return 'online';
}

/** Platforms named by meeting links anywhere in this text. */
export function platformsIn(text: string): Platform[] {
  const found = new Set<Platform>();
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const p = platformOfUrl(m[0].replace(/^<|>$/g, ''));
    if (p) found.add(p);
  }
  return [...found];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', pound: '£' };

/** HTML (as some calendars put in DESCRIPTION) → plain text with line breaks where blocks were. */
export function htmlToText(value: string): string {
  if (!/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(value)) return value;
  return value
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|ul|ol)\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '• ')
    .replace(/<a\b[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a\s*>/gi, (_, href: string, label: string) => `${label} <${href}>`)
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Math.min(parseInt(n, 16), 0x10ffff)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
}

/** Where an invitation's joining block starts: everything from here to its end marker (or the end) goes. */
const BLOCK_START = [
  /^_{10,}\s*$/, // Outlook's Teams block is framed by lines of underscores
  /^-::~:~::~/, // Google's "-::~:~::~:~:~:~…::-" frame
  /^\s*Microsoft Teams (meeting|Need help\?)/i,
  /^\s*Join (the |this )?(Zoom|Microsoft Teams|Teams|Google Meet|Webex|with Google Meet|online)\b.*$/i,
  /^\s*Join (on your computer|from your computer|by phone|by video system)/i,
  /^\s*(Join|Click here to join) the meeting\s*(<[^>]*>)?\s*$/i,
];
const BLOCK_END = [/^_{10,}\s*$/, /^-::~:~::~/];

/** Lines that are joining details wherever they are. */
const SECRET_LINE = [
  /\b(meeting|conference|webinar|access|event)\s*(id|number|code)\s*[:#]/i,
  /\b(pass ?code|password|passwd)\b\s*[:#=]?\s*\S/i,
  /\bPIN\s*[:#=]\s*\S/i,
  /\bdial[ -]?in\b|\bcall in\b|\bjoin by phone\b|\bone tap mobile\b|\bfind (a|your) local number\b|\breset pin\b/i,
  /\btel:\+?\d/i,
  /\+?\d[\d ()-]{7,}\d\s*(,,|;|#)/, // +44 20 3443 9876,,123456789#
  /(^|\s)\+\d{1,3}[\d ()-]{8,}\d\b/, // an international phone number on its own
  /\bdownload teams\b|\bjoin on the web\b|\bmeeting options\b|\blearn more about teams\b|\bhelp\s*\|/i,
];

/**
 * The organiser's text without joining details, trimmed, blank runs collapsed. The platforms whose
 * links it held are returned too (they make a meeting online).
 */
export function cleanDescription(raw: string | undefined): { text: string | undefined; platforms: Platform[] } {
  if (!raw) return { text: undefined, platforms: [] };
  const plain = htmlToText(raw).replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const platforms = platformsIn(plain);
  const kept: string[] = [];
  let inBlock = false;
  for (const line of plain.split('\n')) {
    if (inBlock) {
      if (BLOCK_END.some((re) => re.test(line))) inBlock = false;
      continue;
    }
    if (BLOCK_START.some((re) => re.test(line))) {
      inBlock = true;
      continue;
    }
    if (SECRET_LINE.some((re) => re.test(line))) continue;
    // A meeting link inside a sentence goes; other links (a booking page, a leaflet) stay.
    const stripped = line.replace(URL_IN_TEXT, (url) => (platformOfUrl(url.replace(/^<|>$/g, '')) ? '' : url)).replace(/[ \t]+$/g, '');
    if (stripped.trim() === '' && line.trim() !== '') continue;
    kept.push(stripped);
  }
  const text = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: text || undefined, platforms };
}

const NAMES: Record<Platform, string> = { teams: 'Microsoft Teams', zoom: 'Zoom', meet: 'Google Meet', webex: 'Webex', online: 'Online' };

/** "Microsoft Teams: the link is sent when you book." — how joining works, never the link itself. */
export function joinInfoFor(platform: Platform): string {
  return `${NAMES[platform]}: the link is sent when you book.`;
}
