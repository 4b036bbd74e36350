import type { Meta } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withActions } from 'storybook/actions/decorator';
import '../src/involve-signup.js';
import { invalidSignup, serverValidationProblem, validSignup } from './fixtures.js';
import { formStates } from './form-states.js';
import { commonArgs, commonArgTypes, contractEvents, type CommonArgs } from './widget.js';

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
