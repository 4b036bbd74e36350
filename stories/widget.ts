/** Small helpers the widget stories share: the common attributes as controls, and reaching a widget. */
import type { ArgTypes } from '@storybook/web-components';
import { waitFor } from 'storybook/test';
import { API } from './msw.js';

/** Args named after the common attributes of contract §2, so controls set real attributes. */
export interface CommonArgs {
  endpoint?: string;
  partner?: string;
  locale?: string;
  'easy-read'?: boolean;
  'hide-easy-read-switch'?: boolean;
  'heading-level'?: number;
}

export const commonArgs: CommonArgs = { endpoint: API, partner: 'healthwatch-coventry', locale: 'en-GB', 'easy-read': false, 'hide-easy-read-switch': false, 'heading-level': 2 };

/**
 * The manifest lists each attribute twice (as attribute and as property); the property twin of an
 * attribute would only duplicate its control, so it is hidden from the controls table (its docs stay
 * in the attribute row). `strings`, `workstreams` etc. remain listed as properties.
 */
export const hiddenPropertyTwins: Partial<ArgTypes> = Object.fromEntries(
  ['easyRead', 'hideEasyReadSwitch', 'headingLevel'].map((name) => [name, { table: { disable: true } }]),
);

/** Controls for the common attributes (the property twins hidden). */
export const commonArgTypes: Partial<ArgTypes> = {
  ...hiddenPropertyTwins,
  locale: { control: 'select', options: ['en-GB'] },
  'heading-level': { control: { type: 'number', min: 2, max: 6 } },
};

/** Every event of contract §3: logged in the Actions panel as the widget fires them. */
export const contractEvents = ['involve-submit', 'involve-success', 'involve-error', 'involve-queued', 'involve-meetings-loaded'];

/** The story's widget, once rendered. */
export async function widget<T extends HTMLElement & { updateComplete: Promise<boolean> }>(canvas: HTMLElement, tag: string): Promise<T> {
  const el = await waitFor(() => {
    const found = canvas.querySelector<T>(tag);
    if (!found?.shadowRoot) throw new Error(`<${tag}> has not rendered`);
    return found;
  });
  await el.updateComplete;
  return el;
}

/** Waits until the widget's shadow root has `selector` (a state the story is about). */
export function waitForPart(el: HTMLElement, selector: string, timeout = 10_000): Promise<Element> {
  return waitFor(
    () => {
      const found = el.shadowRoot?.querySelector(selector);
      if (!found) throw new Error(`${el.localName}: ${selector} did not appear`);
      return found;
    },
    { timeout },
  );
}
