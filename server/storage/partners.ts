/**
 * Partners as data (issue 19): a partner is an id, a display name and the site origins allowed to post
 * as it. One origin belongs to at most one partner. Same Kysely database as everything else (SQLite or
 * PostgreSQL); tables from migration 004-partners.
 */
import type { Kysely } from 'kysely';

export interface PartnerTables {
  partners: { id: string; name: string; created_at: string };
  partner_origins: { origin: string; partner_id: string; created_at: string };
}

export interface Partner {
  id: string;
  name: string;
  origins: string[];
}

/** A partner id as the widgets send it in `source.partner`: kebab-case, short. */
export const PARTNER_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class PartnerError extends Error {}

export interface PartnerStore {
  list(): Promise<Partner[]>;
  get(id: string): Promise<Partner | undefined>;
  add(id: string, name: string): Promise<void>;
  /** Removes the partner and its origins; false when there was no such partner. */
  remove(id: string): Promise<boolean>;
  /** Allows `origin` to post as `id` (moving it from another partner if it had one). */
  allowOrigin(id: string, origin: string): Promise<void>;
  removeOrigin(origin: string): Promise<boolean>;
  /** Every allowed origin → its partner id. */
  origins(): Promise<Map<string, string>>;
}

export class KyselyPartnerStore implements PartnerStore {
  constructor(private readonly db: Kysely<PartnerTables>) {}

  async list(): Promise<Partner[]> {
    const partners = await this.db.selectFrom('partners').select(['id', 'name']).orderBy('id').execute();
    const origins = await this.db.selectFrom('partner_origins').select(['origin', 'partner_id']).orderBy('origin').execute();
    return partners.map((p) => ({ ...p, origins: origins.filter((o) => o.partner_id === p.id).map((o) => o.origin) }));
  }

  async get(id: string): Promise<Partner | undefined> {
    return (await this.list()).find((p) => p.id === id);
  }

  async add(id: string, name: string): Promise<void> {
    if (!PARTNER_ID.test(id)) throw new PartnerError(`"${id}" is not a partner id: use lower-case letters, digits and hyphens, like healthwatch-coventry`);
    if (!name.trim()) throw new PartnerError('A partner needs a display name');
    const inserted = await this.db
      .insertInto('partners')
      .values({ id, name: name.trim(), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new PartnerError(`There is already a partner "${id}"`);
  }

  async remove(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('partner_origins').where('partner_id', '=', id).execute();
      const r = await trx.deleteFrom('partners').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  async allowOrigin(id: string, origin: string): Promise<void> {
    const partner = await this.db.selectFrom('partners').select('id').where('id', '=', id).executeTakeFirst();
    if (!partner) throw new PartnerError(`There is no partner "${id}" (add it first)`);
    await this.db
      .insertInto('partner_origins')
      .values({ origin, partner_id: id, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('origin').doUpdateSet({ partner_id: id }))
      .execute();
  }

  async removeOrigin(origin: string): Promise<boolean> {
    const r = await this.db.deleteFrom('partner_origins').where('origin', '=', origin).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async origins(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('partner_origins').select(['origin', 'partner_id']).execute();
    return new Map(rows.map((r) => [r.origin, r.partner_id]));
  }
}
