import { Module } from '@nestjs/common';
import { MailModule } from '../../infra/mail/mail.module';
import { FollowUpFiring } from './follow-up-firing.service';
import { FollowUpScheduler } from './follow-up-scheduler.service';

/** The worker's side of follow-ups: scheduling their jobs, reconciling, firing, mailing. */
@Module({
  imports: [MailModule],
  providers: [FollowUpFiring, FollowUpScheduler],
  exports: [FollowUpFiring, FollowUpScheduler, MailModule],
})
export class FollowUpsWorkerModule {}
