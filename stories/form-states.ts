/**
 * The states both forms (<involve-signup>, <involve-feedback>) go through, as stories: each one reached
 * through the element's public API (`prefill`, `submit`) against the real server app (in the browser) with the story's
 * faults, so the catalogue shows what a person would really see.
 */
import type { StoryObj } from '@storybook/web-components';
import { expect, waitFor } from 'storybook/test';
import type { SubmitResult } from '../src/core/submit-client.js';
import type { TestEndpoint } from '../test/endpoint/test-endpoint.js';
import { waitForPart, widget, type CommonArgs } from './widget.js';

/** The story's own endpoint (the real server app), from the loader in .storybook/preview.ts. */
const endpointOf = (loaded: Record<string, unknown>) => loaded.endpoint as TestEndpoint;

/** What a story needs of a form element: the public methods of contract §2. */
interface FormElement extends HTMLElement {
  updateComplete: Promise<boolean>;
  retryPolicy: Record<string, number>;
  values: Readonly<Record<string, unknown>>;
  prefill(values: Record<string, unknown>): void;
  submit(): Promise<SubmitResult>;
  reset(): void;
}

/**
 * Retries in a fraction of a second, not the contract's real backoff, and no wait for the endpoint's
 * 2-second bot check (the test endpoint's is off too), so each state is reached quickly.
 */
const QUICK_RETRIES = { baseDelayMs: 200, maxDelayMs: 400, minElapsedMs: 0 };

export interface FormStatesOptions {
  tag: 'involve-signup' | 'involve-feedback';
  /** Complete, valid answers. */
  valid: Record<string, unknown>;
  /** Answers the client rejects. */
  invalid: Record<string, unknown>;
  /** A 422 problem the server sends for answers the client accepted. */
  serverProblem: unknown;
}

