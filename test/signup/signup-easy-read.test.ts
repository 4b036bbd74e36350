/** Easy-read sign-up, keyboard only: every screen asks one question, headed by it, and Continue focuses it. */
import { expect } from '@open-wc/testing';
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
      'Question 1 of 11 What is your name?',
      'Question 2 of 11 Who are you?',
      'Question 3 of 11 How should we get in touch with you?',
      'Question 4 of 11 The first part of your postcode (you can skip this)',
      'Question 5 of 11 What do you want to help with? (you can skip this)',
      'Question 6 of 11 How do you want to help? (you can skip this)',
      'Question 7 of 11 When are you free? (you can skip this)',
      'Question 8 of 11 How do you want to meet? (you can skip this)',
      'Question 9 of 11 Do you need help to take part? (you can skip this)',
      'Question 10 of 11 Is there anything else you need to take part? (you can skip this)',
      'Question 11 of 11 Can we keep your details?',
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
});
