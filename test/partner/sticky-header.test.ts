/**
 * Issue 18, focus under sticky headers (WCAG 2.4.11): whatever the widget focuses — the error
 * summary, an easy-read question, the success heading, a field from a summary link — lands fully
 * visible below the page's fixed or sticky header: with the page's scroll-padding-top, with
 * --involve-scroll-offset, and with neither (the widget steps clear of the header it finds).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/involve-signup.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import { ENDPOINT, resetMock, waitUntil } from '../helpers.js';
import { $, clearSession, FAST, validAnswers } from '../signup/signup-fixture.js';
import { setHostCss } from './contrast.js';

const HEADER = 100;

/** A page with a 100px header (fixed or sticky) and room to scroll above and below the widget. */
async function page(position: 'fixed' | 'sticky', pageCss = '', widgetStyle = ''): Promise<InvolveSignup> {
  setHostCss(`#site-header { position: ${position}; top: 0; left: 0; right: 0; height: ${HEADER}px; background: #005eb8; z-index: 10 } ${pageCss}`);
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <header id="site-header">Partner site</header>
    <div style="height: 1600px"></div>
    <involve-signup endpoint=${ENDPOINT} style=${widgetStyle}></involve-signup>
    <div style="height: 2400px"></div>
  </div>`);
  const el = wrapper.querySelector<InvolveSignup>('involve-signup')!;
  el.retryPolicy = FAST;
  await el.updateComplete;
  return el;
}

/** The focused element inside the widget is wholly in the window and below the header. */
function visibleBelowHeader(el: InvolveSignup, least = HEADER): void {
  const focused = el.shadowRoot!.activeElement as HTMLElement;
  expect(focused, 'something in the widget has focus').to.exist;
  const rect = focused.getBoundingClientRect();
  const what = `${focused.localName}.${focused.className} at ${Math.round(rect.top)}-${Math.round(rect.bottom)}`;
  expect(rect.top, `${what}: top below the header`).to.be.at.least(least - 1);
  expect(rect.bottom, `${what}: bottom in the window`).to.be.at.most(innerHeight + 1);
}

const scrollAway = () => scrollTo(0, 0);

describe('issue 18: focus lands below a fixed or sticky header', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });
  after(() => setHostCss(''));

  for (const position of ['fixed', 'sticky'] as const) {
    it(`${position} header, no scroll-padding: error summary, a summary link's field, success heading`, async () => {
      const el = await page(position);
      scrollAway();
      await el.submit();
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.focus).to.equal('error-summary');
      visibleBelowHeader(el);
      scrollAway();
      $(el, '.error-summary__list a')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement!.id).to.equal('f-name');
      visibleBelowHeader(el);
      el.prefill(validAnswers);
      scrollTo(0, document.documentElement.scrollHeight);
      await el.submit();
      await waitUntil(() => $(el, '[part=success]'), 'success');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement!.className).to.contain('heading');
      visibleBelowHeader(el);
    });
  }

  it('easy-read: Continue brings the next question fully below a sticky header', async () => {
    const el = await page('sticky');
    el.easyRead = true;
    el.prefill(validAnswers);
    await el.updateComplete;
    for (let i = 0; i < 3; i++) {
      const before = el.shadowRoot!.activeElement?.textContent;
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      // The next question's heading (the one before may still hold focus until the step changes).
      await waitUntil(() => {
        const focused = el.shadowRoot!.activeElement as HTMLElement | null;
        return focused?.dataset.focus === 'step-heading' && focused.textContent !== before;
      }, 'next question focused');
      visibleBelowHeader(el);
    }
  });

  it("honours the page's scroll-padding-top", async () => {
    const el = await page('fixed', 'html { scroll-padding-top: 140px }');
    scrollAway();
    await el.submit();
    visibleBelowHeader(el, 140);
    expect((el.shadowRoot!.activeElement as HTMLElement).getBoundingClientRect().top).to.be.below(150);
  });

  it('and --involve-scroll-offset, for pages that set none', async () => {
    const el = await page('fixed', '', '--involve-scroll-offset: 160px');
    scrollAway();
    await el.submit();
    visibleBelowHeader(el, 160);
    expect((el.shadowRoot!.activeElement as HTMLElement).getBoundingClientRect().top).to.be.below(170);
  });
});
