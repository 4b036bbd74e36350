#!/usr/bin/env node
// `npm start`: the one-command demo.
//   1. npm install if node_modules is missing        4. start the endpoint on 127.0.0.1:8787
//   2. npm run build (the widgets, dist/)             5. serve the demo partner page on 127.0.0.1:8080
//   3. seed demo meetings if there are none           6. print the URLs; Ctrl-C stops both
// Env: API_PORT, DEMO_PORT, DATABASE_URL (default sqlite:./data/involve.db), ADMIN_TOKEN (default random),
// SKIP_BUILD=1 to reuse an existing dist/.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
process.chdir(root);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const API_PORT = Number(process.env.API_PORT ?? 8787);
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8080);
const HOST = '127.0.0.1';
const endpoint = `http://${HOST}:${API_PORT}`;
const demoOrigins = [`http://${HOST}:${DEMO_PORT}`, `http://localhost:${DEMO_PORT}`];
const adminToken = process.env.ADMIN_TOKEN || randomBytes(24).toString('base64url');

function run(label, command, args, { optional = false } = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (r.status === 0) return true;
  if (optional) return false;
  console.error(`\n✖ ${label} failed (exit ${r.status ?? r.signal}).`);
  process.exit(1);
}

if (!existsSync('node_modules')) run('npm install (first run)', npm, ['install']);

if (process.env.SKIP_BUILD !== '1' && !run('npm run build', npm, ['run', 'build'], { optional: true })) {
  if (!existsSync('dist/involve-widgets.js')) {
    console.error('\n✖ The build failed and there is no dist/involve-widgets.js to fall back on.');
    process.exit(1);
  }
  console.warn('\n⚠ The build failed; serving the widgets from the previous build in dist/.');
}

run('seed demo meetings (if none)', process.execPath, ['--import', 'tsx', 'server/cli/seed-demo.ts', '--if-empty']);

console.log('\n▶ starting the endpoint');
const api = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: String(API_PORT), HOST, ALLOWED_ORIGINS: demoOrigins.join(','), ADMIN_TOKEN: adminToken },
});
let stopping = false;
api.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`\n✖ The endpoint stopped (${signal ?? `exit ${code}`}).`);
    process.exit(1);
  }
});

async function waitForHealth() {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${endpoint}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${endpoint}/healthz did not answer`);
}

let demo;
try {
  await waitForHealth();
  const { startDemoServer } = await import('../demo/server.mjs');
  demo = await startDemoServer({ port: DEMO_PORT, host: HOST, endpoint, adminToken });
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  stopping = true;
  api.kill('SIGTERM');
  process.exit(1);
}

console.log(`
  Demo partner page      http://${HOST}:${DEMO_PORT}/
  What the server stored http://${HOST}:${DEMO_PORT}/stored.html
  Embed builder          ${endpoint}/embed/   (pick a widget, copy a snippet for your site)
  Allow your own site    npm run partners -- add my-partner "My organisation" http://127.0.0.1:5500
  Endpoint (API)         ${endpoint}   (OpenAPI: ${endpoint}/openapi.json)
  Admin CSV export       curl -H "Authorization: Bearer ${adminToken}" ${endpoint}/admin/export/signups.csv

  Ctrl-C stops both.
`);

function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  demo?.close();
  api.once('exit', () => process.exit(0));
  api.kill('SIGTERM');
  setTimeout(() => process.exit(0), 12_000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
