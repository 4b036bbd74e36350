/** Where the sign-up's workstream list (its "interests" question) comes from. */
import { expect, fixture, html } from '@open-wc/testing';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import { ENDPOINT, mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { $$, clearSession, signupFixture, validAnswers } from './signup-fixture.js';

const interestIds = (el: InvolveSignup) => $$<HTMLInputElement>(el, 'input[name=interests]').map((i) => i.value);
const interestLabels = (el: InvolveSignup) => $$(el, 'input[name=interests]').map((i) => i.nextElementSibling!.textContent!.trim());
const optionsRequests = async () => (await mockState()).requests.filter((r) => r.method === 'GET' && r.path === '/options').length;

describe('<involve-signup> workstreams', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('GET /options replaces the built-in workstreams; ids the schema would refuse are dropped', async () => {
    await mockControl({
      options: { workstreams: [{ id: 'rugby-carers', label: 'Carers in Rugby' }, { id: 'Not An Id!', label: 'dropped' }, { id: 'peer-support', label: 'Peer support' }] },
    });
    const el = await signupFixture();
    await waitUntil(() => interestIds(el)[0] === 'rugby-carers', 'options applied');
    expect(interestIds(el)).to.deep.equal(['rugby-carers', 'peer-support']);
    expect(interestLabels(el)).to.deep.equal(['Carers in Rugby', 'Peer support']);
    el.prefill({ ...validAnswers, interests: ['rugby-carers'] });
    expect((await el.submit()).ok).to.equal(true);
    const stored = (await mockState()).records.map((r) => (r.body as { interests: string[] }).interests);
    expect(stored).to.deep.equal([['rugby-carers']]);
  });

  it('keeps the built-in list when the endpoint has no /options, and asks it once', async () => {
    const el = await signupFixture();
    await waitUntil(optionsRequests, 'asked the endpoint');
    await new Promise((r) => setTimeout(r, 50));
    expect(interestIds(el)).to.include('carers').and.include('children-and-young-people');
    expect(await optionsRequests()).to.equal(1);
  });

  it("the page's own list wins, and then the endpoint is not asked", async () => {
    await mockControl({ options: { workstreams: [{ id: 'from-endpoint', label: 'From the endpoint' }] } });
    const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT} .workstreams=${[{ id: 'prop', label: 'From a property' }]}></involve-signup>`);
    await new Promise((r) => setTimeout(r, 100));
    expect(interestIds(el)).to.deep.equal(['prop']);
    expect(await optionsRequests()).to.equal(0);
  });
});