export function formStates<A extends CommonArgs>({ tag, valid, invalid, serverProblem }: FormStatesOptions) {
  type Story = StoryObj<A>;
  /** The story with its description on the docs page (a re-exported story loses its JSDoc there). */
  const described = (story: string, s: Story): Story => ({ ...s, parameters: { ...s.parameters, docs: { ...s.parameters?.docs, description: { story } } } });

  const form = (canvas: HTMLElement) => widget<FormElement>(canvas, tag);
  const filled = async (canvas: HTMLElement) => {
    const el = await form(canvas);
    el.prefill(valid);
    el.retryPolicy = { minElapsedMs: 0 };
    await el.updateComplete;
    return el;
  };

  const Empty: Story = described('As a visitor first sees it.', {});

  const Filled: Story = described('Answers filled in through `prefill()`, as a partner page that already knows the person might.', {
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      await expect(Object.keys(el.values).length).toBeGreaterThan(0);
    },
  });

  const ValidationErrors: Story = described('Sent with answers missing or wrong: the GOV.UK error summary (focused) and a message on each field.', {
    play: async ({ canvasElement }) => {
      const el = await form(canvasElement);
      el.prefill(invalid);
      await expect(await el.submit()).toMatchObject({ ok: false, kind: 'validation' });
      await waitForPart(el, '[part=error-summary]');
    },
  });

  const ServerValidationErrors: Story = described('The client accepted the answers but the server did not: 422 problem details whose JSON Pointers name fields.', {
    parameters: { endpoint: { faults: [{ status: 422, body: serverProblem, headers: { 'content-type': 'application/problem+json' } }] } },
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      await expect(await el.submit()).toMatchObject({ ok: false, kind: 'validation', status: 422 });
      await waitForPart(el, '[part=error-summary]');
    },
  });

  const Submitting: Story = described('While sending (the test endpoint holds the request for 100 s): the button says "Sending…".', {
    parameters: { endpoint: { faults: [{ delayMs: 100_000 }] } },
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      el.retryPolicy = { timeoutMs: 10 * 60_000, minElapsedMs: 0 };
      void el.submit();
      await waitForPart(el, 'button[type=submit][aria-disabled=true]');
    },
  });

  const ServiceUnavailableThenRetry: Story = described('503 three times: the widget retries with backoff under one Idempotency-Key, then keeps the answers and offers "Try again". The endpoint has no faults left, so Try again succeeds.', {
    parameters: { endpoint: { faults: [{ status: 503 }, { status: 503 }, { status: 503 }] } },
    play: async ({ canvasElement, loaded }) => {
      const el = await filled(canvasElement);
      el.retryPolicy = QUICK_RETRIES;
      await expect(await el.submit()).toMatchObject({ ok: false, kind: 'server', status: 503 });
      const panel = await waitForPart(el, '[data-focus=failed]');
      await expect(panel.textContent).toContain('Something went wrong on our side');
      // POSTs only: a form may also have asked for `GET /options`, which carries no key.
      const posts = (await endpointOf(loaded).state()).requests.filter((r) => r.method === 'POST');
      await expect(new Set(posts.map((r) => r.key)).size).toBe(1);
      await expect((await endpointOf(loaded).state()).records).toHaveLength(0);
    },
  });

  const ConnectionLost: Story = described('The connection drops on every try: "We could not send this", with the words for a connection problem (check your internet), the answers kept and Try again.', {
    parameters: { endpoint: { faults: [{ drop: true }, { drop: true }, { drop: true }] } },
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      el.retryPolicy = QUICK_RETRIES;
      await expect(await el.submit()).toMatchObject({ ok: false, kind: 'network' });
      const panel = await waitForPart(el, '[data-focus=failed]');
      await expect(panel.textContent).toContain('Check your internet connection');
    },
  });

  const RateLimited: Story = described('429 with `Retry-After: 30`: the widget says it will try again in 30 seconds, then does.', {
    parameters: { endpoint: { faults: [{ status: 429, headers: { 'Retry-After': '30' } }] } },
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      void el.submit();
      await waitFor(() => expect(el.shadowRoot!.querySelector('[role=status]')?.textContent).toContain('30 seconds'));
    },
  });

  const RateLimitedGaveUp: Story = described('429 with `Retry-After: 600`, longer than the widget waits on its own (2 minutes): it stops, keeps the answers and says to try again in a few minutes.', {
    parameters: { endpoint: { faults: [{ status: 429, headers: { 'Retry-After': '600' } }] } },
    play: async ({ canvasElement, loaded }) => {
      const el = await filled(canvasElement);
      await expect(await el.submit()).toMatchObject({ ok: false, kind: 'rate-limited', status: 429 });
      await waitForPart(el, '[data-focus=failed]');
      await expect(el.shadowRoot!.querySelector('[data-focus=failed]')?.textContent).toContain('few minutes');
      await expect((await endpointOf(loaded).state()).records).toHaveLength(0);
    },
  });

  const OfflineQueued: Story = described('`navigator.onLine` is false: the answers wait in this tab\'s outbox (`involve-queued`) until back online.', {
    parameters: { offline: true },
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      await expect(await el.submit()).toMatchObject({ ok: false, kind: 'queued' });
      await waitForPart(el, '[data-focus=queued]');
    },
  });

  const Success: Story = described('The endpoint stored the answers (201): the confirmation panel.', {
    play: async ({ canvasElement, loaded }) => {
      const el = await filled(canvasElement);
      await expect(await el.submit()).toMatchObject({ ok: true });
      await waitForPart(el, '[part=success]');
      await expect((await endpointOf(loaded).state()).records).toHaveLength(1);
    },
  });

  const ConfigError: Story = described('No `endpoint`: a clear message for the webmaster (and a console.error), never a broken form.', {
    args: { endpoint: '' } as Partial<A>,
    parameters: { expectedConsoleErrors: [new RegExp(`^<${tag}>: `)] },
    play: async ({ canvasElement }) => {
      await waitForPart(await form(canvasElement), '[part=config-error]');
    },
  });

  const EasyRead: Story = described('`easy-read`: plain words, larger targets, one question per screen.', { args: { 'easy-read': true } as Partial<A> });

  const EasyReadSwitchedByReader: Story = described('The reader pressed "Easy read" at the top after answering a question: the easy-read wording arrives (an on-demand pack), the answers stay, focus is on the heading, and the switch now offers "Standard version".', {
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="easy-read-switch"]')!.click();
      await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="easy-read-switch"]')!.textContent!.trim()).toBe('Standard version'));
      await el.updateComplete;
      await expect(el.hasAttribute('easy-read')).toBe(true);
    },
  });

  const EasyReadSwitchHidden: Story = described('`hide-easy-read-switch`: the webmaster hides the reader\'s "Easy read" switch (easy read then only as `easy-read` sets it).', {
    args: { 'hide-easy-read-switch': true } as Partial<A>,
    play: async ({ canvasElement }) => {
      const el = await form(canvasElement);
      await expect(el.shadowRoot!.querySelector('[part~="easy-read-switch"]')).toBeNull();
    },
  });

  const EasyReadWithError: Story = described('Easy read, after "Next" on an unanswered first question.', {
    args: { 'easy-read': true } as Partial<A>,
    play: async ({ canvasElement }) => {
      const el = await form(canvasElement);
      // The story runner switches stories in one page: the last story's widget saves its answers as a
      // draft when it leaves, and this one would put them back. This story is about an empty form.
      el.reset();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitForPart(el, '[part=error-summary]');
    },
  });

  const EasyReadLastQuestion: Story = described('Easy read, answers filled in and "Continue" pressed to the last question: its question is the screen\'s heading.', {
    args: { 'easy-read': true } as Partial<A>,
    play: async ({ canvasElement }) => {
      const el = await filled(canvasElement);
      const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
      for (let i = 0; i < 20 && button().textContent!.trim() === 'Continue'; i++) {
        button().click();
        await el.updateComplete;
      }
      await expect(button().textContent!.trim()).not.toBe('Continue');
      await expect(el.shadowRoot!.querySelectorAll('.question')).toHaveLength(1);
    },
  });

  return {
    Empty, Filled, ValidationErrors, ServerValidationErrors, Submitting, ServiceUnavailableThenRetry, ConnectionLost,
    RateLimited, RateLimitedGaveUp, OfflineQueued, Success, ConfigError, EasyRead, EasyReadSwitchedByReader, EasyReadSwitchHidden, EasyReadWithError, EasyReadLastQuestion,
  };
}
