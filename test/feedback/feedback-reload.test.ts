/** A real page reload (in an iframe): a long answer survives a failed send and arrives once. */
import { expect } from '@open-wc/testing';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import { MOCK_NS, loadWidgetFrame, mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { clearSession, CRISIS_LINKS, crisisLinks } from './feedback-fixture.js';

const loadFrame = (frame: HTMLIFrameElement, reload = false) => loadWidgetFrame<InvolveFeedback>(frame, 'involve-feedback', reload);

const field = (el: InvolveFeedback, name: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#f-${name}`)!;

/** 4,900 characters of a real-looking story, with line breaks and non-ASCII text. */
const STORY = Array.from({ length: 70 }, (_, i) => `Day ${String(i + 1).padStart(2, '0')}: waited, phoned again — nobody called back. `)
  .join('\n')
  .padEnd(4900, '…')
  .slice(0, 4900);

describe('<involve-feedback> across a reload', () => {
  let frame: HTMLIFrameElement;
  beforeEach(async () => {
    clearSession();
    await resetMock();
    frame = document.createElement('iframe');
    frame.src = `/test/pages/feedback.html?ns=${MOCK_NS}`;
  });
  afterEach(() => frame.remove());

  it('a typed 4,900-character answer survives a 503 and a reload, and arrives exactly once', async () => {
    expect(STORY).to.have.length(4900);
    let el = await loadFrame(frame);
    el.prefill({ service: 'crisis-team', rating: 'poor', anonymous: true });
    const area = field(el, 'whatCouldBeBetter');
    area.value = STORY;
    area.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // Stored, but the answer is lost; then 503 twice more: the person sees "We could not send this".
    await mockControl({ faults: [{ afterStore: true, status: 503 }, { status: 503 }, { status: 503 }] });
    expect(await el.submit()).to.deep.include({ ok: false, kind: 'server', status: 503 });
    el = await loadFrame(frame, true);
    expect(field(el, 'whatCouldBeBetter').value).to.equal(STORY);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('We have filled in the answers you gave earlier.');
    expect(crisisLinks(el)).to.deep.equal(CRISIS_LINKS);
    expect((await el.submit()).ok).to.equal(true);
    const { records, requests } = await mockState();
    expect(records).to.have.length(1);
    expect((records[0]!.body as { whatCouldBeBetter: string }).whatCouldBeBetter).to.equal(STORY.trim());
    const posts = requests.filter((r) => r.method === 'POST');
    expect(new Set(posts.map((p) => p.key)).size, 'one Idempotency-Key').to.equal(1);
    expect(new Set(posts.map((p) => p.body)).size, 'identical bytes').to.equal(1);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=success]'), 'success');
    expect(crisisLinks(el)).to.deep.equal(CRISIS_LINKS);
    expect(Object.keys(frame.contentWindow!.sessionStorage).filter((k) => k.includes('draft'))).to.deep.equal([]);
  });

  it('the anonymous choice survives a reload; a name typed earlier is kept only in this tab (sessionStorage)', async () => {
    let el = await loadFrame(frame);
    el.prefill({ anonymous: false, wantsReply: true, name: 'Priya Shah' });
    el.prefill({ anonymous: true });
    await new Promise((r) => setTimeout(r, 400)); // autosave is debounced
    el = await loadFrame(frame, true);
    expect(el.values.anonymous).to.equal(true);
    expect(el.values.name).to.equal('Priya Shah');
    expect(Object.keys(frame.contentWindow!.localStorage)).to.deep.equal([]);
  });
});
