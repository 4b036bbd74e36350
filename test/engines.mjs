// The three browser engines the browser suite runs in, all from Debian packages (never a downloaded
// browser), and the harness commands that make one keyboard work the same in each:
//
//   chromium   /usr/bin/chromium through puppeteer (CDP)
//   firefox    /usr/bin/firefox-esr through puppeteer (WebDriver BiDi; no geckodriver)
//   webkit     WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic), on an Xvfb display
//              with matchbox-window-manager (without a window manager the page never has focus and
//              :focus-visible never matches). The display, window manager and driver are started
//              with the run and stopped with it (also on SIGINT / SIGTERM / SIGHUP).
//
// One engine per web-test-runner run: `--engine firefox` (or WTR_ENGINE=firefox); Chromium if unset.
// scripts/test-browser.mjs and scripts/test-all.mjs run the engines one after another.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { sendKeysPlugin } from '@web/test-runner-commands/plugins';
import * as puppeteer from 'puppeteer-core';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** `--engine X` / `--engine=X` on the command line, else WTR_ENGINE, else chromium. */
export function selectedEngine(argv = process.argv, env = process.env) {
  let name = env.WTR_ENGINE || 'chromium';
  argv.forEach((arg, i) => {
    if (arg === '--engine') name = argv[i + 1] ?? name;
    else if (arg.startsWith('--engine=')) name = arg.slice('--engine='.length);
  });
  if (!ENGINES.includes(name)) throw new Error(`Unknown engine "${name}": use one of ${ENGINES.join(', ')}`);
  return name;
}

const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function chromium() {
  return chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    },
  });
}

function firefox() {
  return chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: {
        // Firefox silently resends a request whose connection closed without an answer (up to 10
        // times), so a test's one dropped connection would never reach the widget. One attempt: the
        // widget's own retries are what the tests are about.
        'network.http.request.max-attempts': 1,
      },
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// WebKit: Xvfb + matchbox-window-manager + WebKitWebDriver, owned by this process.

const children = new Set();

function startChild(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.stderrText = () => stderr;
  return child;
}

function stopChildren() {
  // Driver first (it closes MiniBrowser), then the window manager, then the display.
  for (const child of [...children].reverse()) {
    try {
      child.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

let cleanupInstalled = false;
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', stopChildren);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      stopChildren();
      // Let web-test-runner's own handlers run first, then leave (a SIGTERM listener replaces the
      // default exit).
      setTimeout(() => process.exit(code), 200).unref();
    });
  }
}

/**
 * A free display number, chosen by Xvfb itself (-displayfd), so parallel runs never collide. The
 * window manager gives MiniBrowser the whole screen; its toolbar takes 38 px, so an 800 × 638 screen
 * is the 800 × 600 page the other engines have.
 */
