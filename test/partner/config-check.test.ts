/**
 * Issue 18, "tell the webmaster, not the visitor", in the browser suite: an endpoint address where no
 * Involve API answers (404) is a configuration message before anyone types, with the fix in
 * console.error and involve-error { kind: 'config', reason }; a server that does not answer is the
 * network's (the form stays, and sending later takes the retry path). The CORS-refused origin needs a
 * second origin: test/e2e/config-check.test.mjs, against the real server.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/involve-signup.js';
import '../../src/involve-meetings.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import type { InvolveErrorDetail } from '../../src/core/events.js';
import { ENDPOINT, resetMock, waitUntil } from '../helpers.js';
import { $, clearSession, FAST, setOnline, validAnswers } from '../signup/signup-fixture.js';

const WRONG = `${location.origin}/wrong-path/api`;

/** Console errors and involve-error events while `run` runs. */
async function watch(run: () => Promise<void>): Promise<{ logged: string[]; events: InvolveErrorDetail[] }> {
  const logged: string[] = [];
  const events: InvolveErrorDetail[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  const listener = (e: Event) => events.push((e as CustomEvent<InvolveErrorDetail>).detail);
  document.addEventListener('involve-error', listener);
  try {
    await run();
  } finally {
    console.error = original;
    document.removeEventListener('involve-error', listener);
  }
  return { logged, events };
}

describe('issue 18: the endpoint check', () => {
  beforeEach(async () => {
    clearSession();
    setOnline(true);
    await resetMock();
  });

  it('an address with no Involve API (404): a calm message instead of the form, the fix in console.error, reason endpoint-not-found', async () => {
    let el!: InvolveSignup;
    const { logged, events } = await watch(async () => {
      el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${WRONG}></involve-signup>`);
      await waitUntil(() => $(el, '[part=config-error]'), 'config message');
      await new Promise((r) => setTimeout(r, 0));
    });
    expect($(el, '[part=config-error]')!.textContent).to.contain('It cannot send your answers from this page yet');
    expect($(el, 'input, textarea, button[type=submit]'), 'nothing to fill in').to.equal(null);
    expect(logged).to.deep.equal([`<involve-signup>: endpoint-not-found: no Involve API at ${WRONG}`]);
    expect(events).to.deep.equal([{ form: 'signup', kind: 'config', reason: 'endpoint-not-found' }]);
    await expect(el).to.be.accessible();
    el.prefill(validAnswers);
    expect(await el.submit(), "a page's own submit() is told too, and nothing is sent").to.deep.include({ ok: false, kind: 'config' });
  });

  it('the right address: the form, and no message', async () => {
    const { logged, events } = await watch(async () => {
      const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${ENDPOINT}></involve-signup>`);
      await new Promise((r) => setTimeout(r, 300));
      expect($(el, '[part=config-error]')).to.equal(null);
      expect($(el, '#f-name')).to.exist;
    });
    expect(logged).to.deep.equal([]);
    expect(events).to.deep.equal([]);
  });

  it('a server that is not answering is the network: the form stays and sending takes the retry path', async () => {
    const down = 'http://127.0.0.1:9/api';
    let el!: InvolveSignup;
    const { events } = await watch(async () => {
      el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${down}></involve-signup>`);
      el.retryPolicy = FAST;
      await new Promise((r) => setTimeout(r, 500));
      expect($(el, '[part=config-error]')).to.equal(null);
      el.prefill(validAnswers);
      await el.submit();
    });
    expect($(el, '[data-focus=failed]'), '"We could not send this" with Try again').to.exist;
    expect(events.map((e) => e.kind)).to.deep.equal(['network']);
  });

  it('meetings: a wrong address says "cannot be shown yet", not "check your internet connection", without the reserved height', async () => {
    const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${WRONG}></involve-meetings>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=config-error]'), 'config message');
    expect(el.shadowRoot!.querySelector('[part=config-error]')!.textContent).to.contain('cannot be shown yet');
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    expect(el.getBoundingClientRect().height).to.be.below(parseFloat(getComputedStyle(el).fontSize) * 30);
    const missing = await fixture<InvolveMeetings>(html`<involve-meetings></involve-meetings>`);
    await missing.updateComplete;
    expect(missing.getBoundingClientRect().height, '"not set up": its own height').to.be.below(parseFloat(getComputedStyle(missing).fontSize) * 30);
  });
});
