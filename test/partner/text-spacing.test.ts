/**
 * Issue 18, text spacing and size from the page (WCAG 1.4.12, 1.4.4) against hostile resets: a
 * text-spacing tool's `* { … !important }` and a site's "larger text" reach the widget; a theme's
 * ordinary rules and `all: revert` resets do not, and `!important` line heights or font sizes that
 * would break it are held to at least 1.5 lines and 16-32px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/involve-signup.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import { ENDPOINT, resetMock } from '../helpers.js';
import { $, $$, clearSession, FAST } from '../signup/signup-fixture.js';
import { setHostCss } from './contrast.js';

async function signup(css: string): Promise<InvolveSignup> {
  setHostCss(css);
  const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
  el.retryPolicy = FAST;
  await el.updateComplete;
  await el.submit(); // errors shown too: the longest layout
  await el.updateComplete;
  return el;
}

const px = (v: string) => parseFloat(v);

/** Text cut off: a control or message whose content is bigger than its box (with overflow hidden or not). */
function clipped(el: InvolveSignup): string[] {
  return $$(el, '.button, .label, .legend, .hint, .error-message, .choice__label, .error-summary a, .input').filter(
    (e) => e.scrollHeight > e.clientHeight + 2 || e.scrollWidth > e.clientWidth + 2,
  ).map((e) => `${e.className}: ${e.textContent?.trim().slice(0, 30)}`);
}

describe('issue 18: text spacing and size set by the page', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });
  afterEach(() => {
    setHostCss('');
    document.documentElement.removeAttribute('style');
  });

  it("a text-spacing tool's !important rules reach the widget (1.4.12), and nothing is cut off", async () => {
    const el = await signup('* { line-height: 2 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important }');
    const hint = $(el, '.hint')!;
    const style = getComputedStyle(hint);
    const size = px(style.fontSize);
    expect(px(style.letterSpacing) / size, 'letter spacing 0.12em').to.be.closeTo(0.12, 0.01);
    expect(px(style.wordSpacing) / size, 'word spacing 0.16em').to.be.closeTo(0.16, 0.01);
    expect(px(style.lineHeight) / size, 'line height 2').to.be.closeTo(2, 0.05);
    expect(clipped(el)).to.deep.equal([]);
  });

  it('a larger text size on the page reaches the widget (1.4.4), within 16-32px', async () => {
    for (const [css, expected] of [
      ['html { font-size: 125% }', 20],
      ['body { font-size: 24px }', 24],
      ['html { font-size: 62.5% }', 16],
      ['body { font-size: 48px }', 32],
    ] as const) {
      const el = await signup(css);
      expect(px(getComputedStyle(el).fontSize), css).to.equal(expected);
      expect(clipped(el), css).to.deep.equal([]);
    }
  });

  it("a theme's ordinary rules and `all: revert` resets do not reach it", async () => {
    const el = await signup('*, *::before, *::after { all: revert } body { letter-spacing: 0.4em; word-spacing: 2em; line-height: 0.6 } involve-signup { line-height: 0.5; letter-spacing: 1em }');
    const style = getComputedStyle($(el, '.hint')!);
    expect(style.letterSpacing).to.equal('normal');
    expect(style.wordSpacing).to.equal('0px');
    expect(px(style.lineHeight) / px(style.fontSize)).to.be.closeTo(1.5, 0.05);
  });

  it('!important resets that would break it are held: lines at least 1.5, text 16px or more, no wide or negative spacing', async () => {
    const el = await signup('* { line-height: 0.6 !important; font-size: 8px !important; letter-spacing: 0.5em !important; word-spacing: -1em !important }');
    for (const e of [$(el, '.hint')!, $(el, '.label')!, $(el, '.choice__label')!]) {
      const style = getComputedStyle(e);
      expect(px(style.fontSize), e.className).to.be.at.least(16);
      expect(px(style.lineHeight) / px(style.fontSize), e.className).to.be.at.least(1.49);
      expect(style.letterSpacing, e.className).to.equal('normal');
      expect(style.wordSpacing, e.className).to.equal('0px');
    }
    expect(clipped(el)).to.deep.equal([]);
  });
});
