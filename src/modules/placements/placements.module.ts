import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import {
  CandidateOutcomesController,
  PlacementsController,
  TrialPlacementsController,
} from './placements.controller';
import { PlacementsService } from './placements.service';
import { TrialPlacementsService } from './trial-placements.service';

/** Trial placements, placements (hires) and the outcome measures per client. */
@Module({
  imports: [FollowUpsModule],
  controllers: [TrialPlacementsController, PlacementsController, CandidateOutcomesController],
  providers: [TrialPlacementsService, PlacementsService],
  exports: [TrialPlacementsService, PlacementsService],
})
export class PlacementsModule {}
