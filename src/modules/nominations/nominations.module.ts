import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { PlacementsModule } from '../placements/placements.module';
import { NominationsController, ReportsController } from './nominations.controller';
import { NominationsService } from './nominations.service';
import { RejectionReportService } from './rejection-report.service';

/** voordrachten with their lifecycle, and the rejection report. */
@Module({
  imports: [EmployersModule, FollowUpsModule, PlacementsModule],
  controllers: [NominationsController, ReportsController],
  providers: [NominationsService, RejectionReportService],
  exports: [NominationsService],
})
export class NominationsModule {}
