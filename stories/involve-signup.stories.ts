import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import '../src/involve-signup.js';
import type { InvolveSignup } from '../src/components/involve-signup/involve-signup.js';
import { invalidSignup, serverValidationProblem, validSignup } from './fixtures.js';
import { commonArgs, contractEvents, hiddenPropertyTwins, waitForPart, widget, type CommonArgs } from './widget.js';

const signup = (canvas: HTMLElement) => widget<InvolveSignup>(canvas, 'involve-signup');

/** Retries in seconds, not the contract's real backoff, so the catalogue reaches each state quickly. */
const QUICK_RETRIES = { baseDelayMs: 200, maxDelayMs: 400 };

const meta: Meta<CommonArgs> = {
  title: 'Widgets/Sign-up',
  component: 'involve-signup',
  decorators: [withActions],
  parameters: { actions: { handles: contractEvents } },
  args: commonArgs,
  argTypes: {
    ...hiddenPropertyTwins,
    locale: { control: 'select', options: ['en-GB'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args) => html`<involve-signup
    endpoint=${ifDefined(args.endpoint || undefined)}
    partner=${ifDefined(args.partner || undefined)}
    locale=${ifDefined(args.locale || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    ?easy-read=${args['easy-read']}
  ></involve-signup>`,
};
export default meta;

type Story = StoryObj<CommonArgs>;

/** As a visitor first sees it. */
export const Empty: Story = {};

/** Answers filled in through `prefill()`, as a partner page that already knows the person might. */
export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    el.prefill(validSignup);
    await el.updateComplete;
    await expect(el.values.name).toBe(validSignup.name);
  },
};

/** Sent with answers missing or wrong: the GOV.UK error summary (focused) and a message on each field. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    el.prefill(invalidSignup);
    const result = await el.submit();
    await expect(result).toMatchObject({ ok: false, kind: 'validation' });
    await waitForPart(el, '[part=error-summary]');
  },
};

/** The client accepted the answers but the server did not (422 problem details with JSON Pointers). */
export const ServerValidationErrors: Story = {
  parameters: {
    endpoint: { faults: [{ status: 422, body: serverValidationProblem, headers: { 'content-type': 'application/problem+json' } }] },
  },
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    el.prefill(validSignup);
    const result = await el.submit();
    await expect(result).toMatchObject({ ok: false, kind: 'validation', status: 422 });
    await waitForPart(el, '[part=error-summary]');
  },
};

/** While sending (the mock endpoint holds the answer for 100 s): the button says "Sending…". */
export const Submitting: Story = {
  parameters: { endpoint: { faults: [{ delayMs: 100_000 }] } },
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    el.retryPolicy = { timeoutMs: 10 * 60_000 };
    el.prefill(validSignup);
    void el.submit();
    await waitForPart(el, 'form[aria-busy=true]');
  },
};

/**
 * The endpoint answers 503 three times: the widget retries with backoff (same Idempotency-Key), then
 * keeps the answers and offers "Try again". The mock has no more faults, so Try again succeeds.
 */
export const ServiceUnavailableThenRetry: Story = {
  parameters: { endpoint: { faults: [{ status: 503 }, { status: 503 }, { status: 503 }] } },
  play: async ({ canvasElement, loaded }) => {
    const el = await signup(canvasElement);
    el.retryPolicy = QUICK_RETRIES;
    el.prefill(validSignup);
    const result = await el.submit();
    await expect(result).toMatchObject({ ok: false, kind: 'server', status: 503 });
    await waitForPart(el, '[data-focus=failed]');
    const keys = new Set(loaded.endpoint.requests.map((r: { key: string | null }) => r.key));
    await expect(keys.size).toBe(1);
  },
};

/** 429 with `Retry-After: 30`: the widget says it will try again in 30 seconds, then does. */
export const RateLimited: Story = {
  parameters: { endpoint: { faults: [{ status: 429, headers: { 'Retry-After': '30' } }] } },
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    el.prefill(validSignup);
    void el.submit();
    await waitFor(() => expect(el.shadowRoot!.querySelector('[role=status]')?.textContent).toContain('30 seconds'));
  },
};

/** `navigator.onLine` is false: the answers wait in this tab's outbox (`involve-queued`) until back online. */
export const OfflineQueued: Story = {
  parameters: { offline: true },
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    el.prefill(validSignup);
    const result = await el.submit();
    await expect(result).toMatchObject({ ok: false, kind: 'queued' });
    await waitForPart(el, '[data-focus=queued]');
  },
};

/** The endpoint stored the sign-up (201): the confirmation panel. */
export const Success: Story = {
  play: async ({ canvasElement, loaded }) => {
    const el = await signup(canvasElement);
    el.prefill(validSignup);
    const result = await el.submit();
    await expect(result).toMatchObject({ ok: true });
    await waitForPart(el, '[part=success]');
    await expect(loaded.endpoint.records).toHaveLength(1);
  },
};

/** No `endpoint`: a clear message for the webmaster (and a console.error), never a broken form. */
export const ConfigError: Story = {
  args: { endpoint: '' },
  parameters: { expectedConsoleErrors: [/^<involve-signup>: /] },
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    await waitForPart(el, '[part=config-error]');
  },
};

/** `easy-read`: plain words, larger targets, one question per screen. */
export const EasyRead: Story = {
  args: { 'easy-read': true },
};

/** Easy read, after "Next" on an unanswered first question. */
export const EasyReadWithError: Story = {
  args: { 'easy-read': true },
  play: async ({ canvasElement }) => {
    const el = await signup(canvasElement);
    const next = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
    next.click();
    await waitForPart(el, '[part=error-summary]');
  },
};
