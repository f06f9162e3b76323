import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfigModule } from './infra/config/config.module';
import { DatabaseModule } from './infra/database/database.module';
import { LoggingModule } from './infra/logging/logging.module';
import { REDIS, RedisModule } from './infra/redis/redis.module';
import { SearchModule } from './infra/search/search.module';

/** Fails the worker's start when Redis does not answer, instead of idling silently. */
@Injectable()
class WorkerReadiness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.ping();
    this.logger.log('Worker connected to Redis and ready');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Worker stopping (${signal ?? 'shutdown'})`);
  }
}

/** The queue worker: no HTTP, same configuration, database and Redis as the API. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, RedisModule, SearchModule],
  providers: [WorkerReadiness],
})
export class WorkerModule {}
