/** Phone numbers in one spelling, so erasure finds a person however the number was written. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalisePhone } from '../phone.js';

test('the same UK number written differently comes out the same, in national form', () => {
  for (const raw of [
    '07700900982', '07700 900982', '07700 900 982', '07700-900-982', '07700.900.982', '(07700) 900982',
    '+447700900982', '+44 7700 900982', '+44 (0)7700 900982', '+44(0)7700-900982', '0044 7700-900982',
    '0044 (0) 7700 900982', ' 07700\t900982 ',
  ]) {
    assert.equal(normalisePhone(raw), '07700900982', raw);
  }
  assert.equal(normalisePhone('+44 24 7696 0000'), '02476960000');
  assert.equal(normalisePhone('024 7696 0000'), '02476960000');
});

test('other countries keep a leading + and digits only', () => {
  assert.equal(normalisePhone('+33 1 23 45 67 89'), '+33123456789');
  assert.equal(normalisePhone('0033 (1) 23-45-67-89'), '+33123456789', '00 is the international prefix');
  assert.equal(normalisePhone('+1 (555) 010-9999'), '+15550109999');
  assert.notEqual(normalisePhone('+33 7700 900982'), normalisePhone('07700 900982'));
});

test('not a usable number: null', () => {
  assert.equal(normalisePhone(''), null);
  assert.equal(normalisePhone('   '), null);
  assert.equal(normalisePhone('12345'), null, 'under 7 digits');
  assert.equal(normalisePhone('+44 12 34'), null, 'under 7 digits once +44 is read');
  assert.equal(normalisePhone('123456'), null);
  assert.equal(normalisePhone('1234567'), '1234567', '7 digits is enough');
  assert.equal(normalisePhone('person@example.org'), null);
  assert.equal(normalisePhone('07700 900982 ext 12'), null);
  assert.equal(normalisePhone('07700+900982'), null, '+ only at the start');
  assert.equal(normalisePhone('+'), null);
  assert.equal(normalisePhone('1'.repeat(16)), null, 'longer than any phone number');
});
