import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { createRedis } from '../redis/redis.module';
import { JOB_QUEUE, JobHandlers, JobName, QUEUE_CONCURRENCY } from './jobs';
import { QueueService } from './queue.service';

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/**
 * Runs the queues' jobs in the worker process. Refuses to start when a job name has no
 * handler. The search index queue runs one job at a time across all workers, so two changes
 * of one record are applied in the order they were relayed.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueWorkers');
  private readonly workers: Worker[] = [];
  /** BullMQ does not close a connection it was given. */
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandlers,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = Object.values(JobName).filter(
      (name) => typeof (this.handlers as Partial<JobHandlers>)[name] !== 'function',
    );
    if (missing.length > 0) throw new Error(`No handler for job(s): ${missing.join(', ')}`);

    await this.queues.applyQueueSettings();
    for (const queueName of new Set(Object.values(JOB_QUEUE))) {
      const connection = createRedis(this.config, `worker:${queueName}`);
      this.connections.push(connection);
      const worker = new Worker(queueName, (job: Job) => this.run(job), {
        connection,
        prefix: this.config.redis.queuePrefix,
        concurrency: QUEUE_CONCURRENCY[queueName] ?? 1,
        // jobs take milliseconds: a worker that died mid-job hands it on within ~15 s
        lockDuration: 10_000,
        stalledInterval: 5_000,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          `Job ${job?.name ?? '?'} ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? 0}): ${error.message}`,
        ),
      );
      worker.on('error', (error) => this.logger.error(`Queue ${queueName}: ${error.message}`));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  private async run(job: Job): Promise<void> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.SyncSearchDocuments:
        return this.handlers[name](job.data as Parameters<JobHandlers[typeof name]>[0]);
      case JobName.FireFollowUp:
        return this.handlers[name](job.data as Parameters<JobHandlers[typeof name]>[0]);
      case JobName.SendEmail:
        return this.handlers[name](job.data as Parameters<JobHandlers[typeof name]>[0]);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  }
}
