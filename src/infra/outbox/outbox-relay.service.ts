import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobName, JobRequest } from '../queue/jobs';
import { QueueService } from '../queue/queue.service';
import { OutboxTopic } from './outbox.entity';

const BATCH = 500;
/** Polling is the safety net; LISTEN/NOTIFY wakes the relay at once on commit. */
const POLL_MS = 1000;
const PRUNE_AFTER = '1 day';

interface PendingRow {
  id: string;
  topic: OutboxTopic;
  aggregate_id: string;
}

/**
 * Turns committed outbox rows into BullMQ jobs. Rows are claimed with FOR UPDATE SKIP LOCKED
 * (several workers may run), enqueued with a job id derived from the rows, and marked relayed
 * in the same transaction: a crash before the commit leaves them pending, and re-enqueueing the
 * same rows adds nothing new or, at worst, syncs the same records twice (harmless: the indexer
 * reloads by id).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.database.url });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`Outbox listener: ${error.message}`));
    await this.listener.connect();
    await this.listener.query('LISTEN outbox');
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /** Relays everything pending now; resolves when the outbox is empty (used by tests too). */
  async drain(): Promise<void> {
    while ((await this.relayBatch()) === BATCH);
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => this.prune())
      .catch((error: Error) => this.logger.warn(`Outbox relay: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<PendingRow[]>(
        `SELECT id, topic, aggregate_id FROM outbox WHERE relayed_at IS NULL
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      await this.queues.addBulk(toJobs(rows));
      await manager.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3600_000) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM outbox WHERE relayed_at < now() - $1::interval`, [
      PRUNE_AFTER,
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}

/** One job per topic and batch; its id names the outbox rows it carries. */
function toJobs(rows: PendingRow[]): JobRequest[] {
  const byTopic = new Map<OutboxTopic, PendingRow[]>();
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
  return [...byTopic].map(([topic, topicRows]) => ({
    name: JobName.SyncSearchDocuments,
    data: { topic, ids: [...new Set(topicRows.map((row) => row.aggregate_id))] },
    jobId: `${topic}-${topicRows[0].id}-${topicRows[topicRows.length - 1].id}`,
  }));
}
