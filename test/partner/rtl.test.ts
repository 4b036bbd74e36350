/**
 * Issue 18, right-to-left: on `<html dir="rtl" lang="ar">` an English widget stays left-to-right, a
 * widget in an RTL locale mirrors (boxes beside their labels on the right, stripes on the right), and
 * nothing makes the page scroll sideways (the honeypot is clipped in place, not sent -10000px away).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/involve-signup.js';
import '../../src/involve-feedback.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import { ENDPOINT, resetMock } from '../helpers.js';
import { $, clearSession, FAST } from '../signup/signup-fixture.js';

const root = document.documentElement;

async function signup(locale?: string): Promise<InvolveSignup> {
  const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} locale=${locale ?? 'en-GB'}></involve-signup>`);
  el.retryPolicy = FAST;
  await el.updateComplete;
  return el;
}

describe('issue 18: right-to-left pages', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
    root.dir = 'rtl';
    root.lang = 'ar';
  });
  afterEach(() => {
    root.dir = 'ltr';
    root.lang = 'en-GB';
  });

  it('an English widget on an Arabic page reads left to right ("How are you connected?", not "?How…")', async () => {
    const el = await signup();
    expect(el.getAttribute('dir')).to.equal('ltr');
    const legend = $(el, '.legend')!;
    expect(getComputedStyle(legend).direction).to.equal('ltr');
    // Boxes on the left of their labels, the labels' text starting at the left.
    const choice = $(el, '.choice')!.getBoundingClientRect();
    const box = $(el, '.choice__input')!.getBoundingClientRect();
    expect(Math.abs(box.left - choice.left)).to.be.below(2);
    const start = legend.getBoundingClientRect().left;
    expect(Math.abs(start - el.getBoundingClientRect().left), 'legend starts at the left edge').to.be.below(2);
  });

  it('a widget in an RTL locale mirrors: boxes at the right, next to their labels; error stripe on the right', async () => {
    const el = await signup('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '.legend')!).direction).to.equal('rtl');
    const choice = $(el, '.choice')!;
    const box = $(el, '.choice__input')!.getBoundingClientRect();
    const label = choice.querySelector('.choice__label')!.getBoundingClientRect();
    expect(Math.abs(box.right - choice.getBoundingClientRect().right), 'box at the right edge').to.be.below(2);
    expect(label.right, 'label just left of its box').to.be.at.most(box.left + 8);
    expect(box.left - label.right, 'no gap of hundreds of pixels').to.be.below(20);
    await el.submit();
    const field = $(el, '.field--error')!;
    const style = getComputedStyle(field);
    expect(style.borderRightWidth).to.equal('4px');
    expect(style.borderLeftWidth).to.equal('0px');
  });

  it('a dir the page put on the element itself wins', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} dir="rtl"></involve-signup>`);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, '.legend')!).direction).to.equal('rtl');
  });

  it('no sideways scroll on an RTL page; the honeypot is clipped in place, out of the tab order and the accessibility tree', async () => {
    const el = await signup();
    await fixture(html`<involve-feedback endpoint=${ENDPOINT}></involve-feedback>`);
    expect(root.scrollWidth, 'page scroll width').to.be.at.most(root.clientWidth);
    const trap = $<HTMLInputElement>(el, '#f-website')!;
    const clip = trap.closest<HTMLElement>('[aria-hidden=true]')!;
    const rect = clip.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(rect.left >= host.left - 1 && rect.right <= host.right + 1, 'inside the widget').to.equal(true);
    expect(rect.width * rect.height, 'a 1px box').to.be.at.most(1);
    expect(getComputedStyle(clip).overflow).to.equal('hidden');
    expect(getComputedStyle(clip).clipPath).to.equal('inset(50%)');
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden=true]')).to.exist;
  });
});
