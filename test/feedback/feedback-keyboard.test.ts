/** Completing the feedback with the keyboard alone: the real keyboard, through the harness (test/engine.ts). */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../engine.js';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import { ENDPOINT, mockState, resetMock, waitUntil } from '../helpers.js';
import { $, activeId, clearSession, FAST } from './feedback-fixture.js';

/** Presses Tab until the focused control inside the widget has this id (at most 60 presses). */
async function tabTo(el: InvolveFeedback, id: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (activeId(el) === id) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached #${id} (stuck on ${activeId(el)})`);
}

async function pressSubmit(el: InvolveFeedback): Promise<void> {
  for (let i = 0; i < 10 && (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('type') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
  expect((el.shadowRoot!.activeElement as HTMLButtonElement).textContent!.trim()).to.equal('Send feedback');
  await sendKeys({ press: 'Enter' });
}

async function feedbackByKeyboard(el: InvolveFeedback): Promise<void> {
  await tabTo(el, 'f-service'); // radios: one tab stop; arrows move and select
  for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' }); // talking therapies
  await tabTo(el, 'f-rating');
  await sendKeys({ press: 'ArrowDown' }); // good
  await tabTo(el, 'f-whatWentWell');
  await sendKeys({ type: 'Being listened to.' });
  await tabTo(el, 'f-whatCouldBeBetter');
  await sendKeys({ type: 'Shorter waits.' });
}

describe('<involve-feedback> by keyboard', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('the crisis numbers are the first things Tab reaches', async () => {
    const el = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT}></involve-feedback>`);
    const hrefs: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      hrefs.push((el.shadowRoot!.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? '');
    }
    expect(hrefs).to.deep.equal(['tel:999', 'tel:111', 'tel:116123', 'sms:85258?body=SHOUT']);
  });

  // Issue 21: for a person in distress on a phone, each link says who and what, is an easy target,
  // and the box still reads as sentences, at 320px too, in both wordings.
  for (const easyRead of [false, true]) {
    it(`each crisis link is named by its whole sentence and at least 44×44px, reading as sentences at 320px${easyRead ? ' (easy read)' : ''}`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"></div>`);
      const el = document.createElement('involve-feedback') as InvolveFeedback;
      el.setAttribute('endpoint', ENDPOINT);
      el.easyRead = easyRead;
      wrapper.append(el);
      await el.updateComplete;
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=crisis] a')];
      const names = links.map((a) => a.textContent!.replace(/\s+/g, ' ').trim());
      expect(names).to.deep.equal(
        easyRead
          ? [
              'call 999 in an emergency. Or go to A&E at a hospital',
              'call NHS 111. Choose the mental health option',
              'call Samaritans on 116 123. It is free. They are there all day and all night',
              'or send a text message that says SHOUT to 85258',
            ]
          : [
              'call 999 in an emergency, or go to A&E if a life is at risk',
              'call NHS 111 and choose the mental health option',
              'call Samaritans free on 116 123, 24 hours a day',
              'or text SHOUT to 85258',
            ],
      );
      for (const link of links) {
        const box = link.getBoundingClientRect();
        expect(box.height, link.textContent!).to.be.at.least(44);
        expect(box.width, link.textContent!).to.be.at.least(44);
        expect(box.right, `${link.textContent} fits 320px`).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
        // One sentence: the number sits in the line with its words (no gap, no line of its own).
        const number = link.querySelector('.crisis__number')!;
        expect(link.textContent!.replace(/\s+/g, ' '), 'the number inside its sentence').to.include(` ${number.textContent!.trim()}`);
        expect(number.getBoundingClientRect().height, link.textContent!).to.be.below(40);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('can be completed with a reply, keyboard only; focus lands on the confirmation', async () => {
    const el = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT} partner="kbd"></involve-feedback>`);
    el.retryPolicy = FAST;
    await feedbackByKeyboard(el);
    await tabTo(el, 'f-wantsReply');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await tabTo(el, 'f-name');
    await sendKeys({ type: 'Sam Okafor' });
    await tabTo(el, 'f-preferred');
    await sendKeys({ press: 'Space' }); // email
    await el.updateComplete;
    await tabTo(el, 'f-email');
    await sendKeys({ type: 'sam@example.org' });
    await pressSubmit(el);
    await waitUntil(() => $(el, '[part=success]'), 'success');
    expect(activeId(el)).to.equal('success');
    const [record] = (await mockState()).records;
    expect(record!.body).to.deep.include({
      service: 'talking-therapies', rating: 'good', whatWentWell: 'Being listened to.', whatCouldBeBetter: 'Shorter waits.',
      anonymous: false, wantsReply: true, name: 'Sam Okafor', contact: { preferred: 'email', email: 'sam@example.org' },
    });
  });

  it('can be sent anonymously, keyboard only; an error is fixed from the summary by keyboard', async () => {
    const el = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT}></involve-feedback>`);
    el.retryPolicy = FAST;
    await tabTo(el, 'f-whatWentWell');
    await sendKeys({ type: 'Kind nurses.' });
    await tabTo(el, 'f-anonymous');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '#f-wantsReply')).to.equal(null);
    await pressSubmit(el);
    await waitUntil(() => activeId(el) === 'error-summary', 'error summary focused');
    await sendKeys({ press: 'Tab' }); // first link: the service question
    await sendKeys({ press: 'Enter' });
    expect(activeId(el)).to.equal('f-service');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'f-rating');
    await sendKeys({ press: 'Space' });
    await pressSubmit(el);
    await waitUntil(() => $(el, '[part=success]'), 'success');
    const [record] = (await mockState()).records;
    expect(record!.body).to.deep.include({ service: 'community-mental-health-team', rating: 'very-good', whatWentWell: 'Kind nurses.', anonymous: true, wantsReply: false });
    expect(record!.body).not.to.have.property('name');
  });
});
