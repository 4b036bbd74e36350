/**
 * GET /allow-list/check?site=<address>&partner=<id> — read-only, for the embed builder (issue 19):
 * may a page at that site address post to this endpoint, and is it credited to that partner?
 *
 *   200 { site, partner, partnerName, allowed, postsAs, ok }
 *     site      the origin of the address given (https://www.example.org)
 *     allowed   the site is on the allow-list (CORS and POSTs work from it)
 *     postsAs   the partner the site is bound to (`npm run partners -- allow-origin`), or null
 *     ok        allowed, and submissions from it will be credited to `partner`
 *   422 problem+json when `site` is not an http(s) address
 *
 * Answers for one site at a time, never the list itself. CORS-open (`*`): a builder hosted elsewhere
 * may ask, and it tells nothing a CORS preflight from that site wouldn't.
 */
import type { Context } from 'hono';
import type { OriginPolicy } from '../origins.js';
import { problems } from '../problems.js';
import { PARTNER_ID, type PartnerStore } from '../storage/partners.js';

function originOf(site: string): string | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `https://${site}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function allowListHandler(origins: OriginPolicy, partners: PartnerStore | undefined) {
  return async (c: Context): Promise<Response> => {
    const site = originOf((c.req.query('site') ?? '').trim());
    if (!site) {
      const problem = problems.validation([{ pointer: '/site', detail: 'Enter the address of your site, like https://www.example.org' }]);
      problem.headers.set('access-control-allow-origin', '*');
      return problem;
    }
    const rawPartner = (c.req.query('partner') ?? '').trim();
    const partner = PARTNER_ID.test(rawPartner) ? rawPartner : null;
    const known = partner ? await partners?.get(partner) : undefined;
    const decision = await origins.check(site);
    c.header('access-control-allow-origin', '*');
    c.header('cache-control', 'no-store');
    return c.json({
      site,
      partner,
      partnerName: known?.name ?? null,
      allowed: decision.allowed,
      postsAs: decision.partner,
      ok: decision.allowed && (decision.partner === null || decision.partner === partner),
    });
  };
}
