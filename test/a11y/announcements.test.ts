/**
 * Issue 21, "heard once": what a screen reader gets, read from Chromium's accessibility tree through
 * the DevTools protocol (test/a11y/ax-tree-plugin.mjs). Chromium only: in other engines these skip.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { engine } from '../engine.js';
import { mockControl, resetMock, waitUntil } from '../helpers.js';
import { $, clearSession, input, pressMain, signupFixture, type, validAnswers } from '../signup/signup-fixture.js';

interface AxNode {
  id: string;
  parent?: string;
  role: string;
  name: string;
  description: string;
  focused: boolean;
  live?: string;
  children: string[];
}

class Tree {
  readonly byId: Map<string, AxNode>;
  constructor(readonly nodes: AxNode[]) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
  }
  ancestors(node: AxNode): AxNode[] {
    const out: AxNode[] = [];
    for (let p = node.parent && this.byId.get(node.parent); p; p = p.parent ? this.byId.get(p.parent) : undefined) out.push(p);
    return out;
  }
  /** Inside a live region (polite or assertive): its text is announced when it changes. */
  inLiveRegion(node: AxNode): boolean {
    return [node, ...this.ancestors(node)].some((n) => n.live === 'polite' || n.live === 'assertive' || n.role === 'alert' || n.role === 'status');
  }
  /** The focused element (the document reports focus too: not that). */
  focused(): AxNode | undefined {
    return this.nodes.find((n) => n.focused && n.role !== 'RootWebArea');
  }
  /** Text nodes a screen reader would read, with this text. */
  texts(text: string): AxNode[] {
    return this.nodes.filter((n) => n.role === 'StaticText' && n.name.includes(text));
  }
}

/** The accessibility tree now, or skips the test outside Chromium. */
async function axTree(ctx: Mocha.Context): Promise<Tree> {
  // Firefox is driven through puppeteer too, but has no Accessibility domain.
  if (engine !== 'chromium') ctx.skip();
  const nodes = await executeServerCommand<AxNode[] | null, undefined>('ax-tree');
  if (!nodes) ctx.skip();
  return new Tree(nodes!);
}

describe('announcements, heard once', () => {
  beforeEach(async () => {
    clearSession();
    await resetMock();
  });

  it('the error summary after a client-side submit: focused, named "There is a problem", described by its errors, in no live region [chromium-only: CDP accessibility tree]', async function () {
    const el = await signupFixture();
    await pressMain(el, 'Sign up');
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part=error-summary]'), 'summary focused');
    const tree = await axTree(this);
    const summary = tree.focused()!;
    expect(summary.role, 'a role that may have a name').to.equal('group');
    expect(summary.name).to.equal('There is a problem');
    expect(summary.description).to.include('Enter your full name');
    // Spoken once, by the focus move: not also by a live region (GOV.UK's inner role="alert" made it twice).
    expect(tree.inLiveRegion(summary), 'the summary is in a live region').to.equal(false);
    expect(tree.nodes.filter((n) => n.role === 'alert'), 'an alert').to.deep.equal([]);
  });

  it('an easy-read question: heard once, as the heading, with a pause after "Question 2 of 11" [chromium-only: CDP accessibility tree]', async function () {
    const el = await signupFixture();
    el.easyRead = true;
    el.prefill({ name: 'Jo' });
    await el.updateComplete;
    await pressMain(el, 'Continue');
    const tree = await axTree(this);
    const heading = tree.focused()!;
    expect(heading.role).to.equal('heading');
    // The colon is the pause (Chromium puts a space before it, from the hidden span: not heard).
    expect(heading.name).to.match(/^Question 2 of 11 ?: Who are you\?$/);
    // The checkboxes' group is named by the question alone, and the heading is not inside it (no legend+heading double).
    const group = tree.nodes.find((n) => n.role === 'group' && n.name === 'Who are you?')!;
    expect(group, 'the fieldset named by the question').to.exist;
    expect(tree.ancestors(heading)).to.not.include(group);
    expect(tree.nodes.filter((n) => n.role !== 'StaticText' && n.role !== 'InlineTextBox' && n.name.includes('Question 2 of 11')).map((n) => n.role)).to.deep.equal(['heading']);
  });

  it('"Sending…" is heard once: from the status region; the focused button keeps its name [chromium-only: CDP accessibility tree]', async function () {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await el.updateComplete;
    await mockControl({ faults: [{ delayMs: 1500 }] });
    input(el, 'name').focus();
    const sending = pressMain(el, 'Sign up');
    await waitUntil(() => $(el, '.status')!.textContent!.includes('Sending'), 'sending');
    const tree = await axTree(this);
    const button = tree.focused()!;
    expect(button.role).to.equal('button');
    expect(button.name).to.equal('Sign up');
    const heard = tree.texts('Sending…');
    expect(heard, '"Sending…" in the tree').to.have.length(1);
    expect(tree.inLiveRegion(heard[0]!), 'from the status region').to.equal(true);
    // A sighted person sees "Sending…" on the button too (hidden from the tree, so not heard twice).
    expect($(el, 'button[type=submit]')!.textContent).to.include('Sending…');
    await sending;
  });

  it('the email suggestion is announced when it appears (the status region is there first), without reading the address twice [chromium-only: CDP accessibility tree]', async function () {
    const el = await signupFixture();
    el.prefill({ preferred: 'email' });
    await el.updateComplete;
    let tree = await axTree(this);
    const region = (t: Tree) => t.nodes.filter((n) => n.role === 'status' && t.ancestors(n).every((a) => a.role !== 'status'));
    const before = region(tree).length;
    await type(el, 'email', 'asha@gmial.com'); // input + change: the suggestion now
    await waitUntil(() => $(el, '.suggestion')!.textContent!.includes('Did you mean'), 'suggestion');
    tree = await axTree(this);
    expect(region(tree).length, 'the same status regions: none was inserted with its text').to.equal(before);
    const said = tree.texts('Did you mean');
    expect(said.map((n) => n.name)).to.deep.equal(['Did you mean asha@gmail.com?']);
    expect(tree.inLiveRegion(said[0]!)).to.equal(true);
    // The "Use …" button is not part of the announcement, so the address is read once.
    const use = tree.nodes.find((n) => n.role === 'button' && n.name === 'Use asha@gmail.com')!;
    expect(use).to.exist;
    expect(tree.inLiveRegion(use)).to.equal(false);
  });
});
