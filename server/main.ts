/**
 * `npm run serve`: the endpoint alone, configured by environment (contract §7). Migrations run before
 * it listens; SIGTERM/SIGINT stop new connections, let in-flight requests finish, then close storage.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { startPoller } from './calendar/poller.js';
import { ConfigError, loadConfig, retentionCutoffs } from './config.js';
import { KEY_TTL_MS } from './idempotency.js';
import { openStorage } from './storage/open.js';

const DRAIN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const storage = openStorage(config.databaseUrl);
  await storage.migrate();
  const lifecycle = { ready: true, draining: false };
  const { app } = createApp({
    config,
    storage,
    lifecycle,
    log: (e) => console.log(JSON.stringify({ t: new Date().toISOString(), ...e })),
  });

  // Hourly: expired idempotency keys, and records past their retention (logged as counts only).
  const purge = async () => {
    await storage.purgeKeys(new Date(Date.now() - KEY_TTL_MS)).catch(() => console.error('purging expired idempotency keys failed'));
    try {
      const purged = await storage.purgeExpired(retentionCutoffs(config.retentionDays, new Date()));
      if (purged.signups + purged.feedback > 0) console.log(JSON.stringify({ t: new Date().toISOString(), retentionPurge: purged }));
    } catch (err) {
      console.error(`retention purge failed: ${err instanceof Error ? err.name : 'error'}`);
    }
  };
  void purge();
  const purgeTimer = setInterval(purge, 60 * 60 * 1000);
  purgeTimer.unref();

  const poller = config.calendar.urls.length
    ? startPoller({
        storage,
        urls: config.calendar.urls,
        intervalMs: config.calendar.intervalMinutes * 60_000,
        allowEmpty: config.calendar.allowEmpty,
        timezone: config.calendar.timezone,
      })
    : undefined;

  const { requestMs, headersMs, keepAliveMs } = config.timeouts;
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
    // A client that trickles its headers or body is cut off (408) instead of holding a socket for
    // Node's default 300 s; Node checks the timers every connectionsCheckingInterval.
    serverOptions: { requestTimeout: requestMs, headersTimeout: Math.min(headersMs, requestMs), keepAliveTimeout: keepAliveMs, connectionsCheckingInterval: Math.min(1_000, headersMs) },
  }, (info) => {
    const db = config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : 'postgres';
    console.log(`involve endpoint listening on http://${info.address}:${info.port} (${db}; origins: ${config.allowedOrigins.join(', ')}; admin export ${config.adminToken ? 'on' : 'off'}; ${poller ? `following ${config.calendar.urls.length} calendar(s) every ${config.calendar.intervalMinutes} min` : 'no calendar followed'})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.draining = true;
    console.log(`${signal}: draining in-flight requests`);
    const force = setTimeout(() => {
      console.error('drain timed out; exiting');
      process.exit(1);
    }, DRAIN_TIMEOUT_MS);
    force.unref();
    server.close(async () => {
      clearInterval(idleCloser);
      await poller?.stop();
      await storage.close();
      console.log('stopped');
      process.exit(0);
    });
    // Idle keep-alive sockets would hold close() open: close them now and, as busy ones finish their
    // last request (answered with Connection: close), every 50 ms until none is left.
    const closeIdle = () => ('closeIdleConnections' in server ? server.closeIdleConnections() : undefined);
    closeIdle();
    const idleCloser = setInterval(closeIdle, 50);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? `Configuration: ${err.message}` : err);
  process.exit(1);
});
