/** The Trust hosts the widgets (issue 19): /widgets/<version>/…, /widgets/latest/…, sizes.json, /embed/. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, afterEach, before, describe, test } from 'node:test';
import { PACKAGE_VERSION } from '../config.js';
import { type TestApp, testApp } from './helpers.js';

let dir: string;
let t: TestApp;
const bundle = `/* a bundle */ customElements.define('involve-signup', class extends HTMLElement {});\n${'x'.repeat(4000)}\n`;
const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'involve-widgets-'));
  writeFileSync(join(dir, 'involve-signup.js'), bundle);
  writeFileSync(join(dir, 'sizes.json'), JSON.stringify({ version: PACKAGE_VERSION, files: [{ name: 'involve-signup.js', integrity }] }));
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  mkdirSync(join(dir, 'embed'));
  writeFileSync(join(dir, 'embed', 'index.html'), '<!doctype html><title>Embed builder</title><script type="module" src="./embed-builder.js"></script>');
  writeFileSync(join(dir, 'embed', 'embed-builder.js'), 'console.log(1)');
});
after(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => t.cleanup());

const v = `/widgets/${PACKAGE_VERSION}`;

describe('/widgets/<version>/<file>', () => {
  test('serves the bundle byte for byte, immutable, CORS-open, with the security headers', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    const res = await t.app.request(`${v}/involve-signup.js`, { headers: { origin: 'https://any-partner.example' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(`sha384-${createHash('sha384').update(body).digest('base64')}`, integrity, 'the SRI hash of what is served');
  });

  test('/widgets/latest/ serves the same bytes with a short cache', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    const res = await t.app.request('/widgets/latest/involve-signup.js');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(await res.text(), bundle);
  });

  test('ETag and If-None-Match give a 304 with no body', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    const first = await t.app.request(`${v}/involve-signup.js`);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[^"]+"$/);
    const again = await t.app.request(`${v}/involve-signup.js`, { headers: { 'if-none-match': etag! } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('access-control-allow-origin'), '*');
  });

  test('brotli and gzip by Accept-Encoding, identity otherwise, each its own ETag', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    const br = await t.app.request(`${v}/involve-signup.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), bundle);
    const gz = await t.app.request(`${v}/involve-signup.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), bundle);
    const none = await t.app.request(`${v}/involve-signup.js`, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    assert.equal(none.headers.get('content-encoding'), null);
    assert.equal(await none.text(), bundle);
    assert.equal(new Set([br.headers.get('etag'), gz.headers.get('etag'), none.headers.get('etag')]).size, 3);
  });

  test('sizes.json lists each file with its SRI', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    const res = await t.app.request(`${v}/sizes.json`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const sizes = (await res.json()) as { version: string; files: { name: string; integrity: string }[] };
    assert.equal(sizes.version, PACKAGE_VERSION);
    assert.equal(sizes.files[0]!.integrity, integrity);
  });

  test('an earlier version from WIDGETS_ARCHIVE_DIR/<version>/ keeps working after an upgrade', async () => {
    const archive = join(dir, 'archive');
    mkdirSync(join(archive, '0.0.9'), { recursive: true });
    writeFileSync(join(archive, '0.0.9', 'involve-signup.js'), '/* the old one */');
    t = await testApp({ WIDGETS_DIR: dir, WIDGETS_ARCHIVE_DIR: archive });
    const old = await t.app.request('/widgets/0.0.9/involve-signup.js');
    assert.equal(old.status, 200);
    assert.equal(await old.text(), '/* the old one */');
    assert.equal(old.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await t.app.request('/widgets/0.0.8/involve-signup.js')).status, 404);
    assert.equal((await t.app.request('/widgets/../involve-signup.js')).status, 404);
  });

  test('another version, another file in the folder, or a path out of it is 404', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    for (const path of ['/widgets/0.0.0-old/involve-signup.js', `${v}/secret.txt`, `${v}/..%2Fsecret.txt`, `${v}/involve-nothing.js`, '/widgets/latest/embed']) {
      assert.equal((await t.app.request(path)).status, 404, path);
    }
  });
});

test('OpenAPI describes the widgets and allow-list routes', async () => {
  t = await testApp({ WIDGETS_DIR: dir });
  const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/widgets/{version}/{file}'] && doc.paths['/allow-list/check']);
});

describe('/embed/', () => {
  test('/embed redirects to /embed/ (relative), which serves the builder page under its own strict CSP', async () => {
    t = await testApp({ WIDGETS_DIR: dir });
    const redirect = await t.app.request('/embed');
    assert.equal(redirect.status, 308);
    assert.equal(redirect.headers.get('location'), 'embed/');
    const page = await t.app.request('/embed/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe/);
    assert.match(page.headers.get('strict-transport-security') ?? '', /max-age/);
    assert.equal((await t.app.request('/embed/embed-builder.js')).status, 200);
    assert.equal((await t.app.request('/embed/..%2Fsecret.txt')).status, 404);
  });
});
