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
import { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { EmailSender, sendEmailJob, sendEmailJobId } from '../../infra/mail/email-sender.service';
import { JobRequest, QueueName } from '../../infra/queue/jobs';
import { QueueService } from '../../infra/queue/queue.service';
import { REDIS } from '../../infra/redis/redis.module';
import { FollowUpStatus } from './follow-up.entity';
import { FollowUpFiring } from './follow-up-firing.service';
import { fireJob, fireJobId } from './follow-up-jobs';

const BATCH = 1000;
/** Polling is the safety net; LISTEN/NOTIFY wakes the scheduler at once on commit. */
const POLL_MS = 1000;
/** How often the worker checks that Redis still holds what it was given (the marker key). */
const MARKER_CHECK_MS = 1000;
/** A follow-up this much past its time without having fired is fired by the reconciler. */
const OVERDUE_GRACE_SECONDS = 10;
/** A queued e-mail untouched this long gets its job looked at, not only looked for. */
const EMAIL_STALE_SECONDS = 120;

interface ChangedRow {
  id: string;
  status: FollowUpStatus;
  version: number;
  queued_version: number | null;
  fire_at: Date;
}

export interface ReconcileReport {
  /** Open follow-ups whose delayed job was missing and has been added again. */
  restoredJobs: number;
  /** Overdue follow-ups fired by the reconciler itself. */
  firedOverdue: number;
  /** Queued e-mails whose job was missing (or dead) and has been added again. */
  requeuedEmails: number;
}

/**
 * Keeps the `follow-ups` queue in line with the `follow_ups` rows, in the worker:
 *
 * - **scheduler**: woken by NOTIFY (a trigger, at commit) or the 1 s poll, it takes rows whose
 *   `queued_version` is behind `version`, adds a delayed `fire-follow-up` job for each open one
 *   (job id = id + version, so adding twice adds once), removes the job of the version before,
 *   and records the version (only if the row did not change meanwhile);
 * - **reconciler**: at start, every `FOLLOW_UP_RECONCILE_SECONDS`, and at once when the marker
 *   key is missing from Redis (a FLUSHALL or a restart without persistence), it walks every open
 *   follow-up and adds the jobs Redis lost, fires follow-ups overdue by more than 10 s whose job
 *   did not (died, failed, lost), and re-queues queued e-mails whose job is gone.
 */
@Injectable()
export class FollowUpScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FollowUpScheduler');
  private listener: Client | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private again = false;
  private reconciling: Promise<ReconcileReport> | null = null;
  private checkingMarker = false;
  private stopped = false;
  private readonly markerKey: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly queues: QueueService,
    private readonly firing: FollowUpFiring,
    private readonly emails: EmailSender,
  ) {
    this.markerKey = `${config.redis.queuePrefix}:follow-ups-reconciler:marker`;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new Client({ connectionString: this.config.database.url });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`Follow-up listener: ${error.message}`));
    await this.listener.connect();
    await this.listener.query('LISTEN follow_ups');
    this.timers.push(setInterval(() => this.wake(), POLL_MS));
    this.timers.push(setInterval(() => void this.checkMarker(), MARKER_CHECK_MS));
    this.timers.push(
      setInterval(
        () => void this.reconcileQuietly(),
        this.config.followUps.reconcileSeconds * 1000,
      ),
    );
    this.wake();
    void this.reconcileQuietly();
  }

  /** Adds the jobs of every changed row now; resolves when none is left (used by tests too). */
  async drain(): Promise<number> {
    let total = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<ChangedRow[]>(
        `SELECT id, status, version, queued_version,
                CASE WHEN status = 'snoozed' THEN snoozed_until ELSE due_at END AS fire_at
         FROM follow_ups
         WHERE queued_version IS DISTINCT FROM version AND id > $1
         ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return total;
      after = rows[rows.length - 1].id;
      await this.syncRows(rows);
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  private async syncRows(rows: ChangedRow[]): Promise<void> {
    const now = Date.now();
    const jobs = rows
      .filter((row) => row.status === 'scheduled' || row.status === 'snoozed')
      .map((row) => fireJob(row.id, row.version, row.fire_at, now));
    await this.queues.addBulk(jobs);
    // the job of the version before no longer needs to wait in Redis (when it runs, it would
    // find the row's state and do nothing); one that is running now stays
    const queue = this.queues.queue(QueueName.FollowUps);
    for (const row of rows)
      if (row.queued_version !== null && row.queued_version !== row.version)
        await queue.remove(fireJobId(row.id, row.queued_version)).catch(() => 0);
    await this.dataSource.query(
      `UPDATE follow_ups f SET queued_version = v.version
       FROM unnest($1::uuid[], $2::int[]) AS v(id, version)
       WHERE f.id = v.id AND f.version = v.version`,
      [rows.map((row) => row.id), rows.map((row) => row.version)],
    );
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: Error) => this.logger.warn(`Follow-up scheduler: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** A missing marker means Redis lost its data: reconcile now rather than at the next tick. */
  private async checkMarker(): Promise<void> {
    if (this.stopped || this.checkingMarker || this.reconciling) return;
    if (this.redis.status !== 'ready') return;
    this.checkingMarker = true;
    try {
      if ((await this.redis.exists(this.markerKey)) === 0) {
        this.logger.warn('Redis lost the follow-up marker (flush or restart): reconciling now');
        await this.reconcileQuietly();
      }
    } catch (error) {
      this.logger.warn(`Follow-up marker check: ${(error as Error).message}`);
    } finally {
      this.checkingMarker = false;
    }
  }

  private async reconcileQuietly(): Promise<void> {
    try {
      const report = await this.reconcile();
      if (report.restoredJobs + report.firedOverdue + report.requeuedEmails > 0)
        this.logger.warn(
          `Reconciled: ${report.restoredJobs} follow-up jobs restored, ${report.firedOverdue} overdue fired, ${report.requeuedEmails} e-mails re-queued`,
        );
    } catch (error) {
      this.logger.warn(`Follow-up reconciler: ${(error as Error).message}`);
    }
  }

  /** One reconciler pass (one at a time per process; several workers may run it at once). */
  reconcile(): Promise<ReconcileReport> {
    if (this.stopped)
      return Promise.resolve({ restoredJobs: 0, firedOverdue: 0, requeuedEmails: 0 });
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<ReconcileReport> {
    // first: a flush during the pass removes it again, and the next check starts another pass
    await this.redis.set(this.markerKey, new Date().toISOString());
    // a flush also took the queues' settings (the search index's one-at-a-time)
    await this.queues.applyQueueSettings();
    const restoredJobs = await this.restoreJobs();
    const firedOverdue = await this.fireOverdue();
    const requeuedEmails = await this.requeueEmails();
    return { restoredJobs, firedOverdue, requeuedEmails };
  }

  private async restoreJobs(): Promise<number> {
    const queue = this.queues.queue(QueueName.FollowUps);
    let restored = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // rows whose change the scheduler has not handled yet are its business, not ours
      const rows = await this.dataSource.query<ChangedRow[]>(
        `SELECT id, status, version, queued_version,
                CASE WHEN status = 'snoozed' THEN snoozed_until ELSE due_at END AS fire_at
         FROM follow_ups
         WHERE status IN ('scheduled', 'snoozed') AND id > $1
         ORDER BY id LIMIT $2`,
        [after, BATCH * 2],
      );
      if (rows.length === 0) return restored;
      after = rows[rows.length - 1].id;
      const handled = rows.filter((row) => row.queued_version === row.version);
      const exists = await this.existing(
        handled.map((row) => queue.toKey(fireJobId(row.id, row.version))),
      );
      const now = Date.now();
      const missing: JobRequest[] = handled
        .filter((_, i) => !exists[i])
        .map((row) => fireJob(row.id, row.version, row.fire_at, now));
      await this.queues.addBulk(missing);
      restored += missing.length;
    }
  }

  private async fireOverdue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM follow_ups
         WHERE (status = 'scheduled' AND due_at < now() - make_interval(secs => $1))
            OR (status = 'snoozed' AND snoozed_until < now() - make_interval(secs => $1))
         ORDER BY due_at LIMIT $2`,
        [OVERDUE_GRACE_SECONDS, BATCH],
      );
      let firedNow = 0;
      for (const row of rows) if ((await this.firing.fire(row.id, true)) === 'fired') firedNow++;
      fired += firedNow;
      // rows busy elsewhere are left to whoever holds them
      if (rows.length < BATCH || firedNow === 0) return fired;
    }
  }

  private async requeueEmails(): Promise<number> {
    const queue = this.queues.queue(QueueName.Email);
    let requeued = 0;
    let after: [Date, string] = [new Date(0), '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows = await this.dataSource.query<{ id: string; created_at: Date; stale: boolean }[]>(
        `SELECT id, created_at, updated_at < now() - make_interval(secs => $3) AS stale
         FROM outgoing_emails
         WHERE status = 'queued' AND (created_at, id) > ($1, $2)
         ORDER BY created_at, id LIMIT $4`,
        [...after, EMAIL_STALE_SECONDS, BATCH * 2],
      );
      const exists = await this.existing(rows.map((row) => queue.toKey(sendEmailJobId(row.id))));
      const jobs: JobRequest[] = [];
      for (const [i, row] of rows.entries()) {
        if (!exists[i]) {
          jobs.push(sendEmailJob(row.id));
        } else if (row.stale) {
          // a job that gave up (or finished) while the row still waits: start it over
          const job = await queue.getJob(sendEmailJobId(row.id));
          const state = job ? await job.getState() : 'unknown';
          if (job && (state === 'failed' || state === 'completed')) {
            await job.remove().catch(() => undefined);
            jobs.push(sendEmailJob(row.id));
          }
        }
      }
      await this.queues.addBulk(jobs);
      requeued += jobs.length;
      if (rows.length < BATCH * 2) return requeued;
      after = [rows[rows.length - 1].created_at, rows[rows.length - 1].id];
    }
  }

  /** EXISTS for many keys in one round trip. */
  private async existing(keys: string[]): Promise<boolean[]> {
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.exists(key);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, count]) => {
      if (error) throw error;
      return count === 1;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
    await this.reconciling?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }
}
