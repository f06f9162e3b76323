import { createHmac } from 'node:crypto';

const BSN_PATTERN = /^\d{9}$/;
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

/**
 * The Dutch 11-proef (elfproef) for a citizen service number (burgerservicenummer, BSN):
 * nine digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11. All zeros is refused.
 */
export function isValidBsn(value: unknown): value is string {
  if (typeof value !== 'string' || !BSN_PATTERN.test(value) || /^0+$/.test(value)) return false;
  const sum = [...value].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return sum % 11 === 0;
}

/**
 * The only form in which a BSN is stored: HMAC-SHA256 with a server-side pepper, so equal BSNs
 * can be found (one profile per person) while the database alone cannot reveal them.
 */
export function hashBsn(bsn: string, pepper: string): string {
  return createHmac('sha256', pepper).update(bsn, 'utf8').digest('hex');
}