function startDisplay() {
  return new Promise((resolve, reject) => {
    const xvfb = startChild('Xvfb', ['-displayfd', '3', '-screen', '0', '800x638x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 20 s: ${xvfb.stderrText()}`)), 20_000);
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (!text.includes('\n')) return;
      clearTimeout(timer);
      resolve(`:${text.trim()}`);
    });
    xvfb.on('error', (error) => reject(new Error(`Xvfb: ${error.message} (apt-get install xvfb)`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${xvfb.stderrText()}`)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}: ${child.stderrText()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} in 20 s`);
}

/** The webdriver launcher, with its display, window manager and driver started on first use. */
class WebKitLauncher {
  constructor() {
    this.type = 'webdriver';
    this.name = 'WebKit';
    this.options = {
      hostname: '127.0.0.1',
      port: 0,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    };
    this.inner = undefined;
  }

  async initialize(config, testFiles) {
    installCleanup();
    const display = await startDisplay();
    const env = { ...process.env, DISPLAY: display };
    delete env.WAYLAND_DISPLAY;
    const wm = startChild('matchbox-window-manager', ['-use_titlebar', 'no'], { env });
    wm.on('error', (error) => console.error(`matchbox-window-manager: ${error.message} (apt-get install matchbox-window-manager)`));
    const port = await freePort();
    const driver = startChild('WebKitWebDriver', [`--port=${port}`], { env });
    driver.on('error', (error) => console.error(`WebKitWebDriver: ${error.message} (apt-get install webkit2gtk-driver)`));
    await waitForDriver(port, driver);
    this.options.port = port;
    this.inner = webdriverLauncher(this.options);
    await this.inner.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    try {
      await this.inner?.stop();
    } finally {
      stopChildren();
    }
  }

  startSession(id, url) {
    return this.inner.startSession(id, url);
  }
  isActive(id) {
    return this.inner?.isActive(id) ?? false;
  }
  getBrowserUrl(id) {
    return this.inner.getBrowserUrl(id);
  }
  stopSession(id) {
    return this.inner.stopSession(id);
  }
  startDebugSession(id, url) {
    return this.inner.startDebugSession(id, url);
  }
  sendMouseMove(id, x, y) {
    return this.inner.sendMouseMove(id, x, y);
  }
  sendMouseClick(id, x, y, button) {
    return this.inner.sendMouseClick(id, x, y, button);
  }
  sendMouseDown(id, button) {
    return this.inner.sendMouseDown(id, button);
  }
  sendMouseUp(id, button) {
    return this.inner.sendMouseUp(id, button);
  }
  resetMouse(id) {
    return this.inner.resetMouse(id);
  }
  sendKeys(id, keys) {
    return this.inner.sendKeys(id, keys);
  }
  takeScreenshot(id, locator) {
    return this.inner.takeScreenshot(id, locator);
  }
  /** WebDriver classic actions, for the harness keyboard below. */
  performActions(id, actions) {
    return this.inner.driverManager.performActions(id, actions);
  }
}

function webkit() {
  return new WebKitLauncher();
}

export function launcherFor(engine) {
  return { chromium, firefox, webkit }[engine]();
}

// ---------------------------------------------------------------------------------------------------
// The harness keyboard: `sendKeys` from test/keys.ts, the same in every engine.

/** WebDriver's code points for the named keys the tests press. */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
  Escape: '\uE00C', Space: ' ', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017',
};

function webdriverKey(name) {
  if (name.length === 1) return name;
  const key = WEBDRIVER_KEYS[name];
  if (!key) throw new Error(`The harness keyboard has no WebDriver code for "${name}"`);
  return key;
}

/**
 * One key source ('keyboard') for the whole session: WebDriver keeps its state between calls, so a
 * Shift held by `{ down: 'Shift' }` applies to the next press. Each character goes down and up before
 * the next (webdriverio's keys() presses them all down first, which drops repeated letters).
 */
async function webdriverSendKeys(browser, id, payload) {
  let actions;
  if ('type' in payload) actions = [...payload.type].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]);
  else if ('press' in payload) actions = [{ type: 'keyDown', value: webdriverKey(payload.press) }, { type: 'keyUp', value: webdriverKey(payload.press) }];
  else if ('down' in payload) actions = [{ type: 'keyDown', value: webdriverKey(payload.down) }];
  else if ('up' in payload) actions = [{ type: 'keyUp', value: webdriverKey(payload.up) }];
  else throw new Error('sendKeys needs one of type, press, down or up');
  await browser.performActions(id, [{ type: 'key', id: 'keyboard', actions }]);
}

/**
 * Firefox moves focus into its own toolbar when Tab leaves the last control of the page, and keys
 * pressed then never reach the page. A headless Chromium has no toolbar: its focus leaves the page
 * too (document.hasFocus() is false), but the next Tab comes back to the page's first control. So
 * before each key, if the page has lost focus, give it back (opening and closing a tab, then bringing
 * this one to the front): the key then does what it does in Chromium.
 */
async function firefoxFocusPage(page) {
  const inPage = await page.evaluate(() => document.hasFocus()).catch(() => true);
  if (inPage) return;
  const other = await page.browser().newPage();
  await other.close();
  await page.bringToFront();
}

/**
 * `engine-send-keys`: @web/test-runner-commands' sendKeys payloads (type / press / down / up) for
 * every engine. `engine-name`: which engine this run is.
 */
export function engineCommandsPlugin(engine) {
  const stock = sendKeysPlugin();
  return {
    name: 'engine-commands',
    /**
     * One request per connection. A browser silently resends a request when a connection it reused
     * closes without an answer (Chromium once, WebKit's libsoup too), so a test's dropped connection
     * would reach the widget as a success; on a fresh connection all three report the failure.
     * (Firefox's own resends of any dropped request are turned off by a pref in its launcher.)
     */
    serverStart({ server }) {
      server?.on('request', (_request, response) => {
        response.shouldKeepAlive = false;
      });
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'engine-name') return engine;
      if (command !== 'engine-send-keys') return undefined;
      if (session.browser.type === 'webdriver') {
        await webdriverSendKeys(session.browser, session.id, payload);
        return true;
      }
      // Puppeteer's WebDriver BiDi keyboard (Firefox) does not know "Space"; the character works everywhere.
      const fixed = 'press' in payload && payload.press === 'Space' ? { press: ' ' } : payload;
      if (engine === 'firefox') await firefoxFocusPage(session.browser.getPage(session.id));
      return stock.executeCommand({ command: 'send-keys', payload: fixed, session });
    },
  };
}
