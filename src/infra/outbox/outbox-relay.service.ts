import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JobName, JobRequest } from '../queue/jobs';
import { QueueService } from '../queue/queue.service';
import { REDIS } from '../redis/redis.module';
import { OutboxTopic } from './outbox.entity';

const BATCH = 500;
/** Polling is the safety net; LISTEN/NOTIFY wakes the relay at once on commit. */
const POLL_MS = 1000;
/** Synced rows are kept this long (to see what changed), unsynced ones until they are synced. */
const PRUNE_AFTER = '1 day';

interface PendingRow {
  id: string;
  topic: OutboxTopic;
  aggregate_id: string;
  relays: number;
}

/**
 * Turns committed outbox rows into BullMQ jobs. Rows are claimed with FOR UPDATE SKIP LOCKED
 * (several workers may run), enqueued with a job id derived from the rows, and marked relayed
 * in the same transaction: a crash before the commit leaves them pending, and re-enqueueing the
 * same rows adds nothing new or, at worst, syncs the same records twice (harmless: the indexer
 * reloads by id).
 *
 * A job can still be lost after the commit: Redis flushed or restarted without persistence, or
 * the job failing all its attempts (the engine down for longer than its backoff). The indexer
 * marks rows synced when their job succeeds, so a row relayed but not synced after
 * SEARCH_RESYNC_SECONDS is relayed again, as a new job; and when the marker key this relay
 * keeps in Redis is gone (Redis lost its data), every unsynced row is relayed again at once.
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
  private readonly markerKey: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: QueueService,
  ) {
    this.markerKey = `${config.redis.queuePrefix}:outbox-relay:marker`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.database.url });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`Outbox listener: ${error.message}`));
    await this.listener.connect();
    await this.listener.query('LISTEN outbox');
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  /**
   * Relays every row not relayed yet, and those relayed long enough ago without being synced (or
   * all unsynced ones when Redis lost the marker); resolves when none is left (tests use it too).
   */
  async drain(): Promise<void> {
    const resyncSeconds = (await this.redisLostItsData()) ? 0 : this.config.search.resyncSeconds;
    // relayed before this moment: rows this drain relays are not taken up again by it
    const [{ cutoff }] = await this.dataSource.query<{ cutoff: string }[]>(
      `SELECT (clock_timestamp() - make_interval(secs => $1))::text AS cutoff`,
      [resyncSeconds],
    );
    while ((await this.relayBatch(cutoff)) === BATCH);
  }

  /** True once after Redis lost its data (or on the first start): the marker key is missing. */
  private async redisLostItsData(): Promise<boolean> {
    // SET NX answers null when the key was there
    const created = await this.redis.set(this.markerKey, String(Date.now()), 'NX');
    if (created === null) return false;
    this.logger.warn(
      'Redis holds no relay marker (first start, flush or restart): relaying every unsynced change again',
    );
    return true;
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

  private async relayBatch(relayedBefore: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<PendingRow[]>(
        `SELECT id, topic, aggregate_id, relays FROM outbox
         WHERE synced_at IS NULL
           AND (relayed_at IS NULL OR relayed_at < $2::timestamptz)
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH, relayedBefore],
      );
      if (rows.length === 0) return 0;
      await this.queues.addBulk(toJobs(rows));
      await manager.query(
        `UPDATE outbox SET relayed_at = now(), relays = relays + 1 WHERE id = ANY($1::bigint[])`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3600_000) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM outbox WHERE synced_at < now() - $1::interval`, [
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

/**
 * One job per topic and batch; its id names the outbox rows it carries and how often they were
 * relayed (a relay again is a new job even while the lost one's id is still known to BullMQ).
 */
function toJobs(rows: PendingRow[]): JobRequest[] {
  const byTopic = new Map<OutboxTopic, PendingRow[]>();
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
  return [...byTopic].map(([topic, topicRows]) => {
    const relay = Math.max(...topicRows.map((row) => row.relays)) + 1;
    return {
      name: JobName.SyncSearchDocuments,
      data: {
        topic,
        ids: [...new Set(topicRows.map((row) => row.aggregate_id))],
        rows: topicRows.map((row) => row.id),
      },
      jobId: `${topic}-${topicRows[0].id}-${topicRows[topicRows.length - 1].id}-${relay}`,
    };
  });
}
