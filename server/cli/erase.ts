/**
 * npm run erase -- --email person@example.org
 * UK GDPR erasure: deletes that person's sign-ups, and removes their name and contact details from any
 * feedback where they asked for a reply (the feedback about the service stays, anonymous).
 */
import { parseArgs } from 'node:util';
import { runCli, UsageError, withStorage } from './common.js';

runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' } } });
  if (!values.email || !values.email.includes('@')) throw new UsageError('Give the person\'s email address with --email');
  const { signups, feedback } = await withStorage((storage) => storage.eraseByEmail(values.email!));
  console.log(`Erased ${signups} sign-up(s); removed contact details from ${feedback} feedback record(s).`);
}, 'Usage: npm run erase -- --email person@example.org');
