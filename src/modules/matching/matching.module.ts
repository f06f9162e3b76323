import { Module } from '@nestjs/common';
import { AuditModule } from '../../infra/audit/audit.module';
import { CareerPaths } from './career-paths';
import { EmployerProspects } from './employer-prospects';
import { MatchPool } from './match-pool';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';
import { TransitionsModule } from './transitions.module';

/** Vacancy -> candidates, candidate -> vacancies and employers, and career paths. */
@Module({
  imports: [AuditModule, TransitionsModule],
  controllers: [MatchingController],
  providers: [MatchingService, EmployerProspects, CareerPaths, MatchPool],
  exports: [MatchingService],
})
export class MatchingModule {}
