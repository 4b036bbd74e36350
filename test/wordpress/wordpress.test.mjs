// The WordPress plugin on a real WordPress (Debian's package) with a real MariaDB, in Debian's
// Chromium: install the zip `npm run build` made, activate it, the Administrator saves the settings
// page, an Author (no unfiltered_html; DISALLOW_UNFILTERED_HTML is on) publishes posts with the
// shortcodes and with a block, and a visitor's sign-up reaches the real endpoint credited to the
// partner. Also shows why the plugin is needed: the same Author's pasted <script> snippet is stripped.
// Needs `npm run build` first. Alone: npm run test:wordpress
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT, startRealEndpoint } from '../e2e/real-endpoint.ts';
import { shortcode } from '../../embed/snippet.ts';
import { startWordPress } from './wordpress.ts';

// The shortcode exactly as the embed builder's "Copy the shortcode" gives it.
const BUILDER_SHORTCODE = shortcode({ widget: 'signup', endpoint: '', partner: '', easyRead: false, headingLevel: 3, accentColour: '#007f3b' });

const PARTNER = 'healthwatch-coventry';
let endpoint;
let wp;
let browser;
let context;
const posts = {};
const pageErrors = [];

before(async () => {
  const zip = join(ROOT, 'dist/involve-widgets-wordpress.zip');
  assert.ok(existsSync(zip), 'dist/involve-widgets-wordpress.zip exists (run npm run build first)');
  endpoint = await startRealEndpoint();
  wp = await startWordPress();
  // Install WordPress, the test theme, and the plugin from the zip (as "Upload Plugin" would unpack it).
  const unzip = spawnSync('unzip', ['-q', zip, '-d', join(wp.dir, 'wp-content/plugins')]);
  assert.equal(unzip.status, 0, String(unzip.stderr));
  const installed = wp.php(`
    define('WP_INSTALLING', true);
    require 'wp-load.php';
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    require_once ABSPATH . 'wp-admin/includes/plugin.php';
    wp_install('Healthwatch Coventry (test)', 'admin', 'admin@example.org', false, '', 'admin-password-123');
    switch_theme('involve-test');
    $r = activate_plugin('involve-widgets/involve-widgets.php');
    if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message()); exit(1); }
    echo json_encode(array('active' => is_plugin_active('involve-widgets/involve-widgets.php'), 'version' => get_bloginfo('version')));`);
  assert.equal(JSON.parse(installed).active, true);
  // The Trust adds the WordPress site for the partner (step one for every webmaster).
  await endpoint.storage.partners.add(PARTNER, 'Healthwatch Coventry');
  await endpoint.storage.partners.allowOrigin(PARTNER, wp.origin);
  browser = await chromium.launch({ ...CHROMIUM, headless: true });
  context = await browser.newContext();
});

after(async () => {
  await browser?.close();
  await wp?.stop();
  await endpoint?.close();
});

