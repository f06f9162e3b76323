import { Module } from '@nestjs/common';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';

/**
 * Follow-ups (opvolging): other modules schedule, cancel and notify through FollowUpsService
 * inside their own transactions; people see and handle them through the API; the worker fires
 * them (FollowUpsWorkerModule).
 */
@Module({
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
