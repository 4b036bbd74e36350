import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect } from 'storybook/test';
import '../src/involve-feedback.js';
import { feedbackServerProblem, invalidFeedback, validFeedback, validFeedbackWithReply } from './fixtures.js';
import { formStates } from './form-states.js';
import { commonArgs, commonArgTypes, contractEvents, waitForPart, widget, type CommonArgs } from './widget.js';

const meta: Meta<CommonArgs> = {
  title: 'Widgets/Feedback',
  component: 'involve-feedback',
  decorators: [withActions],
  parameters: { actions: { handles: contractEvents } },
  args: { ...commonArgs, partner: 'grapevine' },
  argTypes: commonArgTypes,
  render: (args) => html`<involve-feedback
    endpoint=${ifDefined(args.endpoint || undefined)}
    partner=${ifDefined(args.partner || undefined)}
    locale=${ifDefined(args.locale || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    ?easy-read=${args['easy-read']}
    ?hide-easy-read-switch=${args['hide-easy-read-switch']}
  ></involve-feedback>`,
};
export default meta;

const states = formStates<CommonArgs>({ tag: 'involve-feedback', valid: validFeedback, invalid: invalidFeedback, serverProblem: feedbackServerProblem });

export const Empty = states.Empty;
export const Filled = states.Filled;
export const ValidationErrors = states.ValidationErrors;
export const ServerValidationErrors = states.ServerValidationErrors;
export const Submitting = states.Submitting;
export const ServiceUnavailableThenRetry = states.ServiceUnavailableThenRetry;
export const ConnectionLost = states.ConnectionLost;
export const RateLimited = states.RateLimited;
export const RateLimitedGaveUp = states.RateLimitedGaveUp;
export const OfflineQueued = states.OfflineQueued;
export const Success = states.Success;
export const ConfigError = states.ConfigError;
export const EasyRead = states.EasyRead;
export const EasyReadSwitchedByReader = states.EasyReadSwitchedByReader;
export const EasyReadSwitchHidden = states.EasyReadSwitchHidden;
export const EasyReadWithError = states.EasyReadWithError;
export const EasyReadLastQuestion = states.EasyReadLastQuestion;

/** Not anonymous, and asking for a reply: name and contact questions are shown and required. */
export const WantsReply: StoryObj<CommonArgs> = {
  play: async ({ canvasElement }) => {
    const el = await widget<HTMLElement & { updateComplete: Promise<boolean>; prefill(v: Record<string, unknown>): void }>(canvasElement, 'involve-feedback');
    el.prefill(validFeedbackWithReply);
    await el.updateComplete;
  },
};

/** Anonymous: the reply question and any name or contact typed before are gone, and never sent. */
export const Anonymous: StoryObj<CommonArgs> = {
  play: async ({ canvasElement }) => {
    const el = await widget<HTMLElement & { updateComplete: Promise<boolean>; prefill(v: Record<string, unknown>): void }>(canvasElement, 'involve-feedback');
    el.prefill({ ...validFeedbackWithReply, anonymous: true });
    await el.updateComplete;
    await expect(el.shadowRoot!.querySelector('#f-name')).toBeNull();
  },
};

/** An answer past the 5,000-character limit: the count says how many too many, and sending is blocked. */
export const AnswerTooLong: StoryObj<CommonArgs> = {
  play: async ({ canvasElement }) => {
    const el = await widget<HTMLElement & { updateComplete: Promise<boolean>; prefill(v: Record<string, unknown>): void; submit(): Promise<unknown> }>(canvasElement, 'involve-feedback');
    el.prefill({ ...validFeedback, whatCouldBeBetter: 'It took six weeks to get the first appointment. '.repeat(105) });
    await expect(await el.submit()).toMatchObject({ ok: false, kind: 'validation' });
    await waitForPart(el, '.count--over');
  },
};

/** Services from `GET {endpoint}/options` replace the built-in list; "Other" is always offered. */
export const ServicesFromEndpoint: StoryObj<CommonArgs> = {
  parameters: { endpoint: { options: { services: [{ id: 'rugby-cmht', label: 'Rugby community mental health team' }, { id: 'memory-clinic', label: 'Memory clinic, Leamington' }] } } },
  play: async ({ canvasElement }) => {
    await waitForPart(await widget(canvasElement, 'involve-feedback'), 'input[value=rugby-cmht]');
  },
};

/** A partner in Wales rewords the crisis box through `strings`; empty overrides are ignored, so it can't be blanked. */
export const CrisisBoxReworded: StoryObj<CommonArgs> = {
  render: (args) => html`<involve-feedback endpoint=${ifDefined(args.endpoint || undefined)} partner=${ifDefined(args.partner || undefined)}
    .strings=${{ crisisNhs111: 'call NHS 111 Wales on {number} and press 2 for mental health support', crisisTitle: '' }}></involve-feedback>`,
};

type FeedbackElement = HTMLElement & { updateComplete: Promise<boolean>; prefill(v: Record<string, unknown>): void };

/** Easy read's anonymity question: one plain yes/no, "Do you want us to write back to you?" (question 6). */
export const EasyReadWriteBackQuestion: StoryObj<CommonArgs> = {
  args: { 'easy-read': true },
  play: async ({ canvasElement }) => {
    const el = await widget<FeedbackElement>(canvasElement, 'involve-feedback');
    el.prefill({ ...validFeedback, anonymous: false });
    await el.updateComplete;
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
    for (let i = 0; i < 10 && !el.shadowRoot!.querySelector('input[name=anonymous][type=radio]'); i++) {
      button().click();
      await el.updateComplete;
    }
    await expect(el.shadowRoot!.querySelector('.question')!.textContent).toContain('Do you want us to write back to you?');
  },
};

/**
 * The crisis box on a 320px-wide phone: each way to get help is one link named by its whole sentence
 * ("call Samaritans free on 116 123, 24 hours a day"), at least 44px tall, still reading as sentences.
 */
export const CrisisBoxAt320px: StoryObj<CommonArgs> = {
  decorators: [(story) => html`<div style="width: 320px">${story()}</div>`],
};

/** The same in easy read, with easy-read wording. */
export const CrisisBoxAt320pxEasyRead: StoryObj<CommonArgs> = {
  args: { 'easy-read': true },
  decorators: [(story) => html`<div style="width: 320px">${story()}</div>`],
};