describe('WordPress plugin on a real WordPress', { timeout: 120_000 }, () => {
  test('the Administrator saves the endpoint and partner id on Settings → Involvement widgets', async () => {
    const page = await context.newPage();
    await page.goto(`${wp.origin}/wp-login.php`);
    await page.fill('#user_login', 'admin');
    await page.fill('#user_pass', 'admin-password-123');
    await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
    await page.goto(`${wp.origin}/wp-admin/options-general.php?page=involve-widgets`);
    assert.equal(await page.locator('h1').first().textContent(), 'Involvement widgets');
    await page.getByLabel('Trust endpoint (widget host) address').fill(`${endpoint.origin}/`);
    await page.getByLabel('Partner id').fill(` ${PARTNER.toUpperCase()} `);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    const saved = JSON.parse(wp.php(`require 'wp-load.php'; echo json_encode(array(get_option('involve_widgets_endpoint'), get_option('involve_widgets_partner')));`));
    assert.deepEqual(saved, [endpoint.origin, PARTNER], 'sanitised: no trailing slash, lower case');
    await page.close();
  });

  test('an Author publishes posts with the shortcodes, a block, and (for contrast) a pasted snippet', () => {
    assert.equal(BUILDER_SHORTCODE, '[involve_signup heading_level="3"]');
    const out = wp.php(`
      require 'wp-load.php';
      $author = wp_insert_user(array('user_login' => 'author', 'user_pass' => 'author-password-123', 'user_email' => 'author@example.org', 'role' => 'author'));
      if (is_wp_error($author)) { fwrite(STDERR, $author->get_error_message()); exit(1); }
      wp_set_current_user($author); // kses filters on: an Author has no unfiltered_html
      $ids = array('canUnfiltered' => current_user_can('unfiltered_html'));
      $ids['shortcode'] = wp_insert_post(array('post_title' => 'Join us (shortcodes)', 'post_status' => 'publish', 'post_content' =>
        "<p>Sign up below.</p>\\n${BUILDER_SHORTCODE.replaceAll('"', '\\"')}\\n\\n[involve_meetings limit=\\"2\\" collaborative='x\\" onmouseover=\\"alert(1)']\\n\\n[involve_signup easy_read=\\"yes\\" theme=\\"dark\\"]"), true);
      $ids['block'] = wp_insert_post(array('post_title' => 'Join us (block)', 'post_status' => 'publish', 'post_content' =>
        '<!-- wp:involve/signup {"heading_level":4,"accent_colour":"#330072"} /-->'), true);
      $ids['pasted'] = wp_insert_post(array('post_title' => 'Join us (pasted snippet)', 'post_status' => 'publish', 'post_content' =>
        '<script type="module" src="${endpoint.origin}/widgets/latest/involve-signup.js"></script><involve-signup endpoint="${endpoint.origin}" partner="${PARTNER}"></involve-signup>'), true);
      $ids['pastedStored'] = get_post($ids['pasted'])->post_content;
      // A Contributor can't publish, but their post (sent for review) renders the same for the editor.
      $contributor = wp_insert_user(array('user_login' => 'contributor', 'user_pass' => 'contributor-password-123', 'user_email' => 'c@example.org', 'role' => 'contributor'));
      wp_set_current_user($contributor);
      $pending = wp_insert_post(array('post_title' => 'Feedback (for review)', 'post_status' => 'pending', 'post_content' => '[involve_feedback partner="grapevine"]'), true);
      $ids['contributorRendered'] = apply_filters('the_content', get_post($pending)->post_content);
      echo json_encode($ids);`);
    Object.assign(posts, JSON.parse(out));
    assert.equal(posts.canUnfiltered, false);
    for (const k of ['shortcode', 'block', 'pasted']) assert.ok(Number(posts[k]) > 0, k);
    assert.doesNotMatch(posts.pastedStored, /<script/, 'WordPress strips the raw snippet for an Author');
    assert.match(posts.contributorRendered, new RegExp(`<involve-feedback endpoint="${endpoint.origin}" partner="grapevine"></involve-feedback>`), "a Contributor's shortcode renders");
  });

  /** Opens a post, waits for its widgets, returns the page. */
  async function open(id) {
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${wp.origin}/?p=${id}`);
    await page.waitForFunction(() => document.querySelector('involve-signup')?.shadowRoot?.querySelector('form'), null, { timeout: 15_000 });
    return page;
  }

  async function signUp(page, name) {
    await page.waitForTimeout(2100); // faster than a person is treated as spam (elapsedMs < 2000)
    return page.evaluate(async (n) => {
      const el = document.querySelector('involve-signup');
      el.prefill({ name: n, relationship: ['carer'], preferred: 'email', email: 'sam@example.org', storeDetails: true });
      return el.submit();
    }, name);
  }

  test('shortcodes: the script once per widget file, a module with its SRI; attributes escaped; a sign-up lands for the partner', async () => {
    const page = await open(posts.shortcode);
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[src*="/widgets/"]')].map((s) => ({ src: s.getAttribute('src'), type: s.type, integrity: s.integrity, crossorigin: s.getAttribute('crossorigin') })));
    const sizes = await (await fetch(`${endpoint.origin}/widgets/latest/sizes.json`)).json();
    const hash = (name) => sizes.files.find((f) => f.name === name).integrity;
    assert.deepEqual(scripts.sort((a, b) => a.src.localeCompare(b.src)), [
      { src: `${endpoint.origin}/widgets/${sizes.version}/involve-meetings.js`, type: 'module', integrity: hash('involve-meetings.js'), crossorigin: 'anonymous' },
      { src: `${endpoint.origin}/widgets/${sizes.version}/involve-signup.js`, type: 'module', integrity: hash('involve-signup.js'), crossorigin: 'anonymous' },
    ]);
    // As WordPress printed them: the page's source, not the live elements (which add their own dir and spacing).
    const elements = await page.evaluate(async () => {
      const source = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return [...source.querySelectorAll('involve-signup, involve-meetings')].map((e) => [e.localName, ...[...e.attributes].map((a) => `${a.name}=${a.value}`)]);
    });
    assert.deepEqual(elements[0], ['involve-signup', `endpoint=${endpoint.origin}`, `partner=${PARTNER}`, 'heading-level=3']);
    assert.equal(elements[1][0], 'involve-meetings');
    assert.ok(!elements[1].some((a) => a.startsWith('onmouseover')), `no attribute injected: ${elements[1]}`);
    assert.ok(elements[2].includes('easy-read='), 'easy_read="yes" → easy-read');
    assert.ok(elements[2].includes('theme=dark'), 'theme="dark" → theme="dark"');
    await signUp(page, 'Sam Shortcode');
    const rows = await endpoint.storage.listSubmissions('signups');
    assert.deepEqual(rows.map((r) => [r.payload.name, r.payload.source.partner]), [['Sam Shortcode', PARTNER]]);
    await page.close();
  });

  test('block: rendered by the plugin with its attributes; a sign-up lands for the partner', async () => {
    const page = await open(posts.block);
    const attrs = await page.evaluate(async () => {
      const source = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      return Object.fromEntries([...source.querySelector('involve-signup').attributes].map((a) => [a.name, a.value]));
    });
    assert.equal(attrs['heading-level'], '4');
    assert.equal(attrs.partner, PARTNER);
    assert.equal(attrs.style, '--involve-accent-colour: #330072');
    await signUp(page, 'Bea Block');
    const rows = await endpoint.storage.listSubmissions('signups');
    assert.deepEqual(rows.map((r) => r.payload.name).sort(), ['Bea Block', 'Sam Shortcode']);
    assert.ok(rows.every((r) => r.payload.source.partner === PARTNER));
    await page.close();
  });

  test("the block editor (as the Author): the plugin's blocks are there without a build step, and a post with one publishes", async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await context.clearCookies();
    await page.goto(`${wp.origin}/wp-login.php`);
    await page.fill('#user_login', 'author');
    await page.fill('#user_pass', 'author-password-123');
    await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
    await page.goto(`${wp.origin}/wp-admin/post-new.php`);
    await page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('involve/meetings') && window.wp.data.select('core/editor').getCurrentPostId(), null, { timeout: 60_000 });
    const titles = await page.evaluate(() => ['signup', 'meetings', 'feedback'].map((k) => window.wp.blocks.getBlockType(`involve/${k}`)?.title));
    assert.deepEqual(titles, ['Involvement sign-up', 'Involvement meetings', 'Involvement feedback']);
    const id = await page.evaluate(async () => {
      const { dispatch, select } = window.wp.data;
      dispatch('core/block-editor').insertBlocks(window.wp.blocks.createBlock('involve/meetings', { limit: 3 }));
      dispatch('core/editor').editPost({ title: 'Meetings (from the editor)', status: 'publish' });
      await dispatch('core/editor').savePost();
      return select('core/editor').getCurrentPostId();
    });
    const content = JSON.parse(wp.php(`require 'wp-load.php'; echo json_encode(array(get_post(${Number(id)})->post_content, get_post_status(${Number(id)})));`));
    assert.match(content[0], /<!-- wp:involve\/meetings \{"limit":3\} \/-->/);
    assert.equal(content[1], 'publish');
    const view = await context.newPage();
    await view.goto(`${wp.origin}/?p=${id}`);
    await view.waitForFunction(() => document.querySelector('involve-meetings')?.getAttribute('limit') === '3' && document.querySelector('involve-meetings').shadowRoot?.querySelector('*'));
    await view.close();
    await page.close();
    assert.deepEqual(errors, []);
  });

  test('no page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
