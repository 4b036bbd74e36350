/** Where the service list comes from, "Other" with free text, and an untrusted list shown as text. */
import { expect, fixture, html } from '@open-wc/testing';
import { installGlobal } from '../../src/core/config.js';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import { ENDPOINT, mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { $, $$, clearSession, feedbackFixture, input, postedBodies, type, validFeedback } from './feedback-fixture.js';

const serviceLabels = (el: InvolveFeedback) => $$(el, 'input[name=service]').map((i) => i.nextElementSibling!.textContent!.trim());
const serviceIds = (el: InvolveFeedback) => $$<HTMLInputElement>(el, 'input[name=service]').map((i) => i.value);
const optionsRequests = async () => (await mockState()).requests.filter((r) => r.method === 'GET' && r.path === '/options').length;

describe('<involve-feedback> services', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('built-in list when GET /options is missing (404), "Other" last', async () => {
    const el = await feedbackFixture();
    await waitUntil(optionsRequests, 'asked the endpoint');
    await new Promise((r) => setTimeout(r, 50));
    expect(serviceIds(el)).to.deep.equal([
      'community-mental-health-team', 'crisis-team', 'inpatient-ward', 'talking-therapies', 'learning-disability-service',
      'children-and-young-peoples-service', 'older-peoples-service', 'other',
    ]);
    expect(serviceLabels(el)[0]).to.equal('Community mental health team');
  });

  it('GET /options replaces the list; bad items are dropped and labels are text, never markup', async () => {
    await mockControl({
      options: {
        services: [
          { id: 'rugby-cmht', label: 'Rugby community mental health team' },
          { id: 'Not An Id!', label: 'dropped: not an id the schema accepts' },
          { id: 'xss', label: '<img src=x onerror="window.__pwned=1">' },
          { label: 'no id' },
          'not-an-object',
        ],
      },
    });
    const el = await feedbackFixture();
    await waitUntil(() => serviceIds(el)[0] === 'rugby-cmht', 'options applied');
    expect(serviceIds(el)).to.deep.equal(['rugby-cmht', 'xss', 'not-an-object', 'other']);
    expect(serviceLabels(el)[1]).to.equal('<img src=x onerror="window.__pwned=1">');
    expect($(el, 'img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    el.prefill({ ...validFeedback, service: 'rugby-cmht' });
    expect((await el.submit()).ok).to.equal(true);
    expect((await postedBodies())[0]!.service).to.equal('rugby-cmht');
  });

  it('a GET /options of the wrong shape, or a network error, quietly keeps the built-in list', async () => {
    await mockControl({ options: { services: 'everything' } });
    const el = await feedbackFixture();
    await waitUntil(optionsRequests, 'asked the endpoint');
    await new Promise((r) => setTimeout(r, 50));
    expect(serviceIds(el)[0]).to.equal('community-mental-health-team');
    const offline = await feedbackFixture({ endpoint: 'http://localhost:9/api' });
    await new Promise((r) => setTimeout(r, 200));
    expect(serviceIds(offline)[0]).to.equal('community-mental-health-team');
    expect($(offline, '[part=crisis]')).to.exist;
  });

  it('the page\'s own list wins, and then the endpoint is not asked: property, JSON child, configure()', async () => {
    await mockControl({ options: { services: [{ id: 'from-endpoint', label: 'From the endpoint' }] } });
    const el = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT} .services=${[{ id: 'prop', label: 'From a property' }]}></involve-feedback>`);
    expect(serviceIds(el)).to.deep.equal(['prop', 'other']);
    const child = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT}><script type="application/json">{"services":[{"id":"json","label":"From JSON"},{"id":"other","label":"Somewhere else"}]}</script></involve-feedback>`);
    expect(serviceLabels(child)).to.deep.equal(['From JSON', 'Somewhere else']);
    installGlobal().configure({ services: [{ id: 'global', label: 'From configure()' }] });
    try {
      const global = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${ENDPOINT}></involve-feedback>`);
      expect(serviceIds(global)).to.deep.equal(['global', 'other']);
      await new Promise((r) => setTimeout(r, 100));
      expect(await optionsRequests()).to.equal(0);
    } finally {
      installGlobal().configure({ services: undefined });
    }
  });

  it('"Other" reveals a free-text question that is required and sent only while Other is chosen', async () => {
    const el = await feedbackFixture();
    el.prefill({ ...validFeedback, service: '' });
    expect($(el, '#f-serviceOther')).to.equal(null);
    $$<HTMLInputElement>(el, 'input[name=service]').at(-1)!.click();
    await el.updateComplete;
    expect((await el.submit()).ok).to.equal(false);
    expect($(el, '#f-serviceOther-error')!.textContent).to.contain('Enter the name of the service');
    await type(el, 'serviceOther', 'Memory clinic, Leamington');
    expect((await el.submit()).ok).to.equal(true);
    expect((await postedBodies())[0]).to.include({ service: 'other', serviceOther: 'Memory clinic, Leamington' });
    el.reset();
    el.prefill({ ...validFeedback, serviceOther: 'typed, then changed my mind' });
    expect((await el.submit()).ok).to.equal(true);
    expect((await postedBodies())[1]).not.to.have.property('serviceOther');
    expect(input(el, 'service')).to.equal(null); // success panel now
  });

  it('the Friends and Family Test question and its six answers, exactly, as radios', async () => {
    const el = await feedbackFixture();
    const legend = $(el, '#f-rating')!.closest('fieldset')!.querySelector('legend')!.textContent!.trim();
    expect(legend).to.equal('Overall, how was your experience of our service?');
    const radios = $$<HTMLInputElement>(el, 'input[name=rating]');
    expect(radios.map((r) => r.type)).to.deep.equal(Array(6).fill('radio'));
    expect(radios.map((r) => r.value)).to.deep.equal(['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know']);
    expect(radios.map((r) => r.nextElementSibling!.textContent!.trim())).to.deep.equal(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', 'Don’t know']);
  });
});
