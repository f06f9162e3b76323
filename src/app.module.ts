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
import { OutboxModule } from './infra/outbox/outbox.module';
import { SearchModule } from './infra/search/search.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { CandidatesModule } from './modules/candidates/candidates.module';
import { EmployersModule } from './modules/employers/employers.module';
import { JobhuntingModule } from './modules/jobhunting/jobhunting.module';
import { FollowUpsModule } from './modules/follow-ups/follow-ups.module';
import { NominationsModule } from './modules/nominations/nominations.module';
import { ShortlistsModule } from './modules/shortlists/shortlists.module';
import { PlacementsModule } from './modules/placements/placements.module';
import { SearchApiModule } from './modules/search/search-api.module';
import { ArrangementsModule } from './modules/arrangements/arrangements.module';
import { MatchingModule } from './modules/matching/matching.module';
import { TransitionsModule } from './modules/matching/transitions.module';
import { TaxonomyModule } from './modules/taxonomy/taxonomy.module';
import { VacanciesModule } from './modules/vacancies/vacancies.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    SearchModule,
    OutboxModule,
    AuditModule,
    AuthModule,
    HealthModule,
    AccountsModule,
    TaxonomyModule,
    TransitionsModule,
    MatchingModule,
    ArrangementsModule,
    // before the modules with /:id routes: /candidates/search must not be read as an id
    SearchApiModule,
    EmployersModule,
    VacanciesModule,
    CandidatesModule,
    NominationsModule,
    PlacementsModule,
    JobhuntingModule,
    ShortlistsModule,
    FollowUpsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
