import { Logger, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const REDIS = Symbol('REDIS');

/** Creates a Redis connection from the configured URL; BullMQ needs maxRetriesPerRequest null. */
export function createRedis(config: AppConfig, name: string): Redis {
  const redis = new Redis(config.redis.url, {
    maxRetriesPerRequest: null,
    connectionName: `werkspoor45:${name}`,
  });
  // ioredis reconnects by itself; without a listener each failed attempt is an unhandled error
  const logger = new Logger('Redis');
  redis.on('error', (error: Error) => logger.warn(`${name}: ${error.message}`));
  return redis;
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedis(config, 'app'),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
