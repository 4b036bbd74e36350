import { expect } from '@open-wc/testing';
import { ENDPOINT, mockState, resetMock } from './helpers.js';

describe('mock endpoint', () => {
  it('rejects a POST without Idempotency-Key and records the request', async () => {
    await resetMock();
    const res = await fetch(`${ENDPOINT}/signups`, { method: 'POST', body: '{}' });
    expect(res.status).to.equal(400);
    expect((await mockState()).requests).to.have.length(1);
  });
});
