/**
 * The test endpoint is the real server app (test/endpoint/). Where the old mock (test/mock-endpoint/,
 * deleted) behaved otherwise, the tests now follow the server: spam is checked before validation
 * (a bot with bad answers gets 202, not 422); a POST must be JSON (415) with a well-formed key;
 * `GET /options` answers {} rather than 404; `GET /meetings` serves only valid stored meetings,
 * from now on, ordered, 50 a page, with an ETag computed from the body (a broken or oversized feed
 * is a `feed` of the fault layer); records hold the validated payload without honeypot/elapsedMs.
 */
import { expect } from '@open-wc/testing';
import { ENDPOINT, mockState, resetMock } from './helpers.js';

describe('test endpoint (the real server app)', () => {
  it('rejects a POST without Idempotency-Key, or not sent as JSON, and records the requests', async () => {
    await resetMock();
    const noKey = await fetch(`${ENDPOINT}/signups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noKey.status).to.equal(400);
    expect((await noKey.json()).type).to.match(/idempotency-key-missing$/);
    const notJson = await fetch(`${ENDPOINT}/signups`, { method: 'POST', headers: { 'idempotency-key': '"k1"' }, body: '{}' });
    expect(notJson.status).to.equal(415);
    const state = await mockState();
    expect(state.requests.map((r) => r.status)).to.deep.equal([400, 415]);
    expect(state.records).to.have.length(0);
  });
});

describe('test endpoint: where the old mock differed from the real server', () => {
  const post = (body: unknown, key: string) =>
    fetch(`${ENDPOINT}/signups`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `"${key}"` }, body: JSON.stringify(body) });

  it('a bot with bad answers gets 202 and nothing is stored (spam is checked before validation: no field errors to learn from)', async () => {
    await resetMock();
    const res = await post({ name: '', honeypot: 'http://spam.example', elapsedMs: 5000 }, 'bot-1');
    expect(res.status).to.equal(202);
    expect((await mockState()).records).to.have.length(0);
    const person = await post({ name: '', honeypot: '', elapsedMs: 5000 }, 'person-1');
    expect(person.status).to.equal(422); // the same bad answers from a person: field errors
  });

  it('GET /options answers {} when the server has no lists to give (not 404)', async () => {
    await resetMock();
    const res = await fetch(`${ENDPOINT}/options`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({});
  });
});
