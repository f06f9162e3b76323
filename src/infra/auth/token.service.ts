import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Role } from './role';

export interface TokenClaims {
  sub: string;
  role: Role;
}

/** Signs and verifies expiring bearer tokens (HS256). */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({
      // a key object, not the string: jsonwebtoken would otherwise try to parse the string as
      // a public key on every verification and throw (a third of a millisecond per request)
      secret: createSecretKey(Buffer.from(config.auth.tokenSecret, 'utf8')),
      signOptions: {
        algorithm: 'HS256',
        expiresIn: config.auth.tokenTtlSeconds,
        issuer: 'werkspoor45',
      },
      verifyOptions: { algorithms: ['HS256'], issuer: 'werkspoor45' },
    });
  }

  get ttlSeconds(): number {
    return this.config.auth.tokenTtlSeconds;
  }

  sign(claims: TokenClaims): string {
    return this.jwt.sign({ ...claims });
  }

  /** Returns the claims, or null for a missing, malformed, forged or expired token. */
  verify(token: string): TokenClaims | null {
    try {
      const payload = this.jwt.verify<TokenClaims & { exp: number }>(token);
      return typeof payload.sub === 'string' && typeof payload.role === 'string' ? payload : null;
    } catch {
      return null;
    }
  }
}
