import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, 256 bits. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: linkTokenHash(token) };
}

/** What is stored of a token: its SHA-256 in hex. */
export function linkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isLinkTokenFormat(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}
