import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../auth/access.decorator';
import { REDIS } from '../redis/redis.module';
import { SEARCH_ENGINE, SearchEngine } from '../search/search-engine';

const TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

/** Liveness and readiness: database, Redis and the search engine, each with a timeout. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: TIMEOUT_MS }),
      () => this.probe('redis', () => this.redis.ping()),
      () => this.probe('search', () => this.search.health(), { engine: this.search.kind }),
    ]);
  }

  private async probe(
    key: string,
    call: () => Promise<unknown>,
    data: Record<string, string> = {},
  ) {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(call(), key);
      return indicator.up(data);
    } catch (error) {
      return indicator.down({
        ...data,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
