import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { createRedis } from '../redis/redis.module';
import { GLOBAL_CONCURRENCY, JOB_QUEUE, JobRequest, QueueName } from './jobs';

/** Retries with backoff; finished jobs are pruned by age and count. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Puts jobs on their queue. One BullMQ Queue per queue name, sharing one connection. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly connection;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = createRedis(config, 'queue-producer');
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.redis.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Writes the queue settings that live in Redis (GLOBAL_CONCURRENCY); safe to repeat. */
  async applyQueueSettings(): Promise<void> {
    for (const [name, concurrency] of Object.entries(GLOBAL_CONCURRENCY) as [QueueName, number][])
      await this.queue(name).setGlobalConcurrency(concurrency);
  }

  /** Adds jobs; a job whose id is already on the queue is not added again. */
  async addBulk(jobs: JobRequest[]): Promise<void> {
    const byQueue = new Map<QueueName, JobRequest[]>();
    for (const job of jobs) {
      const queueName = JOB_QUEUE[job.name];
      const forQueue = byQueue.get(queueName);
      if (forQueue) forQueue.push(job);
      else byQueue.set(queueName, [job]);
    }
    for (const [queueName, requests] of byQueue) {
      await this.queue(queueName).addBulk(
        requests.map(({ name, data, jobId, delay }) => ({
          name,
          data,
          opts: delay ? { jobId, delay } : { jobId },
        })),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }
}
