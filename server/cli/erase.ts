/**
 * npm run erase -- --email person@example.org [--phone "07700 900982"] [--name "Alex Smith"] [--dry-run]
 * UK GDPR erasure: deletes that person's sign-ups, and removes their name and contact details from any
 * feedback they gave them in (the feedback about the service stays, anonymous). A phone matches however
 * it was written (+44, spaces, dashes); a name (exact, any case) finds feedback only. --dry-run lists
 * what would go and changes nothing. Afterwards the database is compacted so the bytes are gone too.
 */
import { parseArgs } from 'node:util';
import { normalisePhone } from '../phone.js';
import { runCli, UsageError, withStorage } from './common.js';

runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, phone: { type: 'string' }, name: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  });
  const { email, phone, name } = values;
  if (email === undefined && phone === undefined && name === undefined) {
    throw new UsageError('Give the person\'s email address with --email, their phone number with --phone, or (for feedback) their name with --name');
  }
  if (email !== undefined && !email.includes('@')) throw new UsageError(`Not an email address: ${email}`);
  if (phone !== undefined && !normalisePhone(phone)) throw new UsageError(`Not a phone number: ${phone}`);
  if (name !== undefined && !name.trim()) throw new UsageError('--name is empty');
  if (values['dry-run']) {
    const found = await withStorage((storage) => storage.findPerson({ email, phone, name }));
    for (const r of found) {
      const p = r.payload as { name?: string; contact?: { email?: string; phone?: string } };
      const who = [p.name, p.contact?.email, p.contact?.phone].filter(Boolean).join(', ');
      console.log(`${r.onErase === 'delete' ? 'would delete   ' : 'would anonymise'}  ${r.kind.padEnd(8)}  ${r.createdAt}  ${r.id}  (${who})`);
    }
    console.log(`Dry run: ${found.filter((r) => r.onErase === 'delete').length} sign-up(s) would be erased; contact details would be removed from ${found.filter((r) => r.onErase === 'anonymise').length} feedback record(s). Nothing was changed.`);
    return;
  }
  const { signups, feedback } = await withStorage((storage) => storage.erase({ email, phone, name }));
  console.log(`Erased ${signups} sign-up(s); removed contact details from ${feedback} feedback record(s).`);
}, 'Usage: npm run erase -- --email person@example.org [--phone "07700 900982"] [--name "Full Name"] [--dry-run]\n       npm run erase -- --phone "07700 900982"\n       npm run erase -- --name "Full Name" --dry-run      (a name finds feedback only)');
