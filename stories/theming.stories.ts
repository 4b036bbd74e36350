import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/involve-signup.js';
import { API } from './msw.js';

/** The custom properties of contract §4, as controls. */
interface ThemeArgs {
  '--involve-font-family': string;
  '--involve-text-colour': string;
  '--involve-accent-colour': string;
  '--involve-accent-text-colour': string;
  '--involve-error-colour': string;
  '--involve-focus-colour': string;
  '--involve-border-radius': string;
  '--involve-space': string;
  '--involve-max-width': string;
}

const partnerTheme: ThemeArgs = {
  '--involve-font-family': 'Georgia, "Times New Roman", serif',
  '--involve-text-colour': '#1d1d3b',
  '--involve-accent-colour': '#5b2a86',
  '--involve-accent-text-colour': '#ffffff',
  '--involve-error-colour': '#b00020',
  '--involve-focus-colour': '#ffdd00',
  '--involve-border-radius': '12px',
  '--involve-space': '1.1rem',
  '--involve-max-width': '36rem',
};

// The partner's own stylesheet. Styles reach the widget only through the custom properties (inherited
// into the shadow root) and the ::part() names it exposes; nothing else leaks in either direction.
const partnerStyles = html`<style>
  .partner-page { font-family: system-ui, sans-serif; color: #1d1d3b; background: #f7f3fb; padding: 0 0 2rem; }
  .partner-page header { background: #5b2a86; color: #fff; padding: 1rem 1.5rem; }
  .partner-page header p { margin: 0; font-size: 1.5rem; font-weight: 700; }
  .partner-page nav a { color: #fff; margin-right: 1rem; }
  .partner-page main { display: grid; grid-template-columns: minmax(0, 1fr) 16rem; gap: 2rem; padding: 1.5rem; }
  .partner-page aside { background: #fff; border-left: 6px solid #5b2a86; padding: 1rem; align-self: start; }
  .partner-page involve-signup::part(form) { background: #fff; padding: 1.5rem; border-radius: 12px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.12); }
  .partner-page involve-signup::part(label) { font-weight: 700; }
  .partner-page involve-signup::part(hint) { color: #4a4a68; }
  .partner-page involve-signup::part(input) { border-color: #5b2a86; }
  .partner-page involve-signup::part(button) { text-transform: uppercase; letter-spacing: 0.04em; }
  .partner-page involve-signup::part(error-summary) { border-radius: 12px; }
  .partner-page involve-signup::part(success) { border-radius: 12px; }
</style>`;

const meta: Meta<ThemeArgs> = {
  title: 'Theming',
  args: partnerTheme,
  argTypes: Object.fromEntries(
    Object.keys(partnerTheme).map((name) => [name, { control: /colour$/.test(name) ? 'color' : 'text', description: `Sets \`${name}\` on the element.` }]),
  ),
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'A partner charity\'s page (Coventry Carers\' Network) restyling the sign-up form with the custom properties of contract §4 (the controls below) and `::part()` rules in its own stylesheet. The widget\'s docs page lists every part and property.',
      },
    },
  },
  render: (args) => html`${partnerStyles}
    <div class="partner-page">
      <header>
        <p>Coventry Carers' Network</p>
        <nav aria-label="Partner site"><a href="#top">Home</a><a href="#top">Support groups</a><a href="#top">Contact</a></nav>
      </header>
      <main>
        <div>
          <h1>Help shape local mental health services</h1>
          <p>Our local NHS Trust wants to hear from carers. Sign up below and they will get in touch.</p>
          <involve-signup endpoint=${API} partner="coventry-carers" style=${styleMap(args as unknown as Record<string, string>)}></involve-signup>
        </div>
        <aside>
          <h2>Why take part?</h2>
          <p>Carers who joined last year helped redesign the crisis line's call-back service.</p>
        </aside>
      </main>
    </div>`,
};
export default meta;

type Story = StoryObj<ThemeArgs>;

/** The partner's purple theme, serif type and rounded corners. */
export const PartnerPage: Story = {};

/** The same page with every custom property left at its NHS.UK-like default. */
export const Defaults: Story = {
  render: (_args, context) => meta.render!(Object.fromEntries(Object.keys(partnerTheme).map((k) => [k, ''])) as unknown as ThemeArgs, context),
};

/** The partner theme with the error summary showing, to check the error colour and parts. */
export const PartnerPageWithErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('involve-signup')!;
    await el.updateComplete;
    await el.submit();
  },
};
