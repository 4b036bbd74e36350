import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import '../src/involve-signup.js';
import { invalidSignup, serverValidationProblem, validSignup } from './fixtures.js';
import { formStates } from './form-states.js';
import { commonArgs, commonArgTypes, contractEvents, widget, type CommonArgs } from './widget.js';

const meta: Meta<CommonArgs> = {
  title: 'Widgets/Sign-up',
  component: 'involve-signup',
  decorators: [withActions],
  parameters: { actions: { handles: contractEvents } },
  args: commonArgs,
  argTypes: commonArgTypes,
  render: (args) => html`<involve-signup
    endpoint=${ifDefined(args.endpoint || undefined)}
    partner=${ifDefined(args.partner || undefined)}
    locale=${ifDefined(args.locale || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
    ?easy-read=${args['easy-read']}
    ?hide-easy-read-switch=${args['hide-easy-read-switch']}
  ></involve-signup>`,
};
export default meta;

const states = formStates<CommonArgs>({ tag: 'involve-signup', valid: validSignup, invalid: invalidSignup, serverProblem: serverValidationProblem });

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

/** "Did you mean …?" after a typo in the email domain: announced by a status region that was already there; "Use …" is outside it. */
export const EmailSuggestion: StoryObj<CommonArgs> = {
  play: async ({ canvasElement }) => {
    const el = await widget<HTMLElement & { updateComplete: Promise<boolean>; prefill(v: Record<string, unknown>): void }>(canvasElement, 'involve-signup');
    el.prefill({ preferred: 'email' });
    await el.updateComplete;
    const email = el.shadowRoot!.querySelector<HTMLInputElement>('#f-email')!;
    email.value = 'asha@gmial.com';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    email.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await waitFor(() => expect(el.shadowRoot!.querySelector('#f-email-suggestion')!.textContent).toContain('Did you mean asha@gmail.com?'));
  },
};
