import { isLinkTokenFormat, linkTokenHash, newLinkToken } from './shortlist-tokens';

describe('shortlist link tokens', () => {
  it('are random, URL-safe and kept only as a hash', () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a.token).not.toBe(b.token);
    expect(isLinkTokenFormat(a.token)).toBe(true);
    expect(a.hash).toBe(linkTokenHash(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses anything that is not a token before looking it up', () => {
    expect(isLinkTokenFormat('')).toBe(false);
    expect(isLinkTokenFormat('../../etc/passwd')).toBe(false);
    expect(isLinkTokenFormat(`${newLinkToken().token}x`)).toBe(false);
  });
});
