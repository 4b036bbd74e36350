/** Issue 21: "What happens next" is a heading on both success panels; the postcode lets the browser fill it in. */
import { expect } from '@open-wc/testing';
import { resetMock, waitUntil } from '../helpers.js';
import { $, clearSession, input, signupFixture, validAnswers } from '../signup/signup-fixture.js';
import { feedbackFixture, validFeedback } from '../feedback/feedback-fixture.js';

describe('success panels and the postcode', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  for (const [name, make, answers] of [
    ['sign-up', signupFixture, validAnswers],
    ['feedback', feedbackFixture, validFeedback],
  ] as const) {
    for (const easyRead of [false, true]) {
      it(`${name}${easyRead ? ' (easy read)' : ''}: "What happens next" is a heading one level below the panel's title`, async () => {
        const el = await make();
        el.easyRead = easyRead;
        el.prefill(answers as never);
        await el.updateComplete;
        const result = await el.submit();
        expect(result.ok).to.equal(true);
        await waitUntil(() => $(el, '[part=success]'), 'success');
        const panel = $(el, '[part=success]')!;
        const headings = [...panel.querySelectorAll('h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent!.trim()}`);
        expect(headings[1]).to.equal('h3 What happens next');
        expect(headings[0]!.startsWith('h2 ')).to.equal(true);
        expect(panel.querySelector('p.subheading')).to.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  }

  it('the sign-up postcode has autocomplete="postal-code", and a filled-in full postcode is kept as its first half', async () => {
    const el = await signupFixture();
    const postcode = input(el, 'postcodeDistrict');
    expect(postcode.getAttribute('autocomplete')).to.equal('postal-code');
    el.prefill({ ...validAnswers, postcodeDistrict: 'CV1 2AB' });
    await el.updateComplete;
    await el.submit();
    await waitUntil(() => $(el, '[part=success]'), 'success');
    const { mockState } = await import('../helpers.js');
    const [post] = (await mockState()).posts;
    expect(JSON.parse(post!.body).postcodeDistrict).to.equal('CV1');
  });
});
