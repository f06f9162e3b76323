import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfigModule } from './infra/config/config.module';
import { DatabaseModule } from './infra/database/database.module';
import { LoggingModule } from './infra/logging/logging.module';
import { OutboxRelay } from './infra/outbox/outbox-relay.service';
import { OutboxModule } from './infra/outbox/outbox.module';
import { OutboxService } from './infra/outbox/outbox.service';
import { JobHandlers, JobName } from './infra/queue/jobs';
import { JOB_HANDLERS, QueueWorkers } from './infra/queue/queue-workers.service';
import { QueueModule } from './infra/queue/queue.module';
import { REDIS, RedisModule } from './infra/redis/redis.module';
import { SearchModule } from './infra/search/search.module';
import { SearchIndexerService } from './modules/search/search-indexer.service';
import { SearchIndexingModule } from './modules/search/search-indexing.module';
import { EmailSender } from './infra/mail/email-sender.service';
import { FollowUpFiring } from './modules/follow-ups/follow-up-firing.service';
import { FollowUpsWorkerModule } from './modules/follow-ups/follow-ups-worker.module';

/** Fails the worker's start when Redis does not answer, instead of idling silently. */
@Injectable()
class WorkerReadiness implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.ping();
    this.logger.log('Worker connected to Redis and ready');
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`Worker stopping (${signal ?? 'shutdown'})`);
  }
}

/** The queue worker: no HTTP; relays the outbox, schedules follow-ups and runs the jobs. */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    SearchModule,
    OutboxModule,
    QueueModule,
    SearchIndexingModule,
    FollowUpsWorkerModule,
  ],
  providers: [
    WorkerReadiness,
    {
      provide: JOB_HANDLERS,
      inject: [SearchIndexerService, OutboxService, FollowUpFiring, EmailSender],
      useFactory: (
        indexer: SearchIndexerService,
        outbox: OutboxService,
        followUps: FollowUpFiring,
        emails: EmailSender,
      ): JobHandlers => ({
        [JobName.SyncSearchDocuments]: async (data) => {
          await indexer.sync(data);
          await outbox.markSynced(data.rows ?? []);
        },
        [JobName.FireFollowUp]: (data) => followUps.fireJob(data),
        [JobName.SendEmail]: (data) => emails.send(data.emailId),
      }),
    },
    QueueWorkers,
    OutboxRelay,
  ],
})
export class WorkerModule {}
