import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/involve-signup.js';
import '../src/involve-meetings.js';
import { makeMeetings } from '../test/fixtures/meetings.js';
import { API } from './msw.js';

/**
 * Issue 18: the widgets on partner pages as they really are — a dark theme, a right-to-left page —
 * and the messages a webmaster's mistakes produce (an endpoint address that is not the API, a site not
 * on the Trust's allow-list). README "Styling" and "Troubleshooting" explain each.
 */
const meta: Meta = {
  title: 'Partner pages',
  // Their own page styles and deliberate console errors: stories only, no shared docs page.
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

const darkPage = html`<style>
  .dark-page { background: #111; color: #eee; color-scheme: dark; padding: 1.5rem; font-family: system-ui, sans-serif; }
  .dark-page a { color: #9cf; }
</style>`;

/** `theme="dark"` on a dark site: the dark palette, every state AA (errors shown here). */
export const DarkPalette: Story = {
  render: () => html`${darkPage}<div class="dark-page">
    <h1>Carers' Network</h1>
    <involve-signup theme="dark" endpoint=${API} partner="carers-network"></involve-signup>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('involve-signup')!;
    await el.updateComplete;
    el.prefill({ relationship: ['carer'], preferred: 'email' });
    await el.submit();
  },
};

/** The same dark site without `theme`: the widget paints its own light surface, so it stays readable. */
export const DarkSiteLightWidget: Story = {
  render: () => html`${darkPage}<div class="dark-page">
    <h1>Carers' Network</h1>
    <involve-signup endpoint=${API} partner="carers-network" style="--involve-padding: 1em"></involve-signup>
  </div>`,
};

/** The meetings list with `theme="dark"`: cards stay white on the dark surface. */
export const DarkPaletteMeetings: Story = {
  parameters: { endpoint: { meetings: makeMeetings(3) } },
  render: () => html`${darkPage}<div class="dark-page"><involve-meetings theme="dark" endpoint=${API}></involve-meetings></div>`,
};

const rtlPage = html`<style>
  .rtl-page { font-family: system-ui, sans-serif; padding: 1.5rem; }
</style>`;

/** An Arabic page (`dir="rtl" lang="ar"`): the English widget still reads left to right, with no sideways scroll. */
export const RightToLeftPage: Story = {
  render: () => html`${rtlPage}<div class="rtl-page" dir="rtl" lang="ar">
    <h1>شبكة مقدمي الرعاية</h1>
    <p>يمكنكم التسجيل أدناه (باللغة الإنجليزية).</p>
    <involve-signup endpoint=${API} partner="carers-network"></involve-signup>
  </div>`,
};

/** A widget whose `locale` is right-to-left mirrors: boxes, stripes and the error summary on the right (words would come from `strings`). */
export const RightToLeftLocale: Story = {
  render: () => html`${rtlPage}<div class="rtl-page" dir="rtl" lang="ar">
    <involve-signup locale="ar" endpoint=${API} partner="carers-network"></involve-signup>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('involve-signup')!;
    await el.updateComplete;
    await el.submit();
  },
};

const waitForConfig = async (canvasElement: HTMLElement) => {
  const el = canvasElement.querySelector('involve-signup')!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('[part=config-error]'); i++) await new Promise((r) => setTimeout(r, 25));
};

/**
 * `endpoint` points at an address where no Involve API answers (`GET …/probe` is a 404): the visitor
 * is told not to fill the form in; the console says `endpoint-not-found: no Involve API at …`.
 */
export const EndpointNotFound: Story = {
  parameters: { expectedConsoleErrors: [/^<involve-signup>: endpoint-not-found: /] },
  render: () => html`<involve-signup endpoint=${`${API}/wrong-path`} partner="carers-network"></involve-signup>`,
  play: async ({ canvasElement }) => waitForConfig(canvasElement),
};

/**
 * The Trust's API answers, but this site is not on its allow-list (`GET /probe` says
 * `originAllowed: false`): the console says `origin-not-allowed: https://… is not on the allow-list of …`.
 */
export const NotOnAllowList: Story = {
  parameters: {
    endpoint: { faults: [{ method: 'GET', path: '/refused/probe', status: 200, body: { api: 'involve', origin: 'https://partner.example', originAllowed: false } }] },
    expectedConsoleErrors: [/^<involve-signup>: origin-not-allowed: /],
  },
  render: () => html`<involve-signup endpoint=${`${API}/refused`} partner="carers-network"></involve-signup>`,
  play: async ({ canvasElement }) => waitForConfig(canvasElement),
};
