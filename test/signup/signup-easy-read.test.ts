/** Easy-read sign-up, keyboard only: every screen asks one question, headed by it, and Continue focuses it. */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { mockState, resetMock, waitUntil } from '../helpers.js';
import { $, $$, clearSession, pressMain, signupFixture, validAnswers } from './signup-fixture.js';

describe('<involve-signup easy-read>', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('asks eleven questions one at a time, each the heading of its screen, then sends once', async () => {
    const el = await signupFixture();
    el.easyRead = true;
    el.prefill(validAnswers);
    await el.updateComplete;
    const asked: string[] = [$(el, '.question')!.textContent!.replace(/\s+/g, ' ').trim()];
    for (let n = 2; n <= 11; n++) {
      const question = await pressMain(el, 'Continue');
      // Focus is on the new question's heading, one level below the form's title.
      expect(el.shadowRoot!.activeElement!.localName, question).to.equal('h3');
      expect($$(el, '.question'), question).to.have.length(1);
      asked.push(question);
    }
    expect(asked).to.deep.equal([
      'Question 1 of 11: What is your name?',
      'Question 2 of 11: Who are you?',
      'Question 3 of 11: How should we get in touch with you?',
      'Question 4 of 11: The first part of your postcode (you can skip this)',
      'Question 5 of 11: What do you want to help with? (you can skip this)',
      'Question 6 of 11: How do you want to help? (you can skip this)',
      'Question 7 of 11: When are you free? (you can skip this)',
      'Question 8 of 11: How do you want to meet? (you can skip this)',
      'Question 9 of 11: Do you need help to take part? (you can skip this)',
      'Question 10 of 11: Is there anything else you need to take part? (you can skip this)',
      'Question 11 of 11: Can we keep your details?',
    ]);
    await expect(el).to.be.accessible();
    await pressMain(el, 'Sign up');
    await waitUntil(() => $(el, '[part=success]'), 'success');
    expect((await mockState()).records).to.have.length(1);
  });

  it('gives plain-language hints and error messages', async () => {
    const el = await signupFixture();
    el.easyRead = true;
    el.prefill({ ...validAnswers, email: 'asha@example', storeDetails: false });
    await el.updateComplete;
    await pressMain(el, 'Continue');
    await pressMain(el, 'Continue');
    await pressMain(el, 'Continue');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Check your email address. It should look like name@example.com']);
    el.prefill({ email: 'asha@example.org' });
    for (let i = 0; i < 8; i++) await pressMain(el, 'Continue');
    expect($(el, '#f-consent-hint')).to.equal(null);
    expect($(el, '#f-storeDetails-hint')!.textContent).to.include('We do not give them to anyone else.');
    await pressMain(el, 'Sign up');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Tick the box to say we can keep your details']);
    expect((await mockState()).posts).to.have.length(0);
  });

  // Contract §2: easy-read has larger targets; a partner's larger --involve-font-size grows them too.
  for (const [mode, fontSize, least] of [['plain', '', 44], ['easy-read', '', 52], ['plain', '24px', 66]] as const) {
    it(`draws tick boxes at least ${least}px in ${mode}${fontSize ? ` with ${fontSize} text` : ''}, and a click on the box ticks it`, async () => {
      const el = await signupFixture();
      el.easyRead = mode === 'easy-read';
      if (fontSize) el.style.setProperty('--involve-font-size', fontSize);
      if (mode === 'easy-read') {
        el.prefill({ name: 'Sam Jones' });
        await el.updateComplete;
        await pressMain(el, 'Continue'); // to "Who are you?"
      }
      const input = $<HTMLInputElement>(el, 'input[type=checkbox][name=relationship]')!;
      const label = $(el, `label[for="${input.id}"]`)!;
      const box = input.getBoundingClientRect();
      const drawn = getComputedStyle(label, '::before');
      expect(box.width).to.be.at.least(least).and.be.below(least + 2);
      expect(box.height).to.equal(box.width);
      // Easy-read's text is larger too (19px from the page's 16px).
      expect(parseFloat(getComputedStyle(label).fontSize)).to.be.closeTo(least / 2.75, 0.5);
      // What is drawn is what can be clicked: the visible box fills the (invisible) input.
      expect(parseFloat(drawn.width) + 4).to.be.closeTo(box.width, 1);
      expect(label.getBoundingClientRect().left - box.left).to.be.at.least(box.width);
      await sendMouse({ type: 'click', position: [Math.round(box.left + box.width - 3), Math.round(box.top + box.height - 3)] });
      expect(input.checked).to.equal(true);
    });
  }
});
