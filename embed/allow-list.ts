/** Asks the endpoint whether a site address may post, and as which partner (GET /allow-list/check). */
export interface AllowListAnswer {
  site: string;
  partner: string | null;
  partnerName: string | null;
  allowed: boolean;
  postsAs: string | null;
  ok: boolean;
}

export async function checkSite(endpoint: string, site: string, partner: string, signal?: AbortSignal): Promise<AllowListAnswer | 'invalid'> {
  const url = `${endpoint.replace(/\/+$/, '')}/allow-list/check?site=${encodeURIComponent(site)}&partner=${encodeURIComponent(partner)}`;
  const res = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (res.status === 422) return 'invalid';
  if (!res.ok) throw new Error(`allow-list check answered ${res.status}`);
  return (await res.json()) as AllowListAnswer;
}
