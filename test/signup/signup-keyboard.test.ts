/** Completing the sign-up with the keyboard only, and on a host page with hostile global CSS. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../engine.js';
import { mockState, resetMock, waitUntil, ENDPOINT } from '../helpers.js';
import { $, activeId, clearSession, FAST, text } from './signup-fixture.js';
import '../../src/involve-signup.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';

/** Presses Tab until the focused control inside the widget has this id (at most 60 presses). */
async function tabTo(el: InvolveSignup, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (activeId(el) === id) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached #${id} (stuck on ${activeId(el)})`);
}

async function completeByKeyboard(el: InvolveSignup): Promise<void> {
  await tabTo(el, 'f-name');
  await sendKeys({ type: 'Sam Okafor' });
  await tabTo(el, 'f-relationship-2'); // "I am a carer"
  await sendKeys({ press: 'Space' });
  await tabTo(el, 'f-preferred'); // radios: one tab stop, arrows move and select
  await sendKeys({ press: 'Space' });
  await el.updateComplete;
  await tabTo(el, 'f-email');
  await sendKeys({ type: 'sam@example.org' });
  await tabTo(el, 'f-availability-2'); // weekday evenings
  await sendKeys({ press: 'Space' });
  await tabTo(el, 'f-storeDetails');
  await sendKeys({ press: 'Space' });
  for (let i = 0; i < 5 && (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('type') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
  expect((el.shadowRoot!.activeElement as HTMLButtonElement).textContent!.trim()).to.equal('Sign up');
  await sendKeys({ press: 'Enter' });
}

describe('<involve-signup> by keyboard', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('can be completed with the keyboard alone; focus lands on the confirmation', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} partner="kbd"></involve-signup>`);
    el.retryPolicy = FAST;
    await completeByKeyboard(el);
    await waitUntil(() => $(el, '[part=success]'), 'success');
    expect(activeId(el)).to.equal('success');
    const [record] = (await mockState()).records;
    expect(record!.body).to.deep.include({ name: 'Sam Okafor', relationship: ['carer'], availability: ['weekday-evenings'] });
    expect((record!.body as { contact: unknown }).contact).to.deep.equal({ preferred: 'email', email: 'sam@example.org' });
    expect((record!.body as { source: unknown }).source).to.deep.include({ partner: 'kbd' });
  });

  it('shows keyboard focus on a tick box as a thick dark border inside a yellow ring (NHS.UK), not yellow alone', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
    const box = () => getComputedStyle($(el, 'label[for=f-relationship-2]')!, '::before');
    expect(box().borderTopWidth).to.equal('2px');
    await tabTo(el, 'f-relationship-2');
    // The ring's contrast with white is ~1.2:1 (WCAG 1.4.11 needs 3:1), so the border itself must change.
    expect(box().borderTopWidth).to.equal('4px');
    expect(box().borderTopColor).to.equal('rgb(0, 0, 0)');
    expect(box().boxShadow).to.include('rgb(255, 235, 59)');
  });

  it('the honeypot is out of the tab order and hidden from screen readers', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
    const trap = $(el, '#f-website')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden=true]')).to.exist;
    const seen: string[] = [];
    for (let i = 0; i < 50; i++) {
      await sendKeys({ press: 'Tab' });
      seen.push(activeId(el));
    }
    expect(seen).not.to.include('f-website');
  });

  it('stays usable under aggressive host CSS (resets on input, label, button and *)', async () => {
    const style = document.createElement('style');
    style.textContent = `
      html { font-size: 6px !important; }
      * { box-sizing: content-box !important; line-height: 0.2 !important; letter-spacing: 6px !important;
          text-transform: uppercase !important; visibility: visible; font-weight: 900 !important; }
      input, label, button, textarea, fieldset, legend { display: none !important; all: unset !important; }
      form { display: none !important; }
      div, p, span { font-size: 40px !important; color: transparent !important; }`;
    document.head.append(style);
    try {
      const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
      el.retryPolicy = FAST;
      const name = $<HTMLInputElement>(el, '#f-name')!;
      const rect = name.getBoundingClientRect();
      expect(rect.height, 'input height').to.be.at.least(40);
      expect(rect.width, 'input width').to.be.greaterThan(100);
      const label = $(el, 'label[for=f-name]')!;
      // The page's text size reaches the widget (WCAG 1.4.4), held to 16-32px: not 6px, not 40px.
      expect(parseFloat(getComputedStyle(label).fontSize)).to.be.within(15, 36);
      // No spacing (engines write it 'normal' or '0px').
      expect(['normal', '0px']).to.include(getComputedStyle(label).letterSpacing);
      expect(getComputedStyle(label).textTransform).to.equal('none');
      const button = $<HTMLButtonElement>(el, 'button[type=submit]')!;
      expect(button.getBoundingClientRect().height).to.be.at.least(44);
      await completeByKeyboard(el);
      await waitUntil(() => $(el, '[part=success]'), 'success');
      expect((await mockState()).records).to.have.length(1);
    } finally {
      style.remove();
    }
  });

  it('reflows at 320px wide with no horizontal scrolling', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
    el.style.width = '320px';
    const wrapper = el;
    await el.updateComplete;
    await el.submit(); // errors make the longest lines
    const form = $(el, 'form')!;
    expect(form.scrollWidth).to.be.at.most(320);
    for (const control of el.shadowRoot!.querySelectorAll('input:not(#f-website), textarea, button')) {
      expect(control.getBoundingClientRect().right, (control as HTMLElement).id).to.be.at.most(wrapper.getBoundingClientRect().right + 1);
    }
    expect(text(el, '.error-summary__title')).to.equal('There is a problem');
  });

  it('offers "Did you mean" after a pause in typing, so the next Tab reaches "Use …"; not for an address still being typed', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
    await tabTo(el, 'f-preferred');
    await sendKeys({ press: 'Space' }); // Email
    await el.updateComplete;
    await tabTo(el, 'f-email');
    await sendKeys({ type: 'asha@hotmail.co' }); // on the way to hotmail.co.uk
    await new Promise((r) => setTimeout(r, 1200));
    // The (empty) status region is there before any suggestion, so one is announced when it appears.
    expect(text(el, '#f-email-suggestion')).to.equal('');
    for (let i = 0; i < 'hotmail.co'.length; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'hotmial.com' });
    await waitUntil(() => text(el, '#f-email-suggestion'), 'suggestion after a pause', 3000);
    expect(text(el, '#f-email-suggestion')).to.contain('Did you mean asha@hotmail.com?');
    expect(activeId(el)).to.equal('f-email');
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLElement).textContent!.trim()).to.equal('Use asha@hotmail.com');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(($(el, '#f-email') as HTMLInputElement).value).to.equal('asha@hotmail.com');
    expect(activeId(el)).to.equal('f-email');
    expect(text(el, '#f-email-suggestion')).to.equal('');
  });
});
