/**
 * Issue 18, colours: each widget paints its own surface, so a dark partner theme
 * (`body { background: #111; color: #eee; color-scheme: dark }`) cannot make it unreadable, and
 * theme="dark" is a dark palette. Every state is checked on a light host, a dark host and the dark
 * palette: axe's color-contrast rule plus our own computed-style ratios (text, ticks, radio dots).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/involve-signup.js';
import '../../src/involve-feedback.js';
import '../../src/involve-meetings.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import type { InvolveMeetings } from '../../src/components/involve-meetings/involve-meetings.js';
import { makeMeetings } from '../fixtures/meetings.js';
import { ENDPOINT, mockControl, resetMock, waitUntil } from '../helpers.js';
import { $, clearSession, FAST, setOnline, validAnswers } from '../signup/signup-fixture.js';
import { contrastProblems, HOSTS, setHostCss } from './contrast.js';

const CASES = [
  { name: 'light host', css: HOSTS.light, theme: '' },
  { name: 'dark host', css: HOSTS.dark, theme: '' },
  { name: 'dark palette (theme="dark") on a dark host', css: HOSTS.dark, theme: 'dark' },
  { name: 'dark palette (theme="dark") on a light host', css: HOSTS.light, theme: 'dark' },
];

async function form<T extends InvolveSignup | InvolveFeedback>(tag: 'involve-signup' | 'involve-feedback', theme: string, endpoint: string | null = ENDPOINT): Promise<T> {
  const el = await fixture<T>(
    tag === 'involve-signup'
      ? html`<involve-signup endpoint=${endpoint ?? ''} theme=${theme}></involve-signup>`
      : html`<involve-feedback endpoint=${endpoint ?? ''} theme=${theme}></involve-feedback>`,
  );
  if (endpoint === null) el.removeAttribute('endpoint');
  el.retryPolicy = FAST;
  await el.updateComplete;
  return el;
}

describe('issue 18: contrast on light and dark hosts and the dark palette, in every state', () => {
  beforeEach(async () => {
    clearSession();
    setOnline(true);
    await resetMock();
  });
  after(() => setHostCss(''));

  for (const c of CASES) {
    it(`${c.name}: sign-up empty, errors, submitting (ticks and dots), failed, offline, success, configuration`, async () => {
      setHostCss(c.css);
      const problems: string[] = [];
      const el = await form<InvolveSignup>('involve-signup', c.theme);
      problems.push(...(await contrastProblems(el, 'empty')));
      await el.submit();
      problems.push(...(await contrastProblems(el, 'errors')));
      el.prefill(validAnswers);
      await mockControl({ faults: [{ delayMs: 800 }] });
      const sending = el.submit();
      await waitUntil(() => $(el, 'button[type=submit][aria-disabled=true]'), 'submitting');
      problems.push(...(await contrastProblems(el, 'submitting')));
      await sending;
      problems.push(...(await contrastProblems(el, 'success')));
      el.reset();
      el.prefill(validAnswers);
      await mockControl({ faults: [{ status: 500 }, { status: 500 }, { status: 500 }] });
      await el.submit();
      expect($(el, '[data-focus=failed]')).to.exist;
      problems.push(...(await contrastProblems(el, 'failed')));
      setOnline(false);
      await el.submit();
      expect($(el, '[data-focus=queued]')).to.exist;
      problems.push(...(await contrastProblems(el, 'offline')));
      setOnline(true);
      const missing = await form<InvolveSignup>('involve-signup', c.theme, null);
      problems.push(...(await contrastProblems(missing, 'config (no endpoint)')));
      const wrong = await form<InvolveSignup>('involve-signup', c.theme, `${location.origin}/no-such-api`);
      await waitUntil(() => $(wrong, '[part=config-error]'), 'config (not found)');
      problems.push(...(await contrastProblems(wrong, 'config (not found)')));
      expect(problems).to.deep.equal([]);
    });

    it(`${c.name}: feedback (crisis box) empty, errors, success`, async () => {
      setHostCss(c.css);
      const problems: string[] = [];
      const el = await form<InvolveFeedback>('involve-feedback', c.theme);
      problems.push(...(await contrastProblems(el, 'empty')));
      await el.submit();
      problems.push(...(await contrastProblems(el, 'errors')));
      el.prefill({ service: 'talking-therapies', rating: 'good', whatWentWell: 'Kind staff.', anonymous: true });
      problems.push(...(await contrastProblems(el, 'answered')));
      await el.submit();
      await waitUntil(() => $(el, '[part=success]'), 'success');
      problems.push(...(await contrastProblems(el, 'success')));
      expect(problems).to.deep.equal([]);
    });

    it(`${c.name}: meetings list, empty, error, configuration`, async () => {
      setHostCss(c.css);
      const problems: string[] = [];
      const meetings = async (feed: unknown[], faults: object[] = [], endpoint: string | null = ENDPOINT) => {
        await mockControl({ reset: true, meetings: feed, faults: faults as never });
        const el = await fixture<InvolveMeetings>(html`<involve-meetings endpoint=${endpoint ?? ''} theme=${c.theme} limit="3"></involve-meetings>`);
        if (endpoint === null) el.removeAttribute('endpoint');
        await waitUntil(() => $(el, '.count, .empty, [part=error], [part=config-error]'), 'meetings rendered');
        return el;
      };
      problems.push(...(await contrastProblems(await meetings(makeMeetings(3)), 'list')));
      problems.push(...(await contrastProblems(await meetings([]), 'empty')));
      problems.push(...(await contrastProblems(await meetings([], [{ method: 'GET', path: '/meetings', status: 500 }]), 'error')));
      problems.push(...(await contrastProblems(await meetings([], [], null), 'config')));
      expect(problems).to.deep.equal([]);
    });
  }

  it('the widget paints its own surface: white with NHS dark text by default, whatever the page', async () => {
    setHostCss(HOSTS.dark);
    const el = await form<InvolveSignup>('involve-signup', '');
    const style = getComputedStyle(el);
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.color).to.equal('rgb(33, 43, 50)');
    el.style.setProperty('--involve-background', 'transparent');
    el.style.setProperty('--involve-text-colour', 'currentColor');
    expect(getComputedStyle(el).backgroundColor, 'a page can let it blend in').to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(el).color).to.equal('rgb(238, 238, 238)');
  });
});
