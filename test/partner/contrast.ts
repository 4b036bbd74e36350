/** Contrast as the browser computes it: WCAG ratios from computed colours, plus axe's color-contrast rule. */
import 'axe-core/axe.min.js';

type Rgba = [number, number, number, number];

export function parseColour(value: string): Rgba {
  const m = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
  return [m[0]!, m[1]!, m[2]!, m[3] ?? 1];
}

const over = (top: Rgba, under: Rgba): Rgba => {
  const a = top[3];
  return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
};

const luminance = ([r, g, b]: Rgba) =>
  [r, g, b].map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);

export function ratio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour behind `el`: its own background over its parents' (across shadow roots), down to white canvas. */
export function backgroundOf(el: Element | null): Rgba {
  const layers: Rgba[] = [];
  for (let e = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host as Element | undefined) ?? null) {
    const bg = parseColour(getComputedStyle(e).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((under, top) => over(top, under), [255, 255, 255, 1]);
}

const hidden = (el: Element) => {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath === 'inset(50%)' || e.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
};

/** Every visible run of text in `el`'s shadow root below AA (4.5:1, 3:1 for large text). */
export function lowContrastText(el: Element): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    const own = [...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!own || hidden(node)) continue;
    const s = getComputedStyle(node);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    const bg = backgroundOf(node);
    const r = ratio(over(parseColour(s.color), bg), bg);
    if (r < (large ? 3 : 4.5)) out.push(`"${node.textContent!.trim().slice(0, 40)}" ${s.color} on ${bg.slice(0, 3).join(',')}: ${r.toFixed(2)}`);
  }
  return out;
}

/** The tick or radio dot of each checked choice against its box (1.4.11 asks 3:1). */
export function lowContrastMarks(el: Element): string[] {
  const out: string[] = [];
  for (const input of el.shadowRoot!.querySelectorAll<HTMLInputElement>('.choice__input:checked')) {
    const label = input.nextElementSibling!;
    const box = parseColour(getComputedStyle(label, '::before').backgroundColor);
    const mark = getComputedStyle(label, '::after');
    const ink = parseColour(input.type === 'radio' ? mark.backgroundColor : mark.borderBottomColor);
    const r = ratio(over(ink, box), box);
    if (r < 3) out.push(`${input.id} mark ${r.toFixed(2)}`);
  }
  return out;
}

/** axe's color-contrast rule alone, on the element (it reads into shadow roots). */
export async function axeContrast(el: Element): Promise<string[]> {
  const axe = (window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { nodes: { failureSummary: string; target: unknown }[] }[] }> } }).axe;
  const result = await axe.run(el, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`));
}

/** Everything above, labelled with the state it was seen in. */
export async function contrastProblems(el: Element, state: string): Promise<string[]> {
  return [...lowContrastText(el), ...lowContrastMarks(el), ...(await axeContrast(el))].map((p) => `${state}: ${p}`);
}

/** The hosts of issue 18: a plain light page, a dark theme, and a dark theme with theme="dark" on the widget. */
export const HOSTS = {
  light: '',
  dark: 'body { background: #111; color: #eee; color-scheme: dark }',
} as const;

export function setHostCss(css: string): void {
  let style = document.getElementById('host-css');
  if (!style) {
    style = document.createElement('style');
    style.id = 'host-css';
    document.head.append(style);
  }
  style.textContent = css;
}
