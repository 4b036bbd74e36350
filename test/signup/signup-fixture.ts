/** Builds <involve-signup> against the mock endpoint and reads what a person would see. */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '../engine.js';
import '../../src/involve-signup.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';
import type { SignupValues } from '../../src/components/involve-signup/signup-form.js';
import { ENDPOINT } from '../helpers.js';

/** Quick retries, and no wait for the endpoint's bot check (the mock's is lowered too; see resetMock). */
export const FAST = { baseDelayMs: 30, maxDelayMs: 200, timeoutMs: 2000, minElapsedMs: 0 };

export async function signupFixture(opts: { endpoint?: string | null; partner?: string } = {}): Promise<InvolveSignup> {
  const endpoint = opts.endpoint === null ? undefined : (opts.endpoint ?? ENDPOINT);
  const el = await fixture<InvolveSignup>(html`<involve-signup endpoint=${endpoint ?? ''} partner=${opts.partner ?? 'test-partner'}></involve-signup>`);
  if (opts.endpoint === null) el.removeAttribute('endpoint');
  el.retryPolicy = FAST;
  await el.updateComplete;
  return el;
}

export const validAnswers: Partial<SignupValues> = {
  name: 'Asha Patel',
  relationship: ['carer'],
  preferred: 'email',
  email: 'asha@example.org',
  postcodeDistrict: 'CV1',
  interests: ['carers', 'crisis-care'],
  waysToTakePart: ['surveys'],
  availability: ['weekday-evenings', 'weekends'],
  format: ['online'],
  accessNeeds: ['quiet-space'],
  accessNeedsOther: 'I may need to leave early to pick up my son.',
  storeDetails: true,
};

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const input = (el: Element, field: string) => $<HTMLInputElement>(el, `#f-${field}`)!;
export const text = (el: Element, selector: string) => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const activeId = (el: Element) => {
  const active = el.shadowRoot!.activeElement as HTMLElement | null;
  return active?.id || active?.dataset.focus || '';
};

/** Clears sessionStorage drafts/outbox between tests (they are per tab, and tests share one). */
export function clearSession(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('involve-widgets:')) sessionStorage.removeItem(key);
}

/** Types into a text field as a person would (input events), and lets Lit re-render. */
export async function type(el: InvolveSignup, field: string, value: string): Promise<void> {
  const control = input(el, field);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Makes `navigator.onLine` report `online` and fires the matching window event, as the browser does. */
export function setOnline(online: boolean): void {
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/** The focused element's text, as a screen reader would start reading it. */
export const focusedText = (el: Element) => (el.shadowRoot!.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Tabs to the form's main button (Continue, Sign up, Send feedback), checks its label, presses Enter,
 * and returns what has focus then (in easy-read steps, the next question's heading).
 */
export async function pressMain(el: HTMLElement & { updateComplete: Promise<unknown> }, label: string): Promise<string> {
  for (let i = 0; i < 60 && (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('type') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
  if (focusedText(el) !== label) throw new Error(`Expected the main button "${label}", focus is on "${focusedText(el)}"`);
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  return focusedText(el);
}
