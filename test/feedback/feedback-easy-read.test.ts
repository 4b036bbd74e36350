/**
 * Easy-read feedback, keyboard only: one question per screen, each screen headed by its question
 * (which Continue focuses, so it is read out next), reply questions only for someone who wants a reply,
 * and plain-language error messages.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '../engine.js';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import { resetMock, waitUntil } from '../helpers.js';
import { $, $$, activeId, clearSession, feedbackFixture, focusedText, postedBodies, pressMain } from './feedback-fixture.js';

/** What is asked on screen: every question heading (there must be exactly one). */
const questions = (el: InvolveFeedback) => $$(el, '.question').map((h) => h.textContent!.replace(/\s+/g, ' ').trim());

async function tabTo(el: InvolveFeedback, id: string): Promise<void> {
  for (let i = 0; i < 40 && activeId(el) !== id; i++) await sendKeys({ press: 'Tab' });
  expect(activeId(el)).to.equal(id);
}

async function easyReadFeedback(): Promise<InvolveFeedback> {
  const el = await feedbackFixture();
  el.easyRead = true;
  await el.updateComplete;
  return el;
}

describe('<involve-feedback easy-read>', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('asks one question per screen, focuses each new question, and asks for a name only after "write back to me"', async () => {
    const el = await easyReadFeedback();
    expect(questions(el)).to.deep.equal(['Question 1 of 6: Which service did you use?']);
    await tabTo(el, 'f-service');
    await sendKeys({ press: 'ArrowDown' });
    expect(await pressMain(el, 'Continue')).to.equal('Question 2 of 6: How was our service?');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // Good
    expect(await pressMain(el, 'Continue')).to.equal('Question 3 of 6: What was good? (you can skip this)');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Kind staff.' });
    expect(await pressMain(el, 'Continue')).to.equal('Question 4 of 6: What could we do better? (you can skip this)');
    expect(await pressMain(el, 'Continue')).to.equal('Question 5 of 6: Who are you? (you can skip this)');
    // One plain yes/no, not an inverted "Do not ask for my name" tick box.
    expect(await pressMain(el, 'Continue')).to.equal('Question 6 of 6: Do you want us to write back to you?');
    expect($$(el, 'input[name=anonymous]').map((i) => [(i as HTMLInputElement).type, i.nextElementSibling!.textContent!.trim()])).to.deep.equal([
      ['radio', 'Yes, write back to me'],
      ['radio', 'No. Do not ask for my name'],
    ]);
    await tabTo(el, 'f-anonymous');
    await sendKeys({ press: 'Space' }); // Yes
    await el.updateComplete;
    expect(questions(el)).to.deep.equal(['Question 6 of 8: Do you want us to write back to you?']);
    expect(await pressMain(el, 'Continue')).to.equal('Question 7 of 8: What is your name?');
    expect($$(el, '[part=field]')).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Sam Okafor' });
    expect(await pressMain(el, 'Continue')).to.equal('Question 8 of 8: How should we get in touch with you?');
    await tabTo(el, 'f-preferred');
    await sendKeys({ press: 'Space' }); // Email
    await el.updateComplete;
    await tabTo(el, 'f-email');
    await sendKeys({ type: 'sam@example.org' });
    await pressMain(el, 'Send feedback');
    await waitUntil(() => $(el, '[part=success]'), 'success');
    const [body] = await postedBodies();
    expect(body).to.include({ anonymous: false, wantsReply: true, name: 'Sam Okafor', rating: 'good' });
    expect(body!.contact).to.deep.equal({ preferred: 'email', email: 'sam@example.org' });
  });

  it('after "No" to "Do you want us to write back to you?" it is the last question, and sends nothing about the person', async () => {
    const el = await easyReadFeedback();
    el.prefill({ service: 'crisis-team', rating: 'poor', name: 'Typed Earlier', email: 'typed@example.org', preferred: 'email', wantsReply: true });
    for (let i = 0; i < 5; i++) await pressMain(el, 'Continue');
    expect(questions(el)).to.deep.equal(['Question 6 of 8: Do you want us to write back to you?']);
    expect($<HTMLInputElement>(el, '#f-anonymous')!.checked, '"Yes" is chosen from the earlier answer').to.equal(true);
    await tabTo(el, 'f-anonymous');
    await sendKeys({ press: 'ArrowDown' }); // No
    await el.updateComplete;
    expect(questions(el)).to.deep.equal(['Question 6 of 6: Do you want us to write back to you?']);
    await pressMain(el, 'Send feedback');
    await waitUntil(() => $(el, '[part=success]'), 'success');
    const [body] = await postedBodies();
    expect(body).to.include({ anonymous: true, wantsReply: false });
    expect(Object.keys(body!)).to.not.include.members(['name', 'contact']);
  });

  it('says what to fix in plain words, and Back returns to the question before', async () => {
    const el = await easyReadFeedback();
    await pressMain(el, 'Continue');
    expect(activeId(el)).to.equal('error-summary');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Choose the service you used']);
    expect($(el, '#f-service-error')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Choose the service you used');
    el.prefill({ service: 'crisis-team' });
    expect(await pressMain(el, 'Continue')).to.equal('Question 2 of 6: How was our service?');
    // GOV.UK: Back sits above the question, so going forward from it reaches Continue, never Back.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusedText(el)).to.equal('Back');
    await sendKeys({ press: 'Tab' });
    await pressMain(el, 'Continue');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Choose how it was']);
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Back')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    expect(focusedText(el)).to.equal('Question 1 of 6: Which service did you use?');
    expect(questions(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});
