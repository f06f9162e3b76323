import { Module } from '@nestjs/common';
import { AuditModule } from '../../infra/audit/audit.module';
import { ArrangementsController } from './arrangements.controller';
import { ArrangementsService } from './arrangements.service';

/** Arrangements around a placement, and the rules (with validity dates) that decide them. */
@Module({
  imports: [AuditModule],
  controllers: [ArrangementsController],
  providers: [ArrangementsService],
  exports: [ArrangementsService],
})
export class ArrangementsModule {}
