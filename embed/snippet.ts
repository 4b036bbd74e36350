/**
 * What the embed builder gives a webmaster (issue 19): the complete HTML snippet (versioned script URL
 * with its SRI hash, the element with the endpoint and options filled in) and the WordPress shortcode.
 * Pure functions, so the same text is tested without a browser.
 */
export type Widget = 'signup' | 'meetings' | 'feedback';

export interface EmbedOptions {
  widget: Widget;
  endpoint: string;
  partner: string;
  easyRead: boolean;
  /** 2 (default) to 6. */
  headingLevel: number;
  /** Meetings only. */
  limit?: number | undefined;
  collaborative?: string | undefined;
  workstream?: string | undefined;
  /** A #rrggbb colour, or '' for the default NHS green. */
  accentColour: string;
  /** The dark palette (`theme="dark"`), for dark pages. */
  dark?: boolean | undefined;
}

export interface SizesFile {
  name: string;
  integrity: string;
}
export interface Sizes {
  version: string;
  files: SizesFile[];
}

export const DEFAULT_ACCENT = '#007f3b';

/** Escapes text for an HTML attribute value in double quotes. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The element's attributes, in a stable order, only those that differ from the defaults. */
export function attributes(o: EmbedOptions): [string, string | true][] {
  const list: [string, string | true][] = [['endpoint', o.endpoint]];
  if (o.widget !== 'meetings' && o.partner) list.push(['partner', o.partner]);
  if (o.easyRead) list.push(['easy-read', true]);
  if (o.headingLevel !== 2) list.push(['heading-level', String(o.headingLevel)]);
  if (o.dark) list.push(['theme', 'dark']);
  if (o.widget === 'meetings') {
    if (o.limit) list.push(['limit', String(o.limit)]);
    if (o.collaborative) list.push(['collaborative', o.collaborative]);
    if (o.workstream) list.push(['workstream', o.workstream]);
  }
  return list;
}

/** The accent colour as a CSS declaration, or '' for the default. */
export function accentStyle(o: EmbedOptions): string {
  return /^#[0-9a-f]{6}$/i.test(o.accentColour) && o.accentColour.toLowerCase() !== DEFAULT_ACCENT ? `--involve-accent-colour: ${o.accentColour}` : '';
}

export function scriptFile(widget: Widget): string {
  return `involve-${widget}.js`;
}

export function snippet(o: EmbedOptions, sizes: Sizes): string {
  const file = sizes.files.find((f) => f.name === scriptFile(o.widget));
  const base = o.endpoint.replace(/\/+$/, '');
  const tag = `involve-${o.widget}`;
  const attrs = attributes(o).map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${attr(value)}"`));
  const style = accentStyle(o);
  return [
    `<script type="module" src="${attr(`${base}/widgets/${sizes.version}/${scriptFile(o.widget)}`)}"`,
    `        integrity="${attr(file?.integrity ?? '')}" crossorigin="anonymous"></script>`,
    `<${tag}${attrs.join('')}${style ? ` style="${attr(style)}"` : ''}></${tag}>`,
  ].join('\n');
}

/** The WordPress plugin's shortcode for the same widget (integrations/wordpress/). */
export function shortcode(o: EmbedOptions): string {
  const sc: [string, string][] = [];
  if (o.widget !== 'meetings' && o.partner) sc.push(['partner', o.partner]);
  if (o.easyRead) sc.push(['easy_read', 'yes']);
  if (o.headingLevel !== 2) sc.push(['heading_level', String(o.headingLevel)]);
  if (o.dark) sc.push(['theme', 'dark']);
  if (o.widget === 'meetings') {
    if (o.limit) sc.push(['limit', String(o.limit)]);
    if (o.collaborative) sc.push(['collaborative', o.collaborative]);
    if (o.workstream) sc.push(['workstream', o.workstream]);
  }
  if (accentStyle(o)) sc.push(['accent_colour', o.accentColour]);
  // WordPress shortcode attribute values can't hold a double quote or square brackets.
  const clean = (v: string) => v.replace(/["[\]]/g, '');
  return `[involve_${o.widget}${sc.map(([k, v]) => ` ${k}="${clean(v)}"`).join('')}]`;
}

/** What a webmaster sends the Trust to get their site on the allow-list. */
export function allowListRequest(site: string, partner: string): string {
  return `Please add ${site} to the involvement widgets allow-list for partner "${partner || '(our partner id)'}", so the sign-up and feedback forms on our site can send to the Trust.`;
}
