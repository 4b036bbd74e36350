/** Builds <involve-feedback> against the mock endpoint and reads what a person would see. */
import { fixture, html } from '@open-wc/testing';
import '../../src/involve-feedback.js';
import type { InvolveFeedback } from '../../src/components/involve-feedback/involve-feedback.js';
import type { FeedbackValues } from '../../src/components/involve-feedback/feedback-form.js';
import { ENDPOINT, mockState } from '../helpers.js';

export { $, $$, activeId, clearSession, FAST, focusedText, input, pressMain, setOnline, text } from '../signup/signup-fixture.js';
import { FAST, input } from '../signup/signup-fixture.js';

export async function feedbackFixture(opts: { endpoint?: string | null; partner?: string } = {}): Promise<InvolveFeedback> {
  const endpoint = opts.endpoint === null ? undefined : (opts.endpoint ?? ENDPOINT);
  const el = await fixture<InvolveFeedback>(html`<involve-feedback endpoint=${endpoint ?? ''} partner=${opts.partner ?? 'test-partner'}></involve-feedback>`);
  if (opts.endpoint === null) el.removeAttribute('endpoint');
  el.retryPolicy = FAST;
  await el.updateComplete;
  return el;
}

/** Complete, valid, anonymous feedback. */
export const validFeedback: Partial<FeedbackValues> = {
  service: 'talking-therapies',
  rating: 'good',
  whatWentWell: 'The therapist listened and never rushed me.',
  whatCouldBeBetter: 'Six weeks on the waiting list felt like a long time.',
  anonymous: true,
};

/** Someone who wants a reply by email. */
export const withReply: Partial<FeedbackValues> = {
  ...validFeedback,
  anonymous: false,
  wantsReply: true,
  name: 'Sam Okafor',
  preferred: 'email',
  email: 'sam@example.org',
};

/** Types into a text field or text area as a person would (input events), and lets Lit re-render. */
export async function type(el: InvolveFeedback, field: string, value: string): Promise<void> {
  const control = input(el, field);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The feedback POSTs the mock endpoint received, parsed. */
export async function postedBodies(): Promise<Record<string, unknown>[]> {
  return (await mockState()).requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

/** Asserts the crisis box is there and complete (used in every state). */
export function crisisLinks(el: Element): string[] {
  const box = el.shadowRoot!.querySelector('[part=crisis]');
  if (!box) return [];
  return [...box.querySelectorAll('a')].map((a) => `${a.getAttribute('href')} ${a.textContent!.replace(/\s+/g, ' ').trim()}`);
}

export const CRISIS_LINKS = [
  'tel:999 call 999 in an emergency, or go to A&E if a life is at risk',
  'tel:111 call NHS 111 and choose the mental health option',
  'tel:116123 call Samaritans free on 116 123, 24 hours a day',
  'sms:85258?body=SHOUT or text SHOUT to 85258',
];
