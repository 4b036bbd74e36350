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
