import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from './infra/audit/audit.module';
import { AuthModule } from './infra/auth/auth.module';
import { AppConfigModule } from './infra/config/config.module';
import { DatabaseModule } from './infra/database/database.module';
import { HealthModule } from './infra/health/health.module';
import { HttpExceptionFilter } from './infra/http/http-exception.filter';
import { LoggingModule } from './infra/logging/logging.module';
import { RedisModule } from './infra/redis/redis.module';
import { SearchModule } from './infra/search/search.module';
import { AccountsModule } from './modules/accounts/accounts.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    SearchModule,
    AuditModule,
    AuthModule,
    HealthModule,
    AccountsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
