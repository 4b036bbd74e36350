/**
 * The fault matrix of issue 3: whatever the network or server does, each ends with exactly one
 * stored sign-up, every try of one submission uses the same Idempotency-Key and bytes, and the
 * typed answers are never lost. The endpoint is the real server app (test/endpoint/) behind a fault
 * layer; `records` are what its storage holds afterwards.
 */
import { expect } from '@open-wc/testing';
import { mockControl, mockState, resetMock, waitUntil } from '../helpers.js';
import { $, activeId, clearSession, input, setOnline, signupFixture, text, validAnswers } from './signup-fixture.js';
import type { InvolveSignup } from '../../src/components/involve-signup/involve-signup.js';

async function expectOneRecordFromOneSubmission(name = validAnswers.name) {
  const state = await mockState();
  expect(state.records, 'records the server stored').to.have.length(1);
  expect(state.records[0]!.kind).to.equal('signups');
  expect(state.records[0]!.body.name, 'the person\'s answers').to.equal(name);
  const posts = state.requests.filter((r) => r.method === 'POST');
  expect(new Set(posts.map((p) => p.key)).size, 'one Idempotency-Key').to.equal(1);
  expect(new Set(posts.map((p) => p.body)).size, 'identical bytes on every try').to.equal(1);
  expect(posts[0]!.key).to.match(/^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
  return { state, posts };
}

async function expectSuccessShown(el: InvolveSignup) {
  await waitUntil(() => $(el, '[part=success]'), 'success panel');
  expect(text(el, '[data-focus=success]')).to.equal('You have joined the involvement register');
  expect(activeId(el)).to.equal('success');
}

describe('<involve-signup> fault matrix', () => {
  beforeEach(async () => {
    clearSession();
    setOnline(true);
    await resetMock();
  });
  after(() => setOnline(true));

  it('503 twice then 201: retries with backoff, says it is still trying, stores one', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 503 }, { status: 503 }] });
    const sending = el.submit();
    await waitUntil(() => text(el, '[role=status]').includes('Still trying to send'), 'retry message');
    expect((await sending).ok).to.equal(true);
    const { posts } = await expectOneRecordFromOneSubmission();
    expect(posts).to.have.length(3);
    await expectSuccessShown(el);
  });

  it('a timeout then 201 (the slow first request is stored too late): one record', async () => {
    const el = await signupFixture();
    el.retryPolicy = { timeoutMs: 300, baseDelayMs: 400, maxDelayMs: 800, tries: 5, minElapsedMs: 0 };
    el.prefill(validAnswers);
    await mockControl({ faults: [{ delayMs: 1200 }] });
    expect((await el.submit()).ok).to.equal(true);
    await new Promise((r) => setTimeout(r, 1300)); // let the slow first request finish on the server
    const { posts } = await expectOneRecordFromOneSubmission();
    expect(posts.length).to.be.greaterThan(1);
    // The retries met the first request still holding the key: the server's own 409, or its replay.
    expect(posts.slice(1).map((p) => p.status).every((s) => s === 409 || s === 201), 'retries answered 409 or replayed').to.equal(true);
    await expectSuccessShown(el);
  });

  it('a response lost after the server stored it: the retry is replayed, not stored again', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ afterStore: true, status: 502 }] });
    const result = await el.submit();
    expect(result.ok).to.equal(true);
    await expectOneRecordFromOneSubmission();
  });

  it('429 with Retry-After in seconds: tells the person, waits, retries automatically', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 429, headers: { 'Retry-After': '1' } }] });
    const started = performance.now();
    const sending = el.submit();
    await waitUntil(() => text(el, '[role=status]').includes('We will try again in 1 seconds'), 'rate-limit message');
    expect((await sending).ok).to.equal(true);
    expect(performance.now() - started).to.be.greaterThan(950);
    await expectOneRecordFromOneSubmission();
  });

  it('429 with Retry-After as an HTTP date is honoured too', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    const when = new Date(Date.now() + 2000).toUTCString();
    await mockControl({ faults: [{ status: 429, headers: { 'Retry-After': when } }] });
    const started = performance.now();
    expect((await el.submit()).ok).to.equal(true);
    expect(performance.now() - started).to.be.greaterThan(900);
    await expectOneRecordFromOneSubmission();
  });

  it('429 asking for a longer wait than we sit out: says so, keeps the answers, Try again sends once', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 429, headers: { 'Retry-After': '3600' } }] });
    const result = await el.submit();
    expect(result).to.deep.include({ ok: false, kind: 'rate-limited', status: 429 });
    expect(text(el, '[data-focus=failed]')).to.contain('Lots of people are sending forms right now. Your answers are still here.');
    expect(input(el, 'name').value).to.equal('Asha Patel');
    $<HTMLButtonElement>(el, '[data-focus=failed] button')!.click();
    await expectSuccessShown(el);
    await expectOneRecordFromOneSubmission();
  });

  it('409 (first request still in flight): waits and retries with the same key', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 409 }] });
    expect((await el.submit()).ok).to.equal(true);
    const { posts } = await expectOneRecordFromOneSubmission();
    expect(posts).to.have.length(2);
  });

  it('two real requests with one key at once: the server answers 409 to the second, and still one record', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    el.retryPolicy = { timeoutMs: 200, baseDelayMs: 300, maxDelayMs: 600, tries: 6, minElapsedMs: 0 };
    // The first request holds the key "in flight" for 900 ms; our timeout re-sends meanwhile.
    await mockControl({ faults: [{ delayMs: 900, afterStore: true, status: 201, body: { id: 'late' } }] });
    expect((await el.submit()).ok).to.equal(true);
    await new Promise((r) => setTimeout(r, 1000));
    const { posts } = await expectOneRecordFromOneSubmission();
    expect(posts.map((p) => p.status), 'the real server answered 409 request-in-progress').to.include(409);
  });

  it('503 three times: "We could not send this" with Try again; answers stay; Try again sends once', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 503 }, { status: 503 }, { status: 503 }] });
    const errors: string[] = [];
    el.addEventListener('involve-error', (e) => errors.push(e.detail.kind));
    const result = await el.submit();
    expect(result).to.deep.include({ ok: false, kind: 'server', status: 503 });
    expect(errors).to.deep.equal(['server']);
    expect(text(el, '[data-focus=failed]')).to.contain('We could not send this');
    expect(activeId(el)).to.equal('failed');
    expect(input(el, 'name').value).to.equal('Asha Patel');
    expect(input(el, 'accessNeedsOther').value).to.equal(validAnswers.accessNeedsOther);
    $<HTMLButtonElement>(el, '[data-focus=failed] button')!.click();
    await expectSuccessShown(el);
    await expectOneRecordFromOneSubmission();
  });

  it('a dropped connection is a network error: retried, then stored once', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ drop: true }] });
    expect((await el.submit()).ok).to.equal(true);
    await expectOneRecordFromOneSubmission();
  });

  it('offline: queued in this tab (involve-queued), nothing sent; back online it sends once and shows success', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    const queued: unknown[] = [];
    el.addEventListener('involve-queued', (e) => queued.push(e.detail));
    setOnline(false);
    const result = await el.submit();
    expect(result).to.deep.equal({ ok: false, kind: 'queued' });
    expect(queued).to.have.length(1);
    expect(text(el, '[data-focus=queued]')).to.contain('You are offline');
    expect((await mockState()).posts).to.have.length(0);
    expect(JSON.parse(sessionStorage.getItem('involve-widgets:outbox')!)).to.have.length(1);
    setOnline(true);
    await expectSuccessShown(el);
    await expectOneRecordFromOneSubmission();
    expect(JSON.parse(sessionStorage.getItem('involve-widgets:outbox')!)).to.have.length(0);
  });

  it('editing an answer after a failure makes a new submission with a new key', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 503 }, { status: 503 }, { status: 503 }] });
    await el.submit();
    el.prefill({ name: 'Asha K Patel' });
    expect((await el.submit()).ok).to.equal(true);
    const state = await mockState();
    const keys = new Set(state.posts.map((r) => r.key));
    expect(keys.size).to.equal(2);
    expect(state.records).to.have.length(1);
    expect((state.records[0]!.body as { name: string }).name).to.equal('Asha K Patel');
  });

  it('422 idempotency-key-reused: sends once more under a new key', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 422, body: { type: 'https://x/problems/idempotency-key-reused', title: 'reused', status: 422 } }] });
    expect((await el.submit()).ok).to.equal(true);
    const state = await mockState();
    expect(new Set(state.posts.map((r) => r.key)).size).to.equal(2);
    expect(state.records).to.have.length(1);
  });

  it('queued offline, then edited and sent again while still offline: only the edited answers are stored', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    setOnline(false);
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'queued' });
    el.prefill({ name: 'Asha K Patel' });
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'queued' });
    expect(JSON.parse(sessionStorage.getItem('involve-widgets:outbox')!)).to.have.length(1);
    setOnline(true);
    await expectSuccessShown(el);
    await expectOneRecordFromOneSubmission('Asha K Patel');
  });

  it('reset() while queued throws the answers away: nothing is sent when the connection is back', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    setOnline(false);
    expect(await el.submit()).to.deep.equal({ ok: false, kind: 'queued' });
    el.reset();
    setOnline(true);
    await new Promise((r) => setTimeout(r, 300));
    const state = await mockState();
    expect(state.posts).to.have.length(0);
    expect(state.records, 'nothing stored').to.have.length(0);
    expect(JSON.parse(sessionStorage.getItem('involve-widgets:outbox') ?? '[]')).to.have.length(0);
  });

  it('submit() again after success answers with the same result and sends nothing more, until reset()', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    const first = await el.submit();
    expect(first.ok).to.equal(true);
    expect(await el.submit()).to.deep.equal(first);
    await expectOneRecordFromOneSubmission();
    el.reset();
    el.prefill(validAnswers);
    expect((await el.submit()).ok).to.equal(true);
    expect((await mockState()).records).to.have.length(2);
  });

  it('a 400 or 422 with nothing the person can fix says "We could not send this" (our side), not an error summary', async () => {
    const el = await signupFixture();
    el.prefill(validAnswers);
    await mockControl({ faults: [{ status: 400 }] });
    const result = await el.submit();
    expect(result).to.deep.include({ ok: false, kind: 'server', status: 400 });
    expect($(el, '[part=error-summary]')).to.equal(null);
    expect(text(el, '[data-focus=failed]')).to.contain('Something went wrong on our side, not yours');
    expect(activeId(el)).to.equal('failed');
    const attribution = { type: 'https://x/problems/validation', title: 'Check', status: 422, errors: [{ pointer: '/source/partner', detail: 'Too long' }] };
    await mockControl({ faults: [{ status: 422, body: attribution }] });
    expect(await el.submit()).to.deep.include({ ok: false, kind: 'server', status: 422 });
    expect($(el, '[part=error-summary]')).to.equal(null);
    expect(el.values.name).to.equal('Asha Patel');
    expect((await mockState()).records, 'nothing stored').to.have.length(0);
    $<HTMLButtonElement>(el, '[data-focus=failed] button')!.click(); // Try again, with the server answering
    await expectSuccessShown(el);
    await expectOneRecordFromOneSubmission();
  });
});
