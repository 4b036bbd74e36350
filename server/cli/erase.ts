/**
 * npm run erase -- --email person@example.org
 * npm run erase -- --phone "07700 900982"
 * UK GDPR erasure: deletes that person's sign-ups, and removes their name and contact details from any
 * feedback where they asked for a reply (the feedback about the service stays, anonymous). Give both
 * to erase every record with either; a phone matches however it was written (+44, spaces, dashes).
 */
import { parseArgs } from 'node:util';
import { normalisePhone } from '../phone.js';
import { runCli, UsageError, withStorage } from './common.js';

runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' }, phone: { type: 'string' } } });
  const { email, phone } = values;
  if (email === undefined && phone === undefined) throw new UsageError('Give the person\'s email address with --email, or their phone number with --phone');
  if (email !== undefined && !email.includes('@')) throw new UsageError(`Not an email address: ${email}`);
  if (phone !== undefined && !normalisePhone(phone)) throw new UsageError(`Not a phone number: ${phone}`);
  const { signups, feedback } = await withStorage((storage) => storage.erase({ email, phone }));
  console.log(`Erased ${signups} sign-up(s); removed contact details from ${feedback} feedback record(s).`);
}, 'Usage: npm run erase -- --email person@example.org [--phone "07700 900982"]\n       npm run erase -- --phone "07700 900982"');
