/**
 * The widgets validate with the schema kit (src/schema/kit.ts, ~1 kB), the endpoint with the zod
 * schemas built from the same descriptions (src/schema/zod.ts). They must agree on every payload:
 * the same success, the same output (trimmed, unknown keys dropped) and the same issues — pointer
 * and message, in order — or a person would see one message in the form and another from the server.
 *
 * Payloads: valid sign-ups, feedback and meetings, each path replaced by each of ~45 awkward values
 * or deleted, one unknown key added everywhere, and 3,000 seeded random combinations of 2-4 edits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeMeetings } from '../../test/fixtures/meetings.js';
import { Feedback as FeedbackKit } from '../../src/schema/feedback.js';
import type { Issue, Schema } from '../../src/schema/kit.js';
import { Meeting as MeetingKit } from '../../src/schema/meeting.js';
import { validationMessages } from '../../src/schema/messages.js';
import { Signup as SignupKit } from '../../src/schema/signup.js';
import { toPointer } from '../../src/schema/common.js';
import { Feedback, Meeting, Signup } from '../../src/schema/zod.js';

const source = { partner: 'Healthwatch Example', page: 'https://partner.example/involve', widgetVersion: '1.0.0' };
const signup = {
  name: '  Sam Carer ',
  contact: { email: 'sam@example.com', phone: '07700 900982', preferred: 'email' },
  postcodeDistrict: ' CV1 ',
  relationship: ['carer', 'other'],
  relationshipOther: 'Neighbour',
  interests: ['carers', 'older-adults'],
  waysToTakePart: ['surveys'],
  availability: ['weekends'],
  format: ['online'],
  accessNeeds: ['easy-read'],
  accessNeedsOther: 'Short meetings',
  consent: { storeDetails: true, contactAboutOpportunities: false },
  source,
  honeypot: '',
  elapsedMs: 41_000,
};
const feedbackWithReply = {
  service: 'other',
  serviceOther: 'Crisis café',
  rating: 'good',
  whatWentWell: 'Kind staff',
  whatCouldBeBetter: 'Waiting time',
  anonymous: false,
  wantsReply: true,
  name: 'Alex',
  contact: { phone: '+44 7700 900 982', preferred: 'text' },
  aboutYou: 'carer',
  source,
  honeypot: '',
  elapsedMs: 9_000,
};
const anonymousFeedback = { service: 'community-mental-health', rating: 'dont-know', whatWentWell: 'x', anonymous: true, wantsReply: false, source, honeypot: '', elapsedMs: 1 };
const meeting = { ...makeMeetings(1, { from: new Date('2026-03-20T12:00:00Z') })[0]!, bookingUrl: 'https://book.example/1', location: { name: 'Hall', address: '1 Road', postcode: 'CV1 1AA' } };

const awkward: unknown[] = [
  null, '', '   ', ' x ', 'x', 'a'.repeat(81), 'a'.repeat(201), 'a'.repeat(1001), 'a'.repeat(5001), 0, -1, 1.5, Number.NaN, Infinity, true, false,
  [], ['other'], ['bogus'], ['carer', 'bogus'], [1], {}, { preferred: 'post' }, 'other', 'email', 'phone', 'text', 'post', 'carer',
  'name@example.com', 'bad@', 'a b@c.d', '07700 900982', '123', '+44 (0)7700-900-982', 'CV1', 'cv1 ', 'SW1A1', 'https://x.example',
  'http://x.example', 'javascript:alert(1)', '2026-03-29T01:30:00Z', '2026-03-29T01:30+01:00', '2026-13-45T99:00Z', 'very-good', 'in-person',
  2 ** 60, 'tab\tand\nline\r\n', Array.from({ length: 51 }, (_, i) => (i % 2 ? 'carers' : 'bogus')), Array.from({ length: 51 }, () => 'carers'),
];

type Path = (string | number)[];
function paths(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
  return [prefix, ...children];
}
function edit(base: unknown, path: Path, to: unknown): unknown {
  const copy = structuredClone(base);
  if (!path.length) return to;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (to === DELETE) delete node[last];
  else node[last] = to;
  return copy;
}
const DELETE = Symbol('delete');

/** A message from a zod default (a check without a message of ours) reads 'invalid' in the kit. */
const normal = (message: string) => (message.split(':')[0]! in validationMessages ? message : 'invalid');
const summary = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => issues.map((i) => `${toPointer(i.path)} ${normal(i.message)}`);

