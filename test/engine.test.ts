/**
 * The harness keyboard (test/engine.ts, test/engines.mjs) does the same in every engine; without it
 * WebKit's WebDriver drops repeated letters and cannot hold Shift, and Firefox loses the page to its
 * toolbar after Tab past the last control, so later keys reach nothing.
 */
import { expect } from '@open-wc/testing';
import { engine, sendKeys } from './engine.js';

function page(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

describe(`the harness keyboard (${engine})`, () => {
  it('types repeated letters, capitals and punctuation as given', async () => {
    const div = page('<input id="t">');
    try {
      const input = div.querySelector('input')!;
      input.focus();
      await sendKeys({ type: 'Anna Hall, 2000 Ballooned Ave. 22 ee' });
      expect(input.value).to.equal('Anna Hall, 2000 Ballooned Ave. 22 ee');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      expect(input.value).to.equal('Anna Hall, 2000 Ballooned Ave. 22 ');
    } finally {
      div.remove();
    }
  });

  it('holds Shift for Shift+Tab, and Space and Enter activate controls', async () => {
    const div = page('<button id="a">A</button><input id="b" type="checkbox"><button id="c">C</button>');
    try {
      let pressed = '';
      div.addEventListener('click', (e) => (pressed += (e.target as HTMLElement).id));
      div.querySelector<HTMLElement>('#c')!.focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(document.activeElement?.id).to.equal('b');
      await sendKeys({ press: 'Space' });
      expect(div.querySelector<HTMLInputElement>('#b')!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement?.id).to.equal('c');
      await sendKeys({ press: 'Enter' });
      expect(pressed).to.equal('bc');
    } finally {
      div.remove();
    }
  });

  it('after Tab past the last control, keys reach the page again (Firefox: not its toolbar)', async () => {
    const div = page('<button id="first">First</button><button id="last">Last</button>');
    try {
      let pressed = '';
      div.addEventListener('click', (e) => (pressed += (e.target as HTMLElement).id));
      div.querySelector<HTMLElement>('#last')!.focus();
      const seen: string[] = [];
      for (let i = 0; i < 3 && document.activeElement?.id !== 'first'; i++) {
        await sendKeys({ press: 'Tab' });
        seen.push(document.activeElement?.id ?? '');
      }
      expect(document.activeElement?.id, `focus after each Tab: ${seen.join(', ')}`).to.equal('first');
      await sendKeys({ press: 'Enter' });
      expect(pressed).to.equal('first');
    } finally {
      div.remove();
    }
  });
});
