import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import '../src/involve-feedback.js';
import { feedbackServerProblem, invalidFeedback, validFeedback, validFeedbackWithReply } from './fixtures.js';
import { formStates } from './form-states.js';
import { commonArgs, commonArgTypes, contractEvents, widget, type CommonArgs } from './widget.js';

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
export const RateLimited = states.RateLimited;
export const OfflineQueued = states.OfflineQueued;
export const Success = states.Success;
export const ConfigError = states.ConfigError;
export const EasyRead = states.EasyRead;
export const EasyReadWithError = states.EasyReadWithError;

/** Not anonymous, and asking for a reply: name and contact questions are shown and required. */
export const WantsReply: StoryObj<CommonArgs> = {
  play: async ({ canvasElement }) => {
    const el = await widget<HTMLElement & { updateComplete: Promise<boolean>; prefill(v: Record<string, unknown>): void }>(canvasElement, 'involve-feedback');
    el.prefill(validFeedbackWithReply);
    await el.updateComplete;
  },
};
