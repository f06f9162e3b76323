import { Module } from '@nestjs/common';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { JobhuntingController } from './jobhunting.controller';
import { JobhuntingService } from './jobhunting.service';

/** jobhuntverzoeken: targeted jobhunting for one client, with history, activities and follow-ups. */
@Module({
  imports: [FollowUpsModule],
  controllers: [JobhuntingController],
  providers: [JobhuntingService],
})
export class JobhuntingModule {}
