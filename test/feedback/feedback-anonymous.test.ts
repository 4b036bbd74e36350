/** Anonymous means anonymous: whatever was typed, no name or contact reaches the endpoint. */
import { expect } from '@open-wc/testing';
import { mockState, resetMock } from '../helpers.js';
import { $, clearSession, feedbackFixture, input, postedBodies, type, validFeedback, withReply } from './feedback-fixture.js';

const PERSONAL = ['name', 'contact'];

describe('<involve-feedback> anonymous or a reply', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('name and contact typed, then "anonymously" ticked: the questions go and nothing personal is sent', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...validFeedback, anonymous: false });
    input(el, 'wantsReply').click();
    await el.updateComplete;
    await type(el, 'name', 'Jo Bloggs');
    input(el, 'preferred').click(); // email
    await el.updateComplete;
    await type(el, 'email', 'jo@example.org');
    input(el, 'anonymous').click();
    await el.updateComplete;
    expect($(el, '#f-wantsReply'), 'reply option hidden').to.equal(null);
    expect($(el, '#f-name')).to.equal(null);
    expect($(el, '#f-email')).to.equal(null);
    expect((await el.submit()).ok).to.equal(true);
    const [sent] = await postedBodies();
    const { records, requests } = await mockState();
    expect(sent).to.include({ anonymous: true, wantsReply: false });
    for (const key of PERSONAL) expect(sent, key).not.to.have.property(key);
    expect(JSON.stringify(requests), 'nothing personal in any request').not.to.match(/Jo Bloggs|jo@example\.org/);
    expect(records).to.have.length(1);
    expect(JSON.stringify(records[0]!.body)).not.to.match(/Jo Bloggs|jo@example\.org/);
  });

  it('keeps what was typed in this tab in case the person changes their mind (but only sends it if they do)', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...withReply, anonymous: true });
    await el.updateComplete;
    expect(el.values.name).to.equal('Sam Okafor');
    input(el, 'anonymous').click();
    await el.updateComplete;
    expect(input(el, 'wantsReply').checked).to.equal(true);
    expect(input(el, 'name').value).to.equal('Sam Okafor');
    expect((await el.submit()).ok).to.equal(true);
    const [sent] = await postedBodies();
    expect(sent).to.deep.include({ anonymous: false, wantsReply: true, name: 'Sam Okafor', contact: { preferred: 'email', email: 'sam@example.org' } });
  });

  it('not anonymous and no reply wanted: still no name or contact, even if typed earlier', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...withReply, wantsReply: false });
    await el.updateComplete;
    expect($(el, '#f-name')).to.equal(null);
    expect((await el.submit()).ok).to.equal(true);
    const [sent] = await postedBodies();
    expect(sent).to.include({ anonymous: false, wantsReply: false });
    for (const key of PERSONAL) expect(sent).not.to.have.property(key);
  });

  it('"I would like a reply" reveals name and contact with the sign-up\'s rules', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...validFeedback, anonymous: false });
    input(el, 'wantsReply').click();
    await el.updateComplete;
    expect(input(el, 'name').getAttribute('autocomplete')).to.equal('name');
    expect(input(el, 'name').getAttribute('spellcheck')).to.equal('false');
    expect((await el.submit()).ok).to.equal(false);
    expect(el.shadowRoot!.querySelector('#f-name-error')!.textContent).to.contain('Enter your full name');
    expect(el.shadowRoot!.querySelector('#f-preferred-error')!.textContent).to.contain('Select how you would like us to contact you');
    await type(el, 'name', 'Sam Okafor');
    input(el, 'preferred-3').click(); // text message
    await el.updateComplete;
    await type(el, 'phone', '0770090');
    expect((await el.submit()).ok).to.equal(false);
    expect(el.shadowRoot!.querySelector('#f-phone-error')!.textContent).to.contain('Enter a telephone number');
    await type(el, 'phone', '07700 900982');
    expect((await el.submit()).ok).to.equal(true);
    const [sent] = await postedBodies();
    expect(sent).to.deep.include({ wantsReply: true, name: 'Sam Okafor', contact: { preferred: 'text', phone: '07700 900982' } });
  });

  it('"I prefer not to say" takes back an answer about you; it is never sent', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...validFeedback, aboutYou: 'carer' });
    expect((await el.submit()).ok).to.equal(true);
    el.reset();
    el.prefill({ ...validFeedback, aboutYou: 'prefer-not-to-say' });
    expect((await el.submit()).ok).to.equal(true);
    const [first, second] = await postedBodies();
    expect(first!.aboutYou).to.equal('carer');
    expect(second).not.to.have.property('aboutYou');
  });
});
