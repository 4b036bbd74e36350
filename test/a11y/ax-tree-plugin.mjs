// A web-test-runner command that reads Chromium's accessibility tree through the Chrome DevTools
// Protocol (Accessibility.getFullAXTree): what a screen reader gets, shadow DOM included. Chromium only:
// in another engine the command answers null and the test skips itself (name it
// "… [chromium-only: CDP accessibility tree]").
//   const nodes = await executeServerCommand('ax-tree');   // AxNode[] | null
/** @typedef {{ id: string, parent?: string, role: string, name: string, description: string, focused: boolean, live?: string, children: string[] }} AxNode */

export function axTreePlugin() {
  return {
    name: 'ax-tree',
    /** @returns {Promise<AxNode[] | null | undefined>} */
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      const browser = session.browser;
      if (browser.type !== 'puppeteer' || typeof browser.getPage !== 'function') return null;
      const page = browser.getPage(session.id);
      const cdp = await page.target().createCDPSession();
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => {
            const props = Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value?.value]));
            return {
              id: n.nodeId,
              parent: n.parentId,
              role: n.role?.value ?? '',
              name: n.name?.value ?? '',
              description: n.description?.value ?? '',
              focused: props.focused === true,
              live: props.live,
              children: n.childIds ?? [],
            };
          });
      } finally {
        await cdp.detach();
      }
    },
  };
}
