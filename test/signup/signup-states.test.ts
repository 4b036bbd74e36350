/** axe in every visible state, configuration messages, events, cancel, honeypot and easy-read. */
import { expect, fixture, html } from '@open-wc/testing';
import { installGlobal } from '../../src/core/config.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import { ENDPOINT, mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { $, $$, activeId, clearSession, FAST, setOnline, signupFixture, text, validAnswers } from './signup-fixture.js';

describe('<involve-signup> states', () => {
  beforeEach(async () => {
    clearSession();
    setOnline(true);
    await resetMock();
  });

  it('is axe-clean empty, with errors, submitting, failed, queued and on success', async () => {
    const el = await signupFixture();
    await expect(el).to.be.accessible();
    await el.submit();
    await expect(el).to.be.accessible();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ delayMs: 600 }] });
    const sending = el.submit();
    await waitUntil(() => $(el, 'button[type=submit][aria-disabled=true]'), 'submitting state');
    expect(text(el, 'button[type=submit] [aria-hidden=true]'), 'the button shows Sending… (heard from the status region)').to.equal('Sending…');
    // Nothing is marked busy: some screen readers hold back a busy region's live messages ("Still trying…").
    expect($(el, '[aria-busy=true]')).to.equal(null);
    await expect(el).to.be.accessible();
    await sending;
    await expect(el).to.be.accessible();
    el.reset();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    await el.submit();
    await expect(el).to.be.accessible();
    setOnline(false);
    el.prefill({ name: 'Someone Else' });
    await el.submit();
    expect($(el, '[data-focus=queued]')).to.exist;
    await expect(el).to.be.accessible();
    setOnline(true);
  });

  it('without an endpoint shows the webmaster a clear message, reports it, and renders no form', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(String(args[0]));
    const errors: string[] = [];
    document.addEventListener('involve-error', (e) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind), { once: true });
    try {
      const el = await signupFixture({ endpoint: null });
      await new Promise((r) => setTimeout(r));
      expect(text(el, '[part=config-error]')).to.contain('This form is not set up yet');
      expect(text(el, '[part=config-error]')).to.contain('endpoint');
      expect($(el, 'form')).to.equal(null);
      expect(logged.some((m) => m.includes('<involve-signup>'))).to.equal(true);
      expect(errors).to.deep.equal(['config']);
      await expect(el).to.be.accessible();
      expect(await el.submit()).to.deep.equal({ ok: false, kind: 'config' });
    } finally {
      console.error = original;
    }
  });

  it('refuses a plain-http endpoint that is not localhost', async () => {
    const el = await signupFixture({ endpoint: 'http://involve.example.org/api' });
    expect(text(el, '[part=config-error]')).to.contain('is not secure (https)');
  });

  it('takes the endpoint from a JSON child, then InvolveWidgets.configure(), the attribute winning', async () => {
    installGlobal().configure({ endpoint: 'https://global.example.org/api', partner: 'global-partner' });
    try {
      const fromGlobal = await fixture<InvolveSignup>(html`<involve-signup></involve-signup>`);
      expect($(fromGlobal, '[part=config-error]')).to.equal(null);
      const logged: unknown[] = [];
      const original = console.error;
      console.error = (...a: unknown[]) => logged.push(a[0]);
      const broken = await fixture<InvolveSignup>(html`<involve-signup><script type="application/json">{ not json</script></involve-signup>`);
      console.error = original;
      expect(String(logged[0])).to.contain('<involve-signup>');
      expect($(broken, 'form')).to.exist; // ignored, global still applies
      const child = await fixture<InvolveSignup>(html`<involve-signup><script type="application/json">{"endpoint": "${ENDPOINT}", "partner": "json-partner"}</script></involve-signup>`);
      child.prefill(validAnswers);
      expect((await child.submit()).ok).to.equal(true);
      const attr = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} partner="attr-partner"><script type="application/json">{"endpoint": "https://nowhere.invalid", "partner": "json-partner"}</script></involve-signup>`);
      attr.prefill(validAnswers);
      expect((await attr.submit()).ok).to.equal(true);
      const partners = (await mockState()).records.map((r) => (r.body as { source: { partner: string } }).source.partner);
      expect(partners).to.deep.equal(['json-partner', 'attr-partner']);
    } finally {
      installGlobal().configure({ endpoint: '', partner: '' });
    }
  });

  it('marks the language of its words (lang) from locale: attribute > JSON child > configure() > en-GB; a lang on the element wins', async () => {
    const plain = await signupFixture();
    expect(plain.getAttribute('lang')).to.equal('en-GB');
    expect(plain.hasAttribute('locale')).to.equal(false);
    installGlobal().configure({ locale: 'cy' });
    try {
      await plain.updateComplete;
      expect(plain.getAttribute('lang')).to.equal('cy');
      const child = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}><script type="application/json">{"locale":"en-US"}</script></involve-signup>`);
      expect(child.getAttribute('lang')).to.equal('en-US');
      const attr = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} locale="pl"></involve-signup>`);
      expect(attr.getAttribute('lang')).to.equal('pl');
      const own = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} lang="fr"></involve-signup>`);
      expect(own.getAttribute('lang')).to.equal('fr');
    } finally {
      installGlobal().configure({ locale: undefined });
    }
  });

  it('takes any visible text from `strings` (validation messages too); empty overrides are ignored', async () => {
    const el = await signupFixture();
    el.strings = { submit: 'Join us', nameLabel: '', nameMissing: 'Tell us your name', errorSummaryTitle: 'Please check' };
    await el.updateComplete;
    expect(text(el, 'button[type=submit]')).to.equal('Join us');
    expect(text(el, 'label[for=f-name]')).to.equal('Full name');
    await el.submit();
    expect(text(el, '.error-summary__title')).to.equal('Please check');
    expect($$(el, '.error-summary__list a')[0]!.textContent!.trim()).to.equal('Tell us your name');
    expect(text(el, '#f-name-error')).to.equal('Error: Tell us your name');
  });

  it('fires involve-submit (cancelable), then involve-success with the id and payload', async () => {
    const el = await signupFixture({ partner: 'events' });
    el.prefill(validAnswers);
    const seen: { type: string; detail: Record<string, unknown> }[] = [];
    for (const type of ['involve-submit', 'involve-success'] as const) document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }), { once: true });
    expect((await el.submit()).ok).to.equal(true);
    expect(seen.map((s) => s.type)).to.deep.equal(['involve-submit', 'involve-success']);
    expect(seen[1]!.detail.form).to.equal('signup');
    expect(seen[1]!.detail.id).to.equal((await mockState()).records[0]!.id);
    expect((seen[1]!.detail.payload as { name: string }).name).to.equal('Asha Patel');
  });

  it('preventDefault() on involve-submit stops the request and keeps the answers', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    el.addEventListener('involve-submit', (e) => e.preventDefault(), { once: true });
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'cancelled' });
    expect((await mockState()).posts).to.have.length(0);
    expect(el.values.name).to.equal('Asha Patel');
    expect($(el, '[part=success]')).to.equal(null);
  });

  it('a bot that fills the honeypot sees the same success as a person; nothing is stored', async () => {
    await resetMock([], 2000);
    const el = await signupFixture();
    el.prefill(validAnswers);
    const trap = $<HTMLInputElement>(el, '#f-website')!;
    trap.value = 'http://spam.example';
    trap.dispatchEvent(new Event('input'));
    expect((await el.submit()).ok).to.equal(true);
    await waitUntil(() => $(el, '[part=success]'), 'success');
    expect(text(el, '[data-focus=success]')).to.equal('You have joined the involvement register');
    const state = await mockState();
    expect(JSON.parse(state.posts[0]!.body).honeypot).to.equal('http://spam.example');
    expect(state.records).to.have.length(0);
  });

  it('sends elapsedMs from first render, measured once', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await new Promise((r) => setTimeout(r, 150));
    await el.submit();
    const body = JSON.parse((await mockState()).posts[0]!.body);
    expect(body.elapsedMs).to.be.within(140, 5000);
    expect(body.source.page).to.equal(location.href.split(/[?#]/)[0]);
    expect(body.source.widgetVersion).to.match(/^\d+\.\d+\.\d+/);
  });

  it('a send quicker than the endpoint\'s 2-second bot check waits for it, so a real person is never dropped', async () => {
    await resetMock([], 2000); // the contract's threshold, as the real endpoint applies it
    const el = await signupFixture();
    el.retryPolicy = { ...FAST, minElapsedMs: 2000 };
    el.prefill(validAnswers); // a page that fills in and sends straight away, or a quick person
    const started = performance.now();
    const sending = el.submit();
    await el.updateComplete;
    expect(text(el, 'button[type=submit] [aria-hidden=true]'), 'the button shows Sending… (heard from the status region)').to.equal('Sending…');
    expect((await sending).ok).to.equal(true);
    expect(performance.now() - started).to.be.above(1500);
    const state = await mockState();
    expect(state.records).to.have.length(1);
    expect(JSON.parse(state.posts[0]!.body).elapsedMs).to.be.at.least(2000);
  });

  it('tells the page what went wrong in words (involve-error and the result), as a server would', async () => {
    const el = await signupFixture();
    const told: CustomEvent[] = [];
    el.addEventListener('involve-error', (e) => told.push(e as CustomEvent));
    const result = await el.submit();
    expect(result.ok).to.equal(false);
    const details = (result as { errors: { pointer: string; detail: string }[] }).errors;
    expect(details.find((e) => e.pointer === '/name')!.detail).to.equal('Enter your full name');
    expect(told[0]!.detail.errors).to.deep.equal(details);
    expect(details.every((e) => /\s/.test(e.detail))).to.equal(true); // sentences, not message keys
  });

  it('a partner id longer than the endpoint takes is left out (and logged), not a failed send', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(String(args[0]));
    try {
      const el = await signupFixture({ partner: 'p'.repeat(101) });
      el.prefill(validAnswers);
      expect((await el.submit()).ok).to.equal(true);
      expect(JSON.parse((await mockState()).posts[0]!.body).source.partner).to.equal(undefined);
      expect(errors.some((e) => e.includes('partner id is longer than 100'))).to.equal(true);
    } finally {
      console.error = original;
    }
  });

  it('a sent sign-up never comes back as a draft, even when the page removes the widget afterwards', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    expect((await el.submit()).ok).to.equal(true);
    el.remove();
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('involve-widgets:draft'))).to.deep.equal([]);
    const again = await signupFixture();
    expect($<HTMLInputElement>(again, '#f-name')!.value).to.equal('');
  });

  it('"Sign up someone else" clears every answer and the saved draft', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await el.submit();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=success] button')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('');
    expect(el.values.relationship).to.deep.equal([]);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('involve-widgets:draft'))).to.deep.equal([]);
    expect(activeId(el)).to.equal('title');
  });

  it('easy-read asks one question per screen, checks it on Continue, and goes Back', async () => {
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} easy-read></involve-signup>`);
    expect(text(el, '.heading')).to.equal('Join our group of people who help');
    expect($$(el, '[part=field]')).to.have.length(1);
    expect(text(el, '.step')).to.equal('Question 1 of 11:');
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => $(el, '.error-summary'), 'error for this step');
    expect($$(el, '.error-summary__list a').map((a) => a.textContent!.trim())).to.deep.equal(['Write your name']);
    el.prefill({ name: 'Jo' });
    $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
    await waitUntil(() => text(el, '.step') === 'Question 2 of 11:', 'step 2');
    // The question is the screen's heading (GOV.UK), one level below the form's, and Continue focuses it.
    // Heard once: the heading names the fieldset below it; there is no legend to repeat it.
    expect($(el, 'legend')).to.equal(null);
    expect($(el, 'fieldset')!.getAttribute('aria-labelledby')).to.equal('f-relationship-legend');
    expect(text(el, '#f-relationship-legend')).to.equal('Who are you?');
    const question = el.shadowRoot!.activeElement!;
    expect(question.localName).to.equal('h3');
    expect(question.textContent!.trim()).to.equal('Question 2 of 11: Who are you?');
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Back')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-name')!.value).to.equal('Jo');
  });
});
