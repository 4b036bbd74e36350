/** axe and the crisis box in every visible state; config messages, events, strings overrides. */
import { expect, fixture, html } from '@open-wc/testing';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import { installGlobal } from '../../src/core/config.js';
import { ENDPOINT, mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { $, activeId, clearSession, CRISIS_LINKS, crisisLinks, feedbackFixture, setOnline, text, validFeedback, withReply } from './feedback-fixture.js';

async function expectCrisisAndAxe(el: InvolveFeedback, state: string) {
  // The same four links in every state (easy read words them its own way: see feedback-keyboard).
  const hrefs = (links: string[]) => links.map((l) => l.split(' ')[0]);
  if (el.easyRead) expect(hrefs(crisisLinks(el)), `crisis box while ${state}`).to.deep.equal(hrefs(CRISIS_LINKS));
  else expect(crisisLinks(el), `crisis box while ${state}`).to.deep.equal(CRISIS_LINKS);
  const box = $(el, '[part=crisis]')!;
  expect(box.compareDocumentPosition($(el, 'form, [part=success], [part=config-error]')!) & Node.DOCUMENT_POSITION_FOLLOWING, `crisis box first while ${state}`).to.not.equal(0);
  expect(box.querySelector('button'), 'nothing to dismiss it').to.equal(null);
  await expect(el).to.be.accessible();
}

describe('<involve-feedback> states', () => {
  beforeEach(async () => {
    clearSession();
    setOnline(true);
    await resetMock();
  });
  after(() => setOnline(true));

  it('the crisis box says what the contract says, with tel: and sms: links, as a labelled region', async () => {
    const el = await feedbackFixture();
    const box = $(el, '[part=crisis]')!;
    expect(box.localName).to.equal('section');
    expect(box.getAttribute('aria-labelledby')).to.equal('crisis-title');
    expect(text(el, '#crisis-title')).to.equal('Need help now?');
    const words = text(el, '[part=crisis]');
    expect(words).to.contain('not monitored around the clock');
    expect(words).to.contain('call 999 in an emergency, or go to A&E if a life is at risk');
    expect(words).to.contain('call NHS 111 and choose the mental health option');
    expect(words).to.contain('call Samaritans free on 116 123, 24 hours a day');
    expect(words).to.contain('text SHOUT to 85258');
    expect(words).not.to.contain('option 2');
  });

  it('is axe-clean, crisis box first, empty, with errors, submitting, failed, queued and on success', async () => {
    const el = await feedbackFixture();
    await expectCrisisAndAxe(el, 'empty');
    await el.submit();
    expect($(el, '[part=error-summary]')).to.exist;
    await expectCrisisAndAxe(el, 'showing errors');
    el.prefill(withReply);
    await el.updateComplete;
    await expectCrisisAndAxe(el, 'asking for a reply');
    await mockControl({ faults: [{ delayMs: 600 }] });
    const sending = el.submit();
    await waitUntil(() => $(el, 'button[type=submit][aria-disabled=true]'), 'submitting state');
    await expectCrisisAndAxe(el, 'submitting');
    expect((await sending).ok).to.equal(true);
    await expectCrisisAndAxe(el, 'success');
    el.reset();
    el.prefill(validFeedback);
    await mockControl({ faults: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    await el.submit();
    expect($(el, '[data-focus=failed]')).to.exist;
    await expectCrisisAndAxe(el, 'failed');
    setOnline(false);
    el.prefill({ rating: 'poor' });
    await el.submit();
    expect($(el, '[data-focus=queued]')).to.exist;
    await expectCrisisAndAxe(el, 'queued');
    // Only the one that succeeded is on the server: the 500s and the queued one stored nothing.
    expect((await mockState()).records).to.have.length(1);
    setOnline(true);
  });

  it('easy-read is axe-clean on every step and keeps the crisis box', async () => {
    const el = await feedbackFixture();
    el.easyRead = true;
    await el.updateComplete;
    expect(text(el, '#crisis-title')).to.equal('Do you need help now?');
    for (let step = 0; step < 6; step++) {
      await expectCrisisAndAxe(el, `easy-read step ${step + 1}`);
      el.prefill(validFeedback);
      $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitUntil(() => $(el, '[part=success]'), 'success after the last step');
    await expectCrisisAndAxe(el, 'easy-read success');
  });

  it('without an endpoint: the crisis box is still there above the webmaster message', async () => {
    const original = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => logged.push(String(args[0]));
    const errors: unknown[] = [];
    document.addEventListener('involve-error', (e) => errors.push((e as CustomEvent).detail), { once: true });
    try {
      const el = await feedbackFixture({ endpoint: null });
      await new Promise((r) => setTimeout(r));
      expect(text(el, '[part=config-error]')).to.contain('This form is not set up yet');
      expect($(el, 'form')).to.equal(null);
      expect(logged.some((m) => m.includes('<involve-feedback>'))).to.equal(true);
      expect(errors).to.deep.equal([{ form: 'feedback', kind: 'config', reason: 'missing-endpoint' }]);
      await expectCrisisAndAxe(el, 'misconfigured');
    } finally {
      console.error = original;
    }
  });

  it('an empty or blank strings override never blanks the crisis box; a reworded one keeps its links', async () => {
    const el = await feedbackFixture();
    el.strings = { crisisTitle: '', crisisIntro: '   ', crisisEmergency: '', crisisEmergencyNumber: '', crisisTextNumber: ' ' };
    await el.updateComplete;
    expect(text(el, '#crisis-title')).to.equal('Need help now?');
    expect(text(el, '[part=crisis]')).to.contain('not monitored around the clock');
    expect(crisisLinks(el)).to.deep.equal(CRISIS_LINKS);
    // A partner in Wales: NHS 111 Wales, press 2. No {number}: the link goes after the text.
    el.strings = { crisisNhs111: 'call NHS 111 Wales and press 2 for mental health support:', crisisEmergencyNumber: 'none' };
    await el.updateComplete;
    expect(crisisLinks(el).map((l) => l.split(' ')[0])).to.deep.equal(CRISIS_LINKS.map((l) => l.split(' ')[0]));
    expect(crisisLinks(el)).to.include('tel:111 call NHS 111 Wales and press 2 for mental health support: 111');
    el.strings = { crisisSamaritansNumber: '+44 116 123' };
    await el.updateComplete;
    expect(crisisLinks(el)).to.include('tel:+44116123 call Samaritans free on +44 116 123, 24 hours a day');
  });

  it('wording changed after it is on screen, by any layer, shows at once (property, configure(), easy-read)', async () => {
    const el = await feedbackFixture();
    expect(text(el, '#crisis-title')).to.equal('Need help now?');
    el.strings = { crisisTitle: 'Help right now' }; // a new object: replaces the property layer
    await el.updateComplete;
    expect(text(el, '#crisis-title')).to.equal('Help right now');
    installGlobal().configure({ strings: { crisisIntro: 'Our line is not staffed at night. If you need help now:' } });
    try {
      await el.updateComplete;
      expect(text(el, '[part=crisis] p')).to.equal('Our line is not staffed at night. If you need help now:');
      el.strings = {};
      el.easyRead = true; // the easy-read layer is below configure()'s: the page's wording still wins
      await el.updateComplete;
      expect(text(el, '#crisis-title')).to.equal('Do you need help now?');
      expect(text(el, '[part=crisis] p')).to.equal('Our line is not staffed at night. If you need help now:');
    } finally {
      installGlobal().configure({ strings: { crisisIntro: '' } });
    }
  });

  it('success says what happens next, that it is not a complaint, and links PALS only over https', async () => {
    const el = await feedbackFixture();
    el.prefill(withReply);
    expect((await el.submit()).ok).to.equal(true);
    await waitUntil(() => $(el, '[part=success]'), 'success');
    expect(activeId(el)).to.equal('success');
    const words = text(el, '[part=success]');
    expect(words).to.contain('Thank you for your feedback');
    expect(words).to.contain('Someone will contact you within 10 working days');
    expect(words).to.contain('Feedback is not the way to make a complaint');
    expect($(el, '[part=success] a')).to.equal(null);
    el.strings = { complaintsUrl: 'javascript:alert(1)' };
    await el.updateComplete;
    expect($(el, '[part=success] a')).to.equal(null);
    expect(text(el, '[part=success]')).to.contain('contact our Patient Advice and Liaison Service (PALS), a team that helps patients and families sort out problems.');
    // No address for PALS: the person is still told how to reach them.
    expect(text(el, '[part=success]')).to.contain('Staff at any of our services can give you PALS’s phone number and email address.');
    el.strings = { complaintsUrl: 'https://trust.example.nhs.uk/pals', complaintsLinkText: 'PALS' };
    await el.updateComplete;
    expect($(el, '[part=success] a')!.getAttribute('href')).to.equal('https://trust.example.nhs.uk/pals');
    expect(text(el, '[part=success] a')).to.equal('PALS');
    expect(text(el, '[part=success]')).to.not.contain('Staff at any of our services');
    await expectCrisisAndAxe(el, 'success with a PALS link');
  });

  it('fires involve-submit then involve-success with form "feedback"; preventDefault stops the send', async () => {
    const el = await feedbackFixture({ partner: 'grapevine' });
    el.prefill(validFeedback);
    el.addEventListener('involve-submit', (e) => e.preventDefault(), { once: true });
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'cancelled' });
    expect((await mockState()).requests.filter((r) => r.method === 'POST')).to.have.length(0);
    const seen: { type: string; detail: Record<string, unknown> }[] = [];
    for (const type of ['involve-submit', 'involve-success'] as const) document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }), { once: true });
    expect((await el.submit()).ok).to.equal(true);
    expect(seen.map((s) => [s.type, s.detail.form])).to.deep.equal([['involve-submit', 'feedback'], ['involve-success', 'feedback']]);
    const [record] = (await mockState()).records;
    expect(record!.kind).to.equal('feedback');
    expect((record!.body as { source: { partner: string } }).source.partner).to.equal('grapevine');
  });

  it('a validation failure lists every problem in page order and focuses the summary', async () => {
    const el = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT}></involve-feedback>`);
    el.prefill({ service: 'other', wantsReply: true });
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    expect(activeId(el)).to.equal('error-summary');
    const items = [...el.shadowRoot!.querySelectorAll('.error-summary__list a')].map((a) => a.textContent!.trim());
    expect(items).to.deep.equal([
      'Enter the name of the service',
      'Select how your experience of our service was',
      'Enter your full name',
      'Select how you would like us to contact you',
    ]);
  });
});
