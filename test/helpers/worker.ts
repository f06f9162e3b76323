import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../src/infra/outbox/outbox-relay.service';
import { QueueName } from '../../src/infra/queue/jobs';
import { QueueService } from '../../src/infra/queue/queue.service';
import { WorkerModule } from '../../src/worker.module';

export interface TestWorker {
  app: INestApplicationContext;
  /** Resolves when every committed change has been relayed and indexed (its outbox row synced). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real worker (outbox relay + BullMQ workers) in the test process. */
export async function startWorker(dataSource: DataSource): Promise<TestWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  const relay = app.get(OutboxRelay);
  const queue = app.get(QueueService).queue(QueueName.SearchIndex);
  return {
    app,
    async settled() {
      for (let attempt = 0; attempt < 600; attempt++) {
        await relay.drain();
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const queued = Object.values(counts).reduce((sum, n) => sum + n, 0);
        const [{ pending }] = await dataSource.query<{ pending: number }[]>(
          `SELECT count(*)::int AS pending FROM outbox WHERE synced_at IS NULL`,
        );
        if (queued === 0 && pending === 0) return;
        await sleep(25);
      }
      throw new Error('The search index did not catch up within 15 s: is a sync job failing?');
    },
    close: () => app.close(),
  };
}
