import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { EmailSender, sendEmailJob } from '../../infra/mail/email-sender.service';
import { QueueService } from '../../infra/queue/queue.service';
import { FollowUpKind, FollowUpStatus } from './follow-up.entity';
import { followUpMail } from './follow-up-mail';

/** A job that runs this much early (clocks, rounding) still fires its own follow-up. */
const EARLY_TOLERANCE_MS = 1000;
/** Other due follow-ups fired along in one transaction (their own jobs then find them done). */
const SWEEP = 200;
/** Job versions this process fired, so their own jobs skip the database (bounded). */
const REMEMBER = 200_000;

export type FireOutcome = 'fired' | 'not-due' | 'closed' | 'gone' | 'busy';

interface DueRow {
  id: string;
  status: FollowUpStatus;
  kind: FollowUpKind;
  title: string;
  details: string | null;
  due_at: Date;
  version: number;
  email: string;
  is_due: boolean;
}

const SELECT_ROWS = `SELECT f.id, f.status, f.kind, f.title, f.details, f.due_at, f.version, u.email,
    CASE WHEN f.status = 'snoozed' THEN f.snoozed_until ELSE f.due_at END
      <= now() + make_interval(secs => $2) AS is_due
  FROM follow_ups f JOIN users u ON u.id = f.owner_id`;

/**
 * Fires follow-ups: the `fire-follow-up` job and the reconciler's catch-up both come here. In
 * one transaction the job's row is locked and fired only when still scheduled (or snoozed) and
 * due: set to `due` and an e-mail row written for this firing (unique per firing), so running
 * twice, or twice at once, fires and mails once. Other follow-ups already due are fired in the
 * same transaction (locked with SKIP LOCKED, at most 200): under load one transaction fires many,
 * and their own jobs, arriving a moment later, find them done.
 */
@Injectable()
export class FollowUpFiring {
  private readonly logger = new Logger('FollowUpFiring');
  private readonly firedHere = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly emails: EmailSender,
    private readonly queues: QueueService,
  ) {}

  /** The job handler. */
  async fireJob(data: { followUpId: string; version: number }): Promise<void> {
    // fired by this process at this version (in a sweep): nothing left for this job
    if (this.firedHere.has(`${data.followUpId}:${data.version}`)) return;
    const outcome = await this.fire(data.followUpId);
    if (outcome === 'not-due')
      // the reconciler fires it once due (its job for this version is spent)
      this.logger.warn(`Follow-up ${data.followUpId}: job ran before the follow-up was due`);
  }

  /**
   * Fires one follow-up if it is open and due (and others that are due). With `skipLocked` a
   * row another transaction holds is left alone ('busy'): whoever holds it decides.
   */
  async fire(followUpId: string, skipLocked = false): Promise<FireOutcome> {
    // done, cancelled or fired is final for this version: no lock needed to see that
    const [current] = await this.dataSource.query<{ status: FollowUpStatus }[]>(
      `SELECT status FROM follow_ups WHERE id = $1`,
      [followUpId],
    );
    if (!current) return 'gone';
    if (current.status !== 'scheduled' && current.status !== 'snoozed') return 'closed';

    const result = await this.dataSource.transaction(async (manager) => {
      const [own] = await manager.query<DueRow[]>(
        `${SELECT_ROWS} WHERE f.id = $1 FOR UPDATE OF f ${skipLocked ? 'SKIP LOCKED' : ''}`,
        [followUpId, EARLY_TOLERANCE_MS / 1000],
      );
      if (!own) return { outcome: skipLocked ? 'busy' : 'gone', emailIds: [] } as const;
      if (own.status !== 'scheduled' && own.status !== 'snoozed')
        return { outcome: 'closed', emailIds: [] } as const;
      if (!own.is_due) return { outcome: 'not-due', emailIds: [] } as const;
      const others = await manager.query<DueRow[]>(
        `${SELECT_ROWS}
         WHERE ((f.status = 'scheduled' AND f.due_at <= now())
             OR (f.status = 'snoozed' AND f.snoozed_until <= now()))
           AND f.id <> $1
         ORDER BY f.due_at LIMIT $3
         FOR UPDATE OF f SKIP LOCKED`,
        [followUpId, 0, SWEEP],
      );
      const emailIds = await this.fireRows(manager, [own, ...others]);
      return { outcome: 'fired', emailIds } as const;
    });
    if (result.emailIds.length > 0) await this.queues.addBulk(result.emailIds.map(sendEmailJob));
    return result.outcome;
  }

  /** Sets the locked rows to due and writes one e-mail row per firing; returns the e-mail ids. */
  private async fireRows(manager: EntityManager, rows: DueRow[]): Promise<string[]> {
    // (TypeORM answers an UPDATE with [rows, count])
    const [updated] = await manager.query<[{ id: string; version: number }[], number]>(
      `UPDATE follow_ups
       SET status = 'due', fired_at = now(), version = version + 1,
           queued_version = version + 1, updated_at = now()
       WHERE id = ANY($1::uuid[])
       RETURNING id, version`,
      [rows.map((row) => row.id)],
    );
    const versions = new Map(updated.map((row) => [row.id, row.version]));
    const emails = rows.map((row) => ({
      to: row.email,
      ...followUpMail(
        { kind: row.kind, title: row.title, details: row.details, dueAt: row.due_at },
        this.config.publicUrl,
      ),
      followUpId: row.id,
      followUpVersion: versions.get(row.id) ?? row.version + 1,
    }));
    const emailIds = await this.emails.queueMany(manager, emails);
    for (const row of rows) this.remember(`${row.id}:${row.version}`);
    return emailIds;
  }

  private remember(key: string): void {
    this.firedHere.add(key);
    if (this.firedHere.size > REMEMBER) {
      const oldest = this.firedHere.values().next();
      if (!oldest.done) this.firedHere.delete(oldest.value);
    }
  }
}
