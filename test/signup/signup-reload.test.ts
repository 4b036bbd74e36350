/** A real page reload (in an iframe): the draft comes back, and the outbox sends on the next load. */
import { expect } from '@open-wc/testing';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import { MOCK_NS, loadWidgetFrame, mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { clearSession, validAnswers } from './signup-fixture.js';

const loadFrame = (frame: HTMLIFrameElement, reload = false) => loadWidgetFrame<InvolveSignup>(frame, 'involve-signup', reload);

const field = (el: InvolveSignup, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#f-${name}`)!;

describe('<involve-signup> across a reload', () => {
  let frame: HTMLIFrameElement;
  beforeEach(async () => {
    clearSession();
    await resetMock();
    frame = document.createElement('iframe');
    frame.src = `/test/pages/signup.html?ns=${MOCK_NS}`;
  });
  afterEach(() => frame.remove());

  it('restores typed answers after a reload, says so, and clears the draft on success', async () => {
    let el = await loadFrame(frame);
    const name = field(el, 'name');
    name.value = 'Priya Shah';
    name.dispatchEvent(new Event('input'));
    el.prefill({ relationship: ['family-member'], accessNeedsOther: 'Step-free please' });
    await new Promise((r) => setTimeout(r, 400)); // autosave is debounced
    el = await loadFrame(frame, true);
    expect(field(el, 'name').value).to.equal('Priya Shah');
    expect(el.values.relationship).to.deep.equal(['family-member']);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('We have filled in the answers you gave earlier.');
    el.prefill({ ...validAnswers, name: 'Priya Shah' });
    expect((await el.submit()).ok).to.equal(true);
    expect(Object.keys(frame.contentWindow!.sessionStorage).filter((k) => k.includes('draft'))).to.deep.equal([]);
  });

  it('two sign-up forms on one page, neither with an id, each get their own answers back', async () => {
    frame.src += '&two';
    await loadFrame(frame);
    const [first, second] = [...frame.contentDocument!.querySelectorAll<InvolveSignup>('involve-signup')];
    await second!.updateComplete;
    first!.prefill({ name: 'First Person' });
    second!.prefill({ name: 'Second Person' });
    await new Promise((r) => setTimeout(r, 400)); // autosave is debounced
    await loadFrame(frame, true);
    const [again1, again2] = [...frame.contentDocument!.querySelectorAll<InvolveSignup>('involve-signup')];
    await again2!.updateComplete;
    expect([field(again1!, 'name').value, field(again2!, 'name').value]).to.deep.equal(['First Person', 'Second Person']);
  });

  it('answers restored after a reload and sent at once count the time since the first visit (not taken for a bot)', async () => {
    await resetMock([], 2000); // the endpoint quietly drops sends quicker than 2 s after the form appeared
    let el = await loadFrame(frame);
    el.prefill(validAnswers);
    await new Promise((r) => setTimeout(r, 2100));
    el = await loadFrame(frame, true);
    expect((await el.submit()).ok).to.equal(true);
    const state = await mockState();
    expect(state.records).to.have.length(1);
    expect(JSON.parse(state.posts[0]!.body).elapsedMs).to.be.at.least(2000);
  });

  it('a response lost in transit, then a reload and a second press of Sign up: still one record', async () => {
    let el = await loadFrame(frame);
    el.prefill(validAnswers);
    // Stored, but the answer never arrives (three times): the person sees "We could not send this".
    await mockControl({ faults: [{ afterStore: true, status: 503 }, { status: 503 }, { status: 503 }] });
    expect((await el.submit()).ok).to.equal(false);
    el = await loadFrame(frame, true);
    expect(el.values.name).to.equal('Asha Patel');
    expect((await el.submit()).ok).to.equal(true);
    const state = await mockState();
    expect(state.records).to.have.length(1);
    expect(new Set(state.posts.map((r) => r.key)).size).to.equal(1);
  });

  it('queued offline, then the page is reloaded online: the outbox sends it once', async () => {
    let el = await loadFrame(frame);
    const win = frame.contentWindow! as unknown as typeof globalThis;
    Object.defineProperty(win.Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    el.prefill(validAnswers);
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'queued' });
    expect((await mockState()).posts).to.have.length(0);
    el = await loadFrame(frame, true); // fresh window: online again
    await waitUntil(async () => (await mockState()).records.length === 1, 'outbox flushed on load');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=success]'), 'success shown after flush');
    expect(JSON.parse(frame.contentWindow!.sessionStorage.getItem('involve-widgets:outbox')!)).to.deep.equal([]);
  });
});
