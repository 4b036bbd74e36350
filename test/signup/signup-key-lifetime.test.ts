/**
 * The endpoint remembers an Idempotency-Key for 24 hours (KEY_LIFETIME_MS, src/schema/rules.ts, which
 * server/idempotency.ts imports too). After that a replay would be stored a second time, so the widget
 * never sends a key that old: a send queued offline for longer is dropped unsent, and the person is
 * told it was not sent with their answers still there; pressing Sign up again sends under a new key.
 */
import { expect } from '@open-wc/testing';
import { KEY_LIFETIME_MS } from '../../src/schema/rules.js';
import { mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { clearSession, setOnline, signupFixture, text, validAnswers } from './signup-fixture.js';

const HOUR = 60 * 60 * 1000;
const OUTBOX = 'involve-widgets:outbox';
/** The Idempotency-Keys the endpoint received (the header is a quoted Structured Field string). */
const keysSent = (posts: { key: string | null }[]) => posts.map((p) => p.key?.replace(/^"|"$/g, ''));
const outbox = () => JSON.parse(sessionStorage.getItem(OUTBOX) ?? '[]') as { key: string; queuedAt: number }[];

/** Makes the queued send look `hours` old, as if the tab had stayed offline that long. */
function ageOutbox(hours: number): string {
  const items = outbox();
  expect(items).to.have.length(1);
  sessionStorage.setItem(OUTBOX, JSON.stringify(items.map((i) => ({ ...i, queuedAt: Date.now() - hours * HOUR }))));
  return items[0]!.key;
}

describe('<involve-signup> never resends a key the endpoint has forgotten', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });
  afterEach(() => setOnline(true));

  it('is 24 hours, the one figure the server uses too', () => {
    expect(KEY_LIFETIME_MS).to.equal(24 * HOUR);
  });

  it('a send queued 25 hours ago is not resent with its old key: dropped, and the person is told, answers kept', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    setOnline(false);
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'queued' });
    const oldKey = ageOutbox(25);
    const errors: { kind: string }[] = [];
    el.addEventListener('involve-error', (e) => errors.push((e as CustomEvent).detail));
    setOnline(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[data-focus=failed]'), 'the "could not send" panel');
    expect(text(el, '[data-focus=failed]')).to.contain('We could not send this');
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    expect(el.values.name).to.equal(validAnswers.name);
    expect(outbox()).to.deep.equal([]);
    expect(keysSent((await mockState()).posts)).to.deep.equal([]);
    // Sending again is the person's choice, and goes under a new key.
    expect((await el.submit()).ok).to.equal(true);
    const { posts, records } = await mockState();
    expect(records).to.have.length(1);
    expect(keysSent(posts)).to.have.length(1).and.not.include(oldKey);
  });

  it('a send queued 23 hours ago is still sent once with its own key', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    setOnline(false);
    await el.submit();
    const key = ageOutbox(23);
    setOnline(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=success]'), 'success after the flush');
    const { posts, records } = await mockState();
    expect(records).to.have.length(1);
    expect(keysSent(posts)).to.deep.equal([key]);
  });

  it('the same answers sent again more than 24 hours after a failed send get a new key', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 503 }, { status: 503 }, { status: 503 }] });
    expect((await el.submit()).ok).to.equal(false);
    const realNow = Date.now;
    Date.now = () => realNow() + 25 * HOUR;
    try {
      expect((await el.submit()).ok).to.equal(true);
    } finally {
      Date.now = realNow;
    }
    const { posts, records } = await mockState();
    expect(records).to.have.length(1);
    expect(new Set(posts.map((p) => p.key)).size).to.equal(2);
  });
});
