/**
 * Later migrations over data written before them, on SQLite and (with TEST_DATABASE_URL) PostgreSQL:
 * the database is migrated to an older migration, rows are written as that schema had them, then
 * the server's own migrate() runs the rest.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { KyselyStorage } from '../storage/kysely.js';
import { migrateTo } from '../storage/migrations.js';
import { openStorage } from '../storage/open.js';
import { backends } from './helpers.js';

const row = (id: string, kind: 'signups' | 'feedback', payload: Record<string, unknown>, email: string | null = null) => ({
  id, kind, created_at: '2026-01-01T00:00:00.000Z', email, partner: null, idempotency_key: `key-${id}`, payload: JSON.stringify(payload),
});

for (const backend of backends()) {
  describe(`migration 002-phone: ${backend.name}`, () => {
    let storage: KyselyStorage | undefined;
    let drop: (() => Promise<void>) | undefined;
    after(async () => {
      await storage?.close();
      await drop?.();
    });

    test('backfills the phone column from payloads written before it, so erase by phone finds them', async () => {
      const db = await backend.create();
      drop = db.drop;
      storage = openStorage(db.url) as KyselyStorage;
      await migrateTo(storage.db, '001-initial');
      const columns = (await storage.db.introspection.getTables()).find((t) => t.name === 'submissions')!.columns.map((c) => c.name);
      assert.ok(!columns.includes('phone'), 'at 001 there is no phone column');

      await storage.db.insertInto('submissions').values([
        row('old-signup', 'signups', { name: 'Phone Person', contact: { phone: '+44 (0)7700 900123', preferred: 'phone' } }),
        row('old-feedback', 'feedback', { service: 's', rating: 'good', name: 'Phone Person', contact: { phone: '07700-900-123', preferred: 'text' }, wantsReply: true }),
        row('email-only', 'signups', { name: 'Email Person', contact: { email: 'e@example.org', preferred: 'email' } }, 'e@example.org'),
        row('other-phone', 'signups', { name: 'Other', contact: { phone: '07700 900456', preferred: 'post' } }),
        row('bad-phone', 'signups', { name: 'Odd', contact: { phone: '12', preferred: 'phone' } }),
        // More than one backfill batch.
        ...Array.from({ length: 1100 }, (_, i) => row(`bulk-${String(i).padStart(4, '0')}`, 'signups', { contact: { phone: `0121 496 ${String(i).padStart(4, '0')}` } })),
      ]).execute();

      await storage.migrate();
      const phones = await storage.db.selectFrom('submissions').select(['id', 'phone']).orderBy('id').execute();
      const phoneOf = new Map(phones.map((r) => [r.id, r.phone]));
      assert.equal(phoneOf.get('old-signup'), '07700900123');
      assert.equal(phoneOf.get('old-feedback'), '07700900123');
      assert.equal(phoneOf.get('other-phone'), '07700900456');
      assert.equal(phoneOf.get('email-only'), null);
      assert.equal(phoneOf.get('bad-phone'), null, 'an unusable number is left out');
      assert.equal(phoneOf.get('bulk-1099'), '01214961099', 'every batch is backfilled');
      assert.equal(phones.filter((r) => r.id.startsWith('bulk-') && r.phone).length, 1100);

      assert.deepEqual(await storage.erase({ phone: '07700 900123' }), { signups: 1, feedback: 1 });
      const left = (await storage.listSubmissions('signups')).map((r) => r.id);
      assert.ok(!left.includes('old-signup') && left.includes('other-phone') && left.includes('email-only'));
      assert.equal(JSON.stringify((await storage.listSubmissions('feedback'))[0]!.payload).includes('7700'), false);
    });
  });
}
