/** The two free-text answers: GOV.UK character count, the 5,000 limit before sending, and 413. */
import { expect } from '@open-wc/testing';
import { mockControl, mockState, resetMock } from '../helpers.js';
import { $, activeId, clearSession, feedbackFixture, input, postedBodies, text, type, validFeedback } from './feedback-fixture.js';

const liveRegion = (el: Element, field: string) => el.shadowRoot!.querySelector(`[data-count-for=${field}]`)!;

describe('<involve-feedback> long answers', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('shows a live count, and announces it politely once typing pauses, not on every keystroke', async () => {
    const el = await feedbackFixture();
    const area = input(el, 'whatWentWell');
    expect(area.localName).to.equal('textarea');
    expect(area.hasAttribute('maxlength'), 'people may type past the limit').to.equal(false);
    expect(text(el, '#f-whatWentWell-limit')).to.equal('You can enter up to 5,000 characters');
    expect(area.getAttribute('aria-describedby')).to.contain('f-whatWentWell-limit');
    expect(liveRegion(el, 'whatWentWell').getAttribute('aria-live')).to.equal('polite');
    for (const length of [10, 200, 4990]) {
      await type(el, 'whatWentWell', 'a'.repeat(length));
      expect(liveRegion(el, 'whatWentWell').textContent!.trim(), `silent while typing (${length})`).to.equal('');
    }
    expect(text(el, '.count')).to.equal('You have 10 characters remaining');
    await new Promise((r) => setTimeout(r, 1200));
    await el.updateComplete;
    expect(liveRegion(el, 'whatWentWell').textContent!.trim()).to.equal('You have 10 characters remaining');
    await expect(el).to.be.accessible();
  });

  it('over 5,000 characters: says how many too many, and nothing is sent until it is shorter', async () => {
    const el = await feedbackFixture();
    el.prefill(validFeedback);
    await type(el, 'whatCouldBeBetter', 'b'.repeat(5001));
    expect(text(el, '.count--over')).to.equal('You have 1 character too many');
    const result = await el.submit();
    expect(result).to.deep.include({ ok: false, kind: 'validation' });
    expect(activeId(el)).to.equal('error-summary');
    // GOV.UK: the message names the question (two long answers sit on one page).
    expect(text(el, '#f-whatCouldBeBetter-error')).to.equal('Error: What could be better must be 5,000 characters or fewer');
    expect(text(el, '.error-summary__list a')).to.equal('What could be better must be 5,000 characters or fewer');
    // The page is told the same words (involve-error and submit()'s result).
    expect((result as { errors?: unknown }).errors).to.deep.equal([{ pointer: '/whatCouldBeBetter', detail: 'What could be better must be 5,000 characters or fewer' }]);
    expect((await mockState()).requests.filter((r) => r.method === 'POST')).to.have.length(0);
    await expect(el).to.be.accessible();
    await type(el, 'whatCouldBeBetter', 'b'.repeat(5000));
    expect((await el.submit()).ok).to.equal(true);
    expect(((await postedBodies())[0]!.whatCouldBeBetter as string).length).to.equal(5000);
  });

  it('413 from the endpoint: "Your answer is too long" on the longest free-text answer, everything kept', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...validFeedback, whatWentWell: 'Kind staff.', whatCouldBeBetter: 'c'.repeat(3000) });
    await mockControl({ faults: [{ status: 413 }] });
    const result = await el.submit();
    expect(result).to.deep.include({ ok: false, kind: 'validation', status: 413 });
    expect(text(el, '#f-whatCouldBeBetter-error')).to.equal('Error: Your answer is too long');
    expect($(el, '#f-whatWentWell-error')).to.equal(null);
    expect(text(el, '.error-summary__list')).to.equal('Your answer is too long');
    expect(activeId(el)).to.equal('error-summary');
    $<HTMLAnchorElement>(el, '.error-summary__list a')!.click();
    expect(activeId(el)).to.equal('f-whatCouldBeBetter');
    expect(input(el, 'whatCouldBeBetter').value).to.have.length(3000);
    el.prefill({ whatWentWell: 'w'.repeat(4000) });
    await mockControl({ faults: [{ status: 413 }] });
    await el.submit();
    expect(text(el, '#f-whatWentWell-error')).to.equal('Error: Your answer is too long');
    expect($(el, '#f-whatCouldBeBetter-error')).to.equal(null);
    expect((await mockState()).records, 'nothing stored').to.have.length(0);
    // Sent again as it is, to the server itself: stored once, in full.
    expect((await el.submit()).ok).to.equal(true);
    const { records } = await mockState();
    expect(records).to.have.length(1);
    expect((records[0]!.body.whatWentWell as string).length).to.equal(4000);
  });
});
