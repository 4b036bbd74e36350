import { expect } from '@open-wc/testing';
import { mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { $, $$, activeId, clearSession, input, signupFixture, text, type, validAnswers } from './signup-fixture.js';

describe('<involve-signup> validation and errors', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('on an empty submit shows "There is a problem", focuses it, sends nothing and lists each error in page order', async () => {
    const el = await signupFixture();
    const errors: CustomEvent[] = [];
    el.addEventListener('involve-error', (e) => errors.push(e));
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => $(el, '.error-summary'), 'error summary');
    expect(text(el, '.error-summary__title')).to.equal('There is a problem');
    expect(activeId(el)).to.equal('error-summary');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal([
      'Enter your full name',
      'Select how you are connected to our services',
      'Select how you would like us to contact you',
      'Tick the box to say we can keep your details',
    ]);
    expect(errors[0]!.detail.kind).to.equal('validation');
    expect((await mockState()).posts).to.have.length(0);
  });

  it('ties each inline error to its control with aria-describedby, prefixed "Error:" for screen readers', async () => {
    const el = await signupFixture();
    await el.submit();
    const name = input(el, 'name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = name.getAttribute('aria-describedby')!.split(' ');
    const message = el.shadowRoot!.getElementById(describedBy.find((id) => id.endsWith('-error'))!)!;
    expect(message.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Error: Enter your full name');
    const consent = input(el, 'storeDetails');
    expect(consent.getAttribute('aria-describedby')).to.contain('f-storeDetails-error');
  });

  it('an error-summary link moves focus to its field (a #hash cannot cross shadow DOM)', async () => {
    const el = await signupFixture();
    await el.submit();
    const link = $$<HTMLAnchorElement>(el, '.error-summary__list a').find((a) => a.textContent!.includes('contact'))!;
    link.click();
    expect(activeId(el)).to.equal('f-preferred');
    $$<HTMLAnchorElement>(el, '.error-summary__list a')[0]!.click();
    expect(activeId(el)).to.equal('f-name');
  });

  it('keeps every typed value after a failed submit and asks for the preferred channel only', async () => {
    const el = await signupFixture();
    el.prefill({ ...validAnswers, email: '', preferred: 'text' });
    await el.submit();
    const messages = $$(el, '.error-summary__list a').map((a) => a.textContent!.trim());
    expect(messages).to.deep.equal(['Enter your phone number']);
    expect(input(el, 'name').value).to.equal('Asha Patel');
    expect(el.values.accessNeedsOther).to.equal(validAnswers.accessNeedsOther);
  });

  it('maps a server 422 problem onto the right fields and keeps the answers', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({
      faults: [{ method: 'POST', path: '/signups', status: 422, body: {
        type: 'https://example.org/problems/validation', title: 'Check', status: 422,
        errors: [
          { pointer: '/contact/email', detail: 'This email address is not accepted by the register' },
          { pointer: '/postcodeDistrict', detail: 'We only cover Coventry and Warwickshire postcodes' },
          { pointer: '/nonsense/field', detail: 'x' },
        ] } }],
    });
    const result = await el.submit();
    expect(result).to.include({ ok: false, kind: 'validation', status: 422 });
    await el.updateComplete;
    expect(text(el, '#f-email-error')).to.equal('Error: This email address is not accepted by the register');
    expect(text(el, '#f-postcodeDistrict-error')).to.contain('Coventry and Warwickshire');
    expect(activeId(el)).to.equal('error-summary');
    expect(input(el, 'email').value).to.equal('asha@example.org');
    expect((await mockState()).records).to.have.length(0);
  });

  it('a 413 says "Your answer is too long" on the longest free-text field', async () => {
    const el = await signupFixture();
    el.prefill({ ...validAnswers, relationship: ['other'], relationshipOther: 'short', accessNeedsOther: 'x'.repeat(900) });
    await mockControl({ faults: [{ method: 'POST', status: 413 }] });
    await el.submit();
    await el.updateComplete;
    expect(text(el, '#f-accessNeedsOther-error')).to.equal('Error: Your answer is too long');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Your answer is too long']);
  });

  it('offers "Did you mean …@hotmail.com?" for a domain typo without blocking the send', async () => {
    const el = await signupFixture();
    el.prefill({ ...validAnswers, email: 'asha@hotmial.com' });
    await el.updateComplete;
    await type(el, 'email', 'asha@hotmial.com');
    // The suggestion's code is an on-demand pack: it shows once that has loaded (the first time only).
    await waitUntil(() => text(el, '#f-email-suggestion').includes('Did you mean asha@hotmail.com?'), 'the suggestion');
    expect(input(el, 'email').getAttribute('aria-describedby')).to.contain('f-email-suggestion');
    $<HTMLButtonElement>(el, '#f-email-suggestion + button')!.click();
    await el.updateComplete;
    expect(input(el, 'email').value).to.equal('asha@hotmail.com');
    const result = await el.submit();
    expect(result.ok).to.equal(true);
  });

  it('counts characters of the access-needs box and lets people type past the limit, then says how many too many', async () => {
    const el = await signupFixture();
    await type(el, 'accessNeedsOther', 'x'.repeat(1003));
    expect(text(el, '.count')).to.equal('You have 3 characters too many');
    const live = $(el, '[data-count-for="accessNeedsOther"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent!.trim()).to.equal('');
    await waitUntil(() => live.textContent!.includes('too many'), 'polite announcement after a pause', 3000);
    el.prefill({ ...validAnswers, accessNeedsOther: 'x'.repeat(1003) });
    await el.submit();
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Your answer must be 1,000 characters or fewer']);
  });

  it('sends only the first half of a postcode, even when the whole postcode is typed', async () => {
    const el = await signupFixture();
    el.prefill({ ...validAnswers, postcodeDistrict: 'cv1 2ab' });
    expect((await el.submit()).ok).to.equal(true);
    const [record] = (await mockState()).records;
    expect((record!.body as { postcodeDistrict: string }).postcodeDistrict).to.equal('CV1');
  });

  it('does not send an email typed before switching the preference to phone', async () => {
    const el = await signupFixture();
    el.prefill({ ...validAnswers, preferred: 'phone', phone: '07700 900982' });
    expect((await el.submit()).ok).to.equal(true);
    const body = (await mockState()).records[0]!.body as { contact: Record<string, string> };
    expect(body.contact).to.deep.equal({ preferred: 'phone', phone: '07700 900982' });
  });
});
