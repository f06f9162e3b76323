import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { REDIS } from '../../infra/redis/redis.module';

/**
 * Counts failed logins per account and per client address in Redis. Past the limit, further
 * attempts are refused (429 with Retry-After) until the window expires, even with the right
 * password, so guessing does not pay.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [accountFailures, ipFailures] = await this.redis.mget(
      this.accountKey(email),
      this.ipKey(ip),
    );
    const { loginMaxFailures, loginMaxFailuresPerIp } = this.config.auth;
    if (
      Number(accountFailures ?? 0) >= loginMaxFailures ||
      Number(ipFailures ?? 0) >= loginMaxFailuresPerIp
    ) {
      const ttl = await this.redis.ttl(this.accountKey(email));
      const retryAfterSeconds = ttl > 0 ? ttl : this.config.auth.loginLockSeconds;
      throw new DomainException(
        ErrorCode.TooManyAttempts,
        `Too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes or ask a coordinator to reset the password`,
        { retryAfterSeconds },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.auth.loginLockSeconds;
    await this.redis
      .multi()
      .incr(this.accountKey(email))
      .expire(this.accountKey(email), window)
      .incr(this.ipKey(ip))
      .expire(this.ipKey(ip), window)
      .exec();
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email));
  }

  private accountKey(email: string): string {
    return `${this.config.redis.queuePrefix}:login-failures:account:${digest(email)}`;
  }

  private ipKey(ip: string): string {
    return `${this.config.redis.queuePrefix}:login-failures:ip:${digest(ip)}`;
  }
}

/** Keys hold a digest, so Redis never contains e-mail addresses. */
function digest(value: string): string {
  return createHash('sha256').update(value.toLowerCase()).digest('hex').slice(0, 32);
}
