import { hashBsn, isValidBsn } from './bsn';

describe('BSN 11-proef', () => {
  it.each(['111222333', '123456782', '999999990', '010000008'])('accepts %s', (bsn) => {
    expect(isValidBsn(bsn)).toBe(true);
  });

  it.each([
    ['one digit off', '123456781'],
    ['two digits swapped', '213456782'],
    ['eight digits', '12345678'],
    ['ten digits', '1234567820'],
    ['letters', '12345678a'],
    ['spaces', '123 456 782'],
    ['all zeros', '000000000'],
    ['empty', ''],
  ])('refuses %s', (_case, bsn) => {
    expect(isValidBsn(bsn)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isValidBsn(123456782)).toBe(false);
    expect(isValidBsn(null)).toBe(false);
  });

  it('hashes with the pepper: the same BSN matches, another pepper does not', () => {
    const pepper = 'a-pepper-of-at-least-thirty-two-characters';
    const hash = hashBsn('111222333', pepper);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('111222333');
    expect(hashBsn('111222333', pepper)).toBe(hash);
    expect(hashBsn('123456782', pepper)).not.toBe(hash);
    expect(hashBsn('111222333', `${pepper}-other`)).not.toBe(hash);
  });
});
