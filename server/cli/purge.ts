/**
 * npm run purge 
 * Retention: deletes sign-ups older than RETENTION_DAYS_SIGNUPS and feedback older than
 * RETENTION_DAYS_FEEDBACK (defaults 3 and 2 years; 0 keeps that kind), as the server does hourly, and
 * expired idempotency keys. Prints counts only. DATABASE_URL as for the server.
 */
import { parseArgs } from 'node:util';
import { loadConfig, retentionCutoffs } from '../config.js';
import { KEY_TTL_MS } from '../idempotency.js';
import { runCli, withStorage } from './common.js';

runCli(async () => {
  parseArgs({ options: {} });
  const config = loadConfig();
  const now = new Date();
  const { signups, feedback } = await withStorage(async (storage) => {
    await storage.purgeKeys(new Date(now.getTime() - KEY_TTL_MS));
    return storage.purgeExpired(retentionCutoffs(config.retentionDays, now));
  });
  const kept = (d: number) => (d > 0 ? `older than ${d} day${d === 1 ? '' : 's'}` : 'none: kept until erased');
  console.log(`Purged ${signups} sign-up(s) (${kept(config.retentionDays.signups)}) and ${feedback} feedback record(s) (${kept(config.retentionDays.feedback)}).`);
}, 'Usage: npm run purge');
