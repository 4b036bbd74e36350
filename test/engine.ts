/**
 * Which engine this test page runs in, a keyboard that behaves the same in all three, and the one
 * way to mark a test that can only run in Chromium (test/engines.mjs has the launchers).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

const ua = navigator.userAgent;
export const engine: Engine = /Firefox\//.test(ua) ? 'firefox' : /AppleWebKit\//.test(ua) && !/Chrom(e|ium)\//.test(ua) ? 'webkit' : 'chromium';

type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/**
 * @web/test-runner-commands' `sendKeys`, through the harness (test/engines.mjs): on WebKit's
 * WebDriver each character goes down and up before the next (no dropped repeats) and Shift can be
 * held; on Firefox, "Space" works, and after Tab past the last control (into Firefox's toolbar) the
 * next key reaches the page again, as in a headless Chromium.
 */
export const sendKeys = (payload: SendKeysPayload): Promise<void> => executeServerCommand('engine-send-keys', payload);

/**
 * A test that needs an API only Chromium has: named with the reason (`… [chromium-only: reason]`) in
 * every engine, and skipped — counted as skipped in the summary — in the others.
 */
export function itChromiumOnly(reason: string, title: string, fn: Mocha.AsyncFunc): Mocha.Test {
  const name = `${title} [chromium-only: ${reason}]`;
  return engine === 'chromium' ? it(name, fn) : it.skip(name, fn);
}
