/** Validation messages and numbers as en-GB writes them, without Intl in the browser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messageText } from '../../src/schema/messages.js';
import { groupDigits } from '../../src/schema/numbers.js';

test('groupDigits writes whole numbers exactly as en-GB toLocaleString does', () => {
  const samples = [0, 1, 12, 999, 1000, 5000, 12_345, 100_000, 999_999, 1_000_000, 123_456_789, 2 ** 31, Number.MAX_SAFE_INTEGER];
  for (let i = 0; i < 2000; i++) samples.push(Math.floor(Math.random() * 10 ** (1 + (i % 12))));
  for (const n of [...samples, ...samples.filter(Boolean).map((x) => -x)]) assert.equal(groupDigits(n), n.toLocaleString('en-GB'), String(n));
  assert.equal(groupDigits(1234.6), '1,235'); // rounded, as the counts and seconds it writes are whole
});

test('messageText fills the limit in a length message', () => {
  assert.equal(messageText('textTooLong:5000'), 'Your answer must be 5,000 characters or fewer');
  assert.equal(messageText('nameMissing'), 'Enter your full name');
  assert.equal(messageText('no-such-key'), 'no-such-key');
});
