/**
 * The reader's own "Easy read" switch (issue 21): at the top of each widget, by keyboard, keeping every
 * answer typed so far, focus on the widget's heading after; webmasters can hide it; `easy-read` still
 * starts in easy read. The wording comes from an on-demand pack; if that can't load, the form stays
 * usable in standard wording.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../engine.js';
import '../../src/index.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { ENDPOINT, mockControl, resetMock, waitUntil } from '../helpers.js';
import { $, $$, clearSession, focusedText, input, pressMain, signupFixture, text, type } from '../signup/signup-fixture.js';
import { feedbackFixture } from '../feedback/feedback-fixture.js';

type Widget = HTMLElement & { updateComplete: Promise<unknown>; easyRead: boolean };

const switchButton = (el: Element) => $<HTMLButtonElement>(el, '[part~="easy-read-switch"]');

/** Focuses the switch and presses it with the keyboard, then waits for the wording to arrive. */
async function pressSwitch(el: Widget, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  switchButton(el)!.focus();
  await sendKeys({ press: key });
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.activeElement?.matches('h2, h3, h4, h5, h6'), 'focus on the heading');
}

describe('the "Easy read" switch', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('sign-up: is the first thing to tab to, keeps every answer both ways, and puts focus on the heading', async () => {
    const el = await signupFixture();
    // The first focusable thing in the widget, a real button with a name a screen reader reads.
    const first = $$(el, 'a[href], button, input, select, textarea')[0];
    expect(first).to.equal(switchButton(el));
    expect(first!.localName).to.equal('button');
    expect(text(el, '[part~="easy-read-switch"]')).to.equal('Easy read');
    expect(el.hasAttribute('easy-read')).to.equal(false);

    await type(el, 'name', 'Asha Patel');
    $<HTMLInputElement>(el, 'input[name=relationship][value=carer]')!.click();
    await el.updateComplete;

    await pressSwitch(el);
    expect(el.easyRead).to.equal(true);
    expect(el.hasAttribute('easy-read'), 'larger targets follow the attribute').to.equal(true);
    expect(focusedText(el)).to.equal('Join our group of people who help');
    expect(text(el, '[part~="easy-read-switch"]')).to.equal('Standard version');
    expect($$(el, '.question'), 'one question a screen').to.have.length(1);
    expect(input(el, 'name').value).to.equal('Asha Patel');
    await pressMain(el, 'Continue');
    expect($<HTMLInputElement>(el, 'input[name=relationship][value=carer]')!.checked).to.equal(true);
    await expect(el).to.be.accessible();

    await pressSwitch(el, 'Space');
    expect(el.easyRead).to.equal(false);
    expect(focusedText(el)).to.equal('Join our involvement register');
    expect(text(el, '[part~="easy-read-switch"]')).to.equal('Easy read');
    expect(input(el, 'name').value).to.equal('Asha Patel');
    expect($<HTMLInputElement>(el, 'input[name=relationship][value=carer]')!.checked).to.equal(true);
    expect(el.values.name).to.equal('Asha Patel');
  });

  it('feedback: sits just below the crisis box (whose numbers stay first), and the crisis box changes to easy-read wording too', async () => {
    const el = await feedbackFixture();
    expect(el.shadowRoot!.querySelector('[part=crisis]')!.nextElementSibling!.matches('.switch')).to.equal(true);
    $<HTMLInputElement>(el, 'input[name=rating][value=good]')!.click();
    await el.updateComplete;
    await pressSwitch(el);
    expect(focusedText(el)).to.equal('Tell us what you think');
    expect(text(el, '.crisis__title')).to.equal('Do you need help now?');
    await pressSwitch(el);
    expect(text(el, '.crisis__title')).to.equal('Need help now?');
    expect($<HTMLInputElement>(el, 'input[name=rating][value=good]')!.checked).to.equal(true);
  });

  it('meetings: switches the list to easy read and back, focus on its heading', async () => {
    await mockControl({ reset: true, meetings: [] });
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${ENDPOINT}></involve-meetings>`);
    await waitUntil(() => $(el, '.empty'), 'feed rendered');
    await pressSwitch(el);
    expect(focusedText(el)).to.equal('Meetings you can come to');
    expect(text(el, '.empty')).to.equal('There are no meetings at the moment.');
    await pressSwitch(el);
    expect(focusedText(el)).to.equal('Upcoming Collaborative meetings');
  });

  it('hide-easy-read-switch hides it in every widget; easy-read still starts in easy read', async () => {
    for (const tag of ['involve-signup', 'involve-feedback', 'involve-meetings']) {
      const hidden = document.createElement(tag) as Widget;
      hidden.setAttribute('endpoint', ENDPOINT);
      hidden.setAttribute('hide-easy-read-switch', '');
      const easy = document.createElement(tag) as Widget;
      easy.setAttribute('endpoint', ENDPOINT);
      easy.setAttribute('easy-read', '');
      document.body.append(hidden, easy);
      await hidden.updateComplete;
      await easy.updateComplete;
      expect(switchButton(hidden), `<${tag} hide-easy-read-switch>`).to.equal(null);
      expect(text(easy, '[part~="easy-read-switch"]'), `<${tag} easy-read>`).to.equal('Standard version');
      hidden.remove();
      easy.remove();
    }
  });

  it('if the easy-read wording cannot load, the form keeps its standard wording and still works', async () => {
    const el = await signupFixture();
    // As if the pack's file were missing beside the bundle.
    (el as unknown as { easyReadPack: () => Promise<never> }).easyReadPack = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    await type(el, 'name', 'Asha Patel');
    await pressSwitch(el);
    expect(focusedText(el)).to.equal('Join our involvement register');
    expect(text(el, '.question')).to.include('Full name');
    expect(input(el, 'name').value).to.equal('Asha Patel');
    await pressMain(el, 'Continue');
    expect(text(el, '.question')).to.include('How are you connected to our services?');
  });
});