type ZodLike = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } };
function agree(kit: Schema<unknown>, zod: ZodLike, input: unknown, label: string): boolean {
  const a = kit.safeParse(input);
  const b = zod.safeParse(input);
  assert.equal(a.success, b.success, `${label}: success differs (kit ${JSON.stringify(a.error?.issues.map((i: Issue) => i.message))}, zod ${JSON.stringify(b.error?.issues)})`);
  if (a.success) assert.deepEqual(a.data, b.data, `${label}: output differs`);
  else assert.deepEqual(summary(a.error.issues), summary(b.error!.issues), `${label}: issues differ`);
  return a.success;
}

/** Deterministic PRNG (mulberry32) so a failure is reproducible. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cases: [string, Schema<unknown>, ZodLike, unknown][] = [
  ['signup', SignupKit, Signup, signup],
  ['feedback with reply', FeedbackKit, Feedback, feedbackWithReply],
  ['anonymous feedback', FeedbackKit, Feedback, anonymousFeedback],
  ['meeting', MeetingKit, Meeting, meeting],
];

describe('schema kit and zod agree', () => {
  for (const [name, kit, zod, base] of cases) {
    test(`${name}: the valid payload, every path × every awkward value, deletions, unknown keys`, () => {
      assert.equal(agree(kit, zod, base, 'valid'), true, `${name} fixture is valid`);
      let failures = 0;
      for (const path of paths(base)) {
        for (const value of [...awkward, DELETE]) {
          if (!agree(kit, zod, edit(base, path, value), `${path.join('/')} = ${String(value).slice(0, 20)}`)) failures++;
        }
        if (path.length) agree(kit, zod, edit(base, [...path.slice(0, -1), 'unknownKey'], 'x'), `unknown key beside ${path.join('/')}`);
      }
      assert.ok(failures > 100, `most edits make ${name} invalid (${failures})`);
    });

    test(`${name}: 3,000 random combinations of 2-4 edits`, () => {
      const next = random(name.length * 7919);
      const all = paths(base).filter((p) => p.length);
      let valid = 0;
      for (let i = 0; i < 3000; i++) {
        let input: unknown = base;
        const edits = 2 + Math.floor(next() * 3);
        for (let e = 0; e < edits; e++) {
          const live = paths(input).filter((p) => p.length);
          const path = (live.length ? live : all)[Math.floor(next() * (live.length || all.length))]!;
          const value = next() < 0.1 ? DELETE : awkward[Math.floor(next() * awkward.length)];
          try {
            input = edit(input, path, value);
          } catch {
            /* the path no longer exists after an earlier edit: skip this edit */
          }
        }
        if (agree(kit, zod, input, `combination ${i}: ${JSON.stringify(input)?.slice(0, 300)}`)) valid++;
      }
      assert.ok(valid < 3000, 'combinations include invalid payloads');
    });
  }
});

describe('control characters: refused by the endpoint (zod) only, on purpose', () => {
  const controls = ['\u0000', 'a\u0000b', '\u0007', 'x\u001b[31m', 'del\u007f', '\u000b', '\u000c'];
  for (const [name, kit, zod, base] of cases) {
    test(`${name}: every free-text path with a control character fails on the server with its pointer`, () => {
      let checked = 0;
      for (const path of paths(base)) {
        if (typeof edit(base, path, DELETE) === 'undefined') continue;
        let node: unknown = base;
        for (const k of path) node = (node as Record<string | number, unknown>)[k];
        if (typeof node !== 'string' || ['service', 'rating', 'preferred', 'format', 'status', 'aboutYou'].includes(String(path.at(-1)))) continue;
        if (path.some((k) => typeof k === 'number')) continue; // enum lists
        for (const c of controls) {
          const input = edit(base, path, `${node}${c}`);
          const z = zod.safeParse(input);
          assert.equal(z.success, false, `${path.join('/')} + ${JSON.stringify(c)}`);
          assert.ok(z.error!.issues.some((i) => toPointer(i.path) === toPointer(path) && i.message === 'invalid'), `${path.join('/')}: ${JSON.stringify(z.error!.issues)}`);
          checked++;
        }
      }
      assert.ok(checked > 10, `${checked} checked`);
      if (name === 'signup') assert.equal(kit.safeParse(edit(base, ['name'], 'Sam\u0000')).success, true, 'the kit does not check: no widget bytes');
      const text = paths(base).find((p) => ['whatWentWell', 'accessNeedsOther', 'description'].includes(String(p.at(-1))));
      if (text) assert.equal(zod.safeParse(edit(base, text, 'a\tb\nc\r\n')).success, true, 'tab, LF and CR are text');
    });
  }
});
