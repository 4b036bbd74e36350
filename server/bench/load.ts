/**
 * npm run bench:server — 200 concurrent submissions over real HTTP on 127.0.0.1, including replays
 * of the same keys fired at the same moment, retried on 409 as the widget does. Prints stored / lost /
 * duplicated and p50 / p99 latency; exits 1 if anything was lost or duplicated.
 * Storage: a temp SQLite file, or BENCH_DATABASE_URL (e.g. a throwaway postgres:// cluster).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openStorage } from '../storage/open.js';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 200);
const REPLAYS = Math.floor(TOTAL / 4);

function payload(i: number, run: string) {
  return {
    name: `Bench ${run} ${i}`, contact: { email: `bench${i}@example.org`, preferred: 'email' }, relationship: ['carer'],
    interests: ['carers'], waysToTakePart: ['surveys'], availability: ['weekends'], format: ['online'], accessNeeds: [],
    consent: { storeDetails: true, contactAboutOpportunities: false },
    source: { partner: 'bench', page: 'https://bench.example/', widgetVersion: 'bench' }, honeypot: '', elapsedMs: 5000,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'involve-bench-'));
  const url = process.env.BENCH_DATABASE_URL || `sqlite:${join(dir, 'bench.db')}`;
  const storage = openStorage(url);
  await storage.migrate();
  const { app } = createApp({ config: loadConfig({ RATE_LIMIT_PER_MINUTE: '0', ALLOWED_ORIGINS: 'https://bench.example' }), storage });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };

  const run = randomUUID().slice(0, 8);
  const unique = Array.from({ length: TOTAL - REPLAYS }, (_, i) => ({ key: randomUUID(), body: JSON.stringify(payload(i, run)) }));
  // Each replay goes out right beside its original, so the two race each other.
  const sends = unique.flatMap((u, i) => (i < REPLAYS ? [u, u] : [u]));
  const statuses: Record<number, number> = {};
  const latencies: number[] = [];

  const send = async (s: { key: string; body: string }) => {
    const started = performance.now();
    for (let attempt = 0; attempt < 20; attempt++) {
      const res = await fetch(`http://127.0.0.1:${port}/signups`, {
        method: 'POST', body: s.body,
        headers: { 'content-type': 'application/json', 'idempotency-key': `"${s.key}"`, origin: 'https://bench.example' },
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const body = (await res.json()) as { id?: string };
      if (res.status === 409) {
        await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 4) * (0.5 + Math.random())));
        continue;
      }
      latencies.push(performance.now() - started);
      return { key: s.key, status: res.status, id: body.id };
    }
    return { key: s.key, status: 409, id: undefined };
  };

  const wall = performance.now();
  const results = await Promise.all(sends.map(send));
  const elapsed = performance.now() - wall;

  const stored = (await storage.listSubmissions('signups')).filter((r) => String(r.payload.name).startsWith(`Bench ${run} `));
  const names = new Map<string, number>();
  for (const r of stored) names.set(String(r.payload.name), (names.get(String(r.payload.name)) ?? 0) + 1);
  const lost = unique.filter((_, i) => !names.has(`Bench ${run} ${i}`)).length;
  const duplicated = [...names.values()].reduce((n, c) => n + c - 1, 0);
  const idsPerKey = new Map<string, Set<string | undefined>>();
  for (const r of results) idsPerKey.set(r.key, (idsPerKey.get(r.key) ?? new Set()).add(r.id));
  const inconsistent = [...idsPerKey.values()].filter((ids) => ids.size > 1).length;
  latencies.sort((a, b) => a - b);

  console.log(`storage          ${storage.dialect}`);
  console.log(`submissions      ${sends.length} concurrent (${unique.length} unique, ${REPLAYS} replays of the same keys)`);
  console.log(`HTTP statuses    ${Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(', ')}`);
  console.log(`stored           ${stored.length}`);
  console.log(`lost             ${lost}`);
  console.log(`duplicated       ${duplicated}`);
  console.log(`replays answered with a different id: ${inconsistent}`);
  console.log(`latency          p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (incl. 409 retries); wall ${elapsed.toFixed(0)} ms`);

  await new Promise((r) => server.close(r));
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
  if (lost || duplicated || inconsistent || stored.length !== unique.length) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
